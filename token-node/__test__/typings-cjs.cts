// The CommonJS view of the same typings.
import agoratoken = require('agoratoken');

const b = new agoratoken.SimpleTokenBuilder('970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b', 'r', 0);
const t: string = b.buildToken();
const r: agoratoken.VerifyResult = agoratoken.verify(t, '5CFd2fd1755d40ecb72977518be15d3b', 'r', 0);
// @ts-expect-error: parse takes a string
agoratoken.parse(42);
void r;

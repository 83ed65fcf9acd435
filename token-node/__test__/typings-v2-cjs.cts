// The CommonJS view of the v2 typings.
import v2 = require('agoratoken/v2');

const t: string = v2.ChatTokenBuilder.buildUserToken('970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b', 'alice', 600);
const r: v2.VerifyResult = v2.verify(t, '5CFd2fd1755d40ecb72977518be15d3b');
// @ts-expect-error: parse takes a string
v2.parse(42);
void r;

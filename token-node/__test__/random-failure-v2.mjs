// agoratoken/v2 under tests/random-failure/randfail.so (make test-node arms it
// through AGORATOKEN_RANDFAIL_FILE): while the OS random source fails, a 007
// build that draws a salt throws an Error with code "random" and the process
// lives on; a pinned salt needs no random source; once the source works,
// tokens are minted again.
import { closeSync, openSync, rmSync } from 'node:fs';

import * as v2 from '../v2.mjs';

const armed = process.env.AGORATOKEN_RANDFAIL_FILE;
if (!armed) throw new Error('run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set');
const [appId, cert] = ['970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b'];
const rtc = () => v2.RtcTokenBuilder.buildTokenWithUid(appId, cert, 'room-1', 42, v2.RtcRole.PUBLISHER, 600);
const data = () => v2.buildToken({ appId, appCertificate: cert, expire: 60, services: [{ type: 4, privileges: [] }] });
const pinned = () => v2.pinned(1700000000, 5, rtc);
/** What a mint gives: the token's version, or the thrown class and code. */
function outcome(mint) {
  try {
    return mint().slice(0, 3);
  } catch (e) {
    return `${e.constructor.name} ${e.code}`;
  }
}

closeSync(openSync(armed, 'w'));
const whileFailing = [rtc, data, pinned].map(outcome);
rmSync(armed);
const afterwards = [rtc, data, pinned].map(outcome);
const want = { whileFailing: ['Error random', 'Error random', '007'], afterwards: ['007', '007', '007'] };
const ok = JSON.stringify({ whileFailing, afterwards }) === JSON.stringify(want);
console.log(`random-failure[node v2]: ${ok ? 'ok' : `FAILED: ${JSON.stringify({ whileFailing, afterwards })}, want ${JSON.stringify(want)}`}`);
process.exitCode = ok ? 0 : 1;

// agoratoken/v2 under tests/random-failure/randfail.so: while the OS random
// source fails, every 007 build that draws a salt throws an Error with code
// "random" (the process lives on); a pinned salt needs no random source; once
// the source works, tokens are minted again. Run by make test-node.
import { closeSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const v2 = require('../v2.js');

const path = process.env.AGORATOKEN_RANDFAIL_FILE;
if (!path) {
  console.error('random-failure[node v2]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set');
  process.exit(2);
}
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.error(`random-failure[node v2]: FAILED: ${what}`);
  }
};
const outcome = (mint) => {
  try {
    return mint().slice(0, 3);
  } catch (e) {
    return `${e.code} ${e instanceof TypeError ? 'TypeError' : 'Error'}`;
  }
};
const rtc = () => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'room-1', 42, v2.RtcRole.PUBLISHER, 600);
const data = () => v2.buildToken({ appId: APP_ID, appCertificate: CERT, expire: 60, services: [{ type: 4, privileges: [] }] });

closeSync(openSync(path, 'w'));
for (const [what, mint] of [['a named builder', rtc], ['the data entry', data]]) {
  const got = outcome(mint);
  check(got === 'random Error', `${what} throws code random (got ${got})`);
}
check(outcome(() => v2.pinned(1700000000, 5, rtc)) === '007', 'a pinned salt needs no random source');
rmSync(path);
check(outcome(rtc) === '007' && outcome(data) === '007', 'builds again once the source works');
console.log(`random-failure[node v2]: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

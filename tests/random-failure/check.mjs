// token-node under randfail.so (see randfail.c): a failing OS random source is
// an Error with code "random" (the process is not aborted), and it mints again
// once the source works. Run by make test-node.
import { closeSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SimpleTokenBuilder, RtcTokenBuilder } = require(process.argv[2]);

const path = process.env.AGORATOKEN_RANDFAIL_FILE;
if (!path) {
  console.error('random-failure[node]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set');
  process.exit(2);
}
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`random-failure[node]: FAILED: ${what}`);
  }
};
const category = (mint) => {
  try {
    mint();
    return 'no error';
  } catch (e) {
    return `${e.code} ${e instanceof TypeError ? 'TypeError' : 'Error'}`;
  }
};

const b = new SimpleTokenBuilder(APP_ID, CERT, 'room-1', 42);
closeSync(openSync(path, 'w'));
let got = category(() => b.buildToken());
check(got === 'random Error', `buildToken throws code random (got ${got})`);
got = category(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'room-1', 42, 1, 0));
check(got === 'random Error', `the RTC helper throws code random (got ${got})`);
rmSync(path);
check(b.buildToken().startsWith('006'), 'builds again once the source works');
console.log(`random-failure[node]: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

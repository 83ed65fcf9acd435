// Issue 11: close() and Symbol.dispose, panics kept inside the addon, and no
// argument value in any message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { SimpleTokenBuilder } from '../index.js';
import { APP_CERT, APP_ID, CHANNEL, UID, errorText, throwsCode } from './common.mjs';

const require = createRequire(import.meta.url);

test('close() frees the builder now; later calls fail with null_argument; closing twice is a no-op', () => {
  const b = new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, UID);
  assert.ok(b.buildToken().startsWith('006'));
  b.close();
  b.close();
  throwsCode(() => b.buildToken(), 'null_argument');
  throwsCode(() => b.setPrivilege(1, 0), 'null_argument');
  throwsCode(() => b.salt, 'null_argument');
  assert.equal(b.initTokenBuilder('006'), -18);
  assert.match(String(b), /closed/);
});

test('Symbol.dispose closes the builder', () => {
  const b = new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, UID);
  b[Symbol.dispose]();
  throwsCode(() => b.buildToken(), 'null_argument');
});

test('builders closed in a synchronous loop do not pile up until the event loop turns', () => {
  // Issue 11 measured 1M unclosed builders in one synchronous loop: RSS 42 -> 713 MB.
  const script = `
    const { SimpleTokenBuilder } = require(${JSON.stringify(require.resolve('../index.js'))});
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 300000; i++) {
      const b = new SimpleTokenBuilder('${APP_ID}', '${APP_CERT}', 'channel-' + (i % 100), 'user-' + i);
      b.setPrivilege(1, i);
      b.close();
    }
    console.log(Math.round((process.memoryUsage().rss - before) / 1e6));
  `;
  const grownMb = Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
  assert.ok(grownMb < 120, `memory grew by ${grownMb} MB`);
});

test('a panic in the addon is an Error with code internal, and the process lives on', () => {
  const addon = require('../agoratoken.node');
  assert.throws(
    () => addon.selfTestPanic(),
    (e) => e instanceof Error && e.code === 'internal' && !errorText(e).includes('self-test'),
  );
  assert.ok(new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, UID).buildToken().startsWith('006'));
});

test('the raw addon never echoes an argument in its conversion errors', () => {
  const addon = require('../agoratoken.node');
  const secret = 0x5cfd2fd1755d4;
  const secretText = String(secret);
  const calls = [
    () => addon.builderWithUid(APP_ID, secret, CHANNEL, UID),
    () => addon.builderWithUserAccount(APP_ID, { cert: APP_CERT }, CHANNEL, 'alice'),
    () => addon.parse(secret),
    () => addon.verifyUid('006', secret, CHANNEL, UID, null, null),
    () => addon.rtcBuildTokenWithUid(APP_ID, secret, CHANNEL, UID, 1, 0),
  ];
  for (const call of calls) {
    let caught;
    try {
      call();
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof Error, `no error from ${call}`);
    const text = errorText(caught);
    assert.ok(!text.includes(secretText) && !text.includes(APP_CERT), `an argument leaked: ${caught.message}`);
  }
});

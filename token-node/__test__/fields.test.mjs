// Issue 12, inputs from the field, in both formats: the uid-0 wildcard,
// renewal, the lifetime rule, damaged tokens, negative uids and `now` in
// milliseconds (`Date.now()`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import * as v1 from '../index.mjs';
import * as v2 from '../v2.mjs';
import { APP_CERT, APP_ID, OTHER_CERT, now, throwsCode } from './common.mjs';

describe('uid 0 is a wildcard', () => {
  test('006: a uid-0 token admits any uid or account; the reverse does not hold', () => {
    const w = v1.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'live', 0, v1.RtcRole.SUBSCRIBER, 0);
    for (const uid of [12345, 1, 2 ** 32 - 1, 'alice', '0']) assert.equal(v1.verify(w, APP_CERT, 'live', uid), 'ok', String(uid));
    assert.equal(v1.verify(w, OTHER_CERT, 'live', 12345), 'signature_mismatch');
    assert.equal(v1.verify(w, APP_CERT, 'other', 12345), 'channel_mismatch');
    const t42 = v1.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'live', 42, v1.RtcRole.PUBLISHER, 0);
    assert.equal(v1.verify(t42, APP_CERT, 'live', 0), 'uid_mismatch');
    const account0 = v1.RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERT, 'live', '0', v1.RtcRole.PUBLISHER, 0);
    assert.equal(v1.verify(account0, APP_CERT, 'live', 5), 'uid_mismatch', 'account "0" is not uid 0');
  });

  test('007: the same, through verify\'s RTC check', () => {
    const w = v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'live', 0, v2.RtcRole.SUBSCRIBER, 600);
    for (const uid of [12345, 1n, 'alice', '0']) assert.equal(v2.verify(w, APP_CERT, { channelName: 'live', uid }), 'ok', String(uid));
    assert.equal(v2.verify(w, OTHER_CERT, { channelName: 'live', uid: 12345 }), 'signature_mismatch');
    const t42 = v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'live', 42, v2.RtcRole.PUBLISHER, 600);
    assert.equal(v2.verify(t42, APP_CERT, { channelName: 'live', uid: 0 }), 'uid_mismatch');
    const account0 = v2.RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERT, 'live', '0', 1, 600);
    assert.equal(v2.verify(account0, APP_CERT, { channelName: 'live', uid: 5 }), 'uid_mismatch');
  });
});

describe('renewal (006 initTokenBuilder)', () => {
  test('the renewed token lives again: privileges inherited, salt and ts fresh (the issue\'s example)', () => {
    const t = now();
    const b = new v1.SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 42);
    b.ts = t + 30;
    for (const p of [1, 2, 3, 4]) b.setPrivilege(p, t + 30);
    const old = b.buildToken();
    const r = new v1.SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 42);
    assert.equal(r.initTokenBuilder(old), 0);
    assert.deepEqual(r.privileges, [[1, t + 30], [2, t + 30], [3, t + 30], [4, t + 30]]);
    assert.equal(r.salt, null);
    assert.equal(r.ts, null);
    r.setPrivilege(v1.Privileges.kJoinChannel, t + 3600);
    const renewed = r.buildToken();
    assert.equal(v1.verify(renewed, APP_CERT, 'c', 42, { now: t + 600 }), 'ok');
    assert.equal(v1.verify(old, APP_CERT, 'c', 42, { now: t + 600 }), 'expired');
    assert.ok(v1.parse(renewed).ts >= t + 86400, 'a fresh 24-hour ts');
    assert.notEqual(v1.parse(renewed).salt, v1.parse(old).salt);
    const other = new v1.SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 43);
    assert.equal(other.initTokenBuilder(old), v1.ErrorCode.uid_mismatch);
  });
});

describe('one lifetime rule', () => {
  test('006: the helpers\' token lives 24 hours, the privilege what it was given', () => {
    const t = now();
    const token = v1.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', 42, v1.RtcRole.PUBLISHER, t + 48 * 3600);
    const p = v1.parse(token);
    assert.ok(p.ts >= t + 86400 && p.ts <= now() + 86400);
    assert.deepEqual(p.privileges[0], [1, t + 48 * 3600]);
    assert.equal(v1.verify(token, APP_CERT, 'c', 42, { now: p.ts + 1 }), 'expired', 'the privilege is cut short by the token');
  });

  test('007: a privilege that outlives its token is cut short by it', () => {
    const token = v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', 42, v2.RtcRole.PUBLISHER, 60, 3600);
    const p = v2.parse(token);
    assert.equal(v2.verify(token, APP_CERT, { channelName: 'c', uid: 42, now: p.issueTs + 61 }), 'expired');
  });

  test('the docs say so in a sentence (README, typings)', () => {
    // A sentence may wrap: any whitespace (and a `//` or `*` comment marker) between its words.
    const sentence = (text) => new RegExp(text.split(' ').join('(?:\\s|//|\\*)+'));
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    assert.match(readme, sentence('a privilege that outlives its token is cut short by it'));
    assert.match(readme, sentence('007 expiries are seconds from now'));
    assert.match(readme, sentence('006 times are Unix times'));
    for (const dts of ['../index.d.ts', '../v2.d.ts']) {
      assert.match(readFileSync(new URL(dts, import.meta.url), 'utf8'), sentence('privilege that outlives its token is cut short by it'), dts);
    }
  });
});

describe('damaged tokens carry the core\'s diagnosis', () => {
  // Tokens holding '+' and '/', so that every kind of damage changes them.
  const withEverySign = (make) => {
    for (let salt = 1; salt < 1000; salt += 1) {
      const t = make(salt);
      if (/\+/.test(t) && /\//.test(t)) return t;
    }
    throw new Error('no salt below 1000 gives a token with both + and /');
  };
  const t6 = withEverySign((salt) => {
    const b = new v1.SimpleTokenBuilder(APP_ID, APP_CERT, 'room-1', 42);
    b.salt = salt;
    b.setPrivilege(v1.Privileges.kJoinChannel, 0);
    return b.buildToken();
  });
  const t7 = withEverySign((salt) => v2.pinned(1700000000, salt, () => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, 600)));
  const DAMAGE = [
    ['wrapped in quotes', (t) => `"${t}"`, /wrapped in quotes/],
    ['leading whitespace', (t) => ` ${t}`, /whitespace or a line break/],
    ['a trailing newline', (t) => `${t}\n`, /whitespace or a line break/],
    ['JSON escapes', (t) => t.replace(/\//g, '\\/'), /JSON escapes/],
    ['URL encoding left in', (t) => encodeURIComponent(t), /URL-encoded/],
    ['URL decoding turned + into space', (t) => t.replace(/\+/g, ' '), /a '\+' became a space/],
    ['URL-safe base64', (t) => t.replace(/\+/g, '-').replace(/\//g, '_'), /URL-safe base64/],
    ['cut short', (t) => t.slice(0, -10), /cut short/],
    ['empty', () => '', /empty/],
    ['the app id', () => APP_ID, /look like an app id or an app certificate/],
  ];
  for (const [format, token, parse, verify] of [
    ['006', t6, v1.parse, (t) => v1.verify(t, APP_CERT, 'room-1', 42)],
    ['007', t7, v2.parse, (t) => v2.verify(t, APP_CERT)],
  ]) {
    test(format, () => {
      for (const [what, damage, diagnosis] of DAMAGE) {
        const damaged = damage(token);
        assert.notEqual(damaged, token, what);
        for (const read of [parse, verify, v2.parseAny]) {
          assert.throws(() => read(damaged), (e) => ['version', 'base64'].includes(e.code) && diagnosis.test(e.message), `${format}, ${what}`);
        }
      }
    });
  }

  test('another token generation says which reader to use; positions count from the first character', () => {
    assert.throws(() => v1.parse(t7), (e) => e.code === 'version' && /AccessToken2 \(007\)/.test(e.message));
    assert.throws(() => v2.parse(t6), (e) => e.code === 'version' && /AccessToken \(006\)/.test(e.message));
    const bad = `${t7.slice(0, 20)}*${t7.slice(21)}`;
    assert.throws(() => v2.parse(bad), (e) => e.code === 'base64' && /character '\*' at position 20/.test(e.message));
  });
});

describe('lone surrogates (not Unicode) are refused, never replaced', () => {
  test('006: the field\'s character rule; 007: a TypeError naming the argument', () => {
    throwsCode(() => v1.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room\uD800', 42, 1, 0), 'channel_name');
    throwsCode(() => v1.RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERT, 'room', 'a\uDC00', 1, 0), 'user_account');
    throwsCode(() => new v1.SimpleTokenBuilder(APP_ID, APP_CERT, '\uD800', 42), 'channel_name');
    for (const call of [
      () => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room\uD800', 42, 1, 60),
      () => v2.RtmTokenBuilder.buildToken(APP_ID, APP_CERT, '\uDBFFx', 60),
      () => v2.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'u', [[0, 0, ['\uD800']]], 60),
    ]) {
      assert.throws(call, (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_VALUE' && /lone surrogate/.test(e.message));
    }
  });
});

describe('numbers from other languages and clocks', () => {
  const t6 = v1.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, 0);
  const t7 = v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, 600);
  const r6 = v1.RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'alice', v1.RtmRole.Rtm_User, 0);

  test('now = Date.now() (milliseconds) is refused as `now` and says so, in both formats', () => {
    const ms = Date.now();
    const calls = [
      () => v1.verify(t6, APP_CERT, 'room-1', 42, { now: ms }),
      () => v1.verifyRtm(r6, APP_CERT, 'alice', { now: ms }),
      () => v2.verify(t7, APP_CERT, { now: ms }),
      () => v2.verify(t7, APP_CERT, { channelName: 'room-1', uid: 42, now: BigInt(ms) }),
    ];
    for (const call of calls) {
      const e = throwsCode(call, 'now');
      assert.match(e.message, /looks like milliseconds: pass seconds \(\d{10}\)/);
    }
    assert.equal(v1.verifyRtm(r6, APP_CERT, 'alice', { now: Math.floor(ms / 1000) }), 'ok');
    assert.equal(v1.verifyRtm(r6, APP_CERT, 'bob'), 'uid_mismatch');
  });

  test('a negative uid (the signed 32-bit view) is reported against uid with the hint, in both formats', () => {
    const calls = [
      () => v1.verify(t6, APP_CERT, 'room-1', -1294967296),
      () => v1.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', -1294967296, 1, 0),
      () => new v1.SimpleTokenBuilder(APP_ID, APP_CERT, 'c', -1294967296),
      () => v2.verify(t7, APP_CERT, { channelName: 'room-1', uid: -1294967296 }),
      () => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', -1294967296, 1, 60),
      () => v2.buildToken({ appId: APP_ID, appCertificate: APP_CERT, expire: 1, services: [{ type: 1, privileges: [], channelName: 'c', uid: -1294967296 }] }),
    ];
    for (const call of calls) assert.match(throwsCode(call, 'uid').message, /signed 32-bit view of the unsigned uid 3000000000/);
  });
});

// The static helpers, parse, verify, the tables and version().
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import {
  ErrorCode,
  Privileges,
  Role,
  RtcRole,
  RtcTokenBuilder,
  RtmRole,
  RtmTokenBuilder,
  SimpleTokenBuilder,
  errorName,
  parse,
  verify,
  version,
} from '../index.js';
import { APP_CERT, APP_ID, CHANNEL, KNOWN_TOKEN, OTHER_CERT, UID, now, otherTypes, throwsCode, throwsType } from './common.mjs';

const rtcUid = (...a) => RtcTokenBuilder.buildTokenWithUid(...a);
const rtcAccount = (...a) => RtcTokenBuilder.buildTokenWithAccount(...a);
const rtm = (...a) => RtmTokenBuilder.buildToken(...a);

describe('RtcTokenBuilder', () => {
  test('buildTokenWithUid: role privileges, expiry, ts, verify', () => {
    const expire = now() + 3600;
    for (const [role, ids] of [
      [RtcRole.ATTENDEE, [1, 2, 3, 4]],
      [RtcRole.PUBLISHER, [1, 2, 3, 4]],
      [RtcRole.SUBSCRIBER, [1]],
      [RtcRole.ADMIN, [1, 2, 3, 4]],
    ]) {
      const before = now();
      const token = rtcUid(APP_ID, APP_CERT, 'room-1', 42, role, expire);
      const t = parse(token);
      assert.equal(t.appId, APP_ID);
      assert.deepEqual(t.privileges, ids.map((id) => [id, expire]));
      assert.ok(t.ts >= before + 86400 && t.ts <= now() + 86400);
      assert.equal(verify(token, APP_CERT, 'room-1', 42), 'ok');
      assert.equal(verify(token, APP_CERT, 'room-1', '42'), 'ok');
    }
    assert.equal(parse(rtcUid(APP_ID, APP_CERT, 'room-1', 0, 1, 0)).crcUid, 0);
    assert.equal(verify(rtcUid(APP_ID, APP_CERT, 'r', 2 ** 32 - 1, 1, 0), APP_CERT, 'r', 2 ** 32 - 1), 'ok');
    assert.equal(verify(rtcUid(APP_ID, APP_CERT, 'r', 5n, 1, 0), APP_CERT, 'r', 5), 'ok');
  });

  test('buildTokenWithAccount', () => {
    const token = rtcAccount(APP_ID, APP_CERT, 'room-1', 'alice', RtcRole.SUBSCRIBER, 7);
    assert.deepEqual(parse(token).privileges, [[1, 7]]);
    assert.equal(verify(token, APP_CERT, 'room-1', 'alice', { now: 1 }), 'ok');
    assert.equal(verify(token, APP_CERT, 'room-1', 'bob'), 'uid_mismatch');
  });

  test('every token gets a fresh salt, even for identical inputs in the same second', () => {
    const salts = new Set();
    for (let i = 0; i < 200; i += 1) salts.add(parse(rtcUid(APP_ID, APP_CERT, 'room-1', 42, 1, 0)).salt);
    assert.equal(salts.size, 200);
  });

  test('invalid values', () => {
    throwsCode(() => rtcUid('nope', APP_CERT, 'c', 1, 1, 0), 'app_id');
    throwsCode(() => rtcUid(APP_ID, APP_CERT.slice(2), 'c', 1, 1, 0), 'app_certificate', APP_CERT.slice(2));
    throwsCode(() => rtcUid(APP_ID, APP_CERT, '', 1, 1, 0), 'channel_name');
    throwsCode(() => rtcAccount(APP_ID, APP_CERT, 'c', '', 1, 0), 'user_account');
    throwsCode(() => rtcAccount(APP_ID, APP_CERT, 'c', 'a b/c', 1, 0), 'user_account');
    for (const bad of [-1, 2 ** 32, 1.5, NaN]) throwsCode(() => rtcUid(APP_ID, APP_CERT, 'c', bad, 1, 0), 'uid');
    for (const bad of [3, -1, 1.5, 102]) {
      throwsCode(() => rtcUid(APP_ID, APP_CERT, 'c', 1, bad, 0), 'role');
      throwsCode(() => rtcAccount(APP_ID, APP_CERT, 'c', 'a', bad, 0), 'role');
    }
    for (const bad of [-1, 2 ** 32, 0.1]) {
      throwsCode(() => rtcUid(APP_ID, APP_CERT, 'c', 1, 1, bad), 'expire_ts');
      throwsCode(() => rtcAccount(APP_ID, APP_CERT, 'c', 'a', 1, bad), 'expire_ts');
    }
  });

  test('wrong types', () => {
    for (const bad of otherTypes('string')) {
      throwsType(() => rtcUid(bad, APP_CERT, 'c', 1, 1, 0));
      throwsType(() => rtcUid(APP_ID, bad, 'c', 1, 1, 0));
      throwsType(() => rtcUid(APP_ID, APP_CERT, bad, 1, 1, 0));
      throwsType(() => rtcAccount(APP_ID, APP_CERT, 'c', bad, 1, 0));
    }
    for (const bad of otherTypes('number', 'bigint')) {
      throwsType(() => rtcUid(APP_ID, APP_CERT, 'c', bad, 1, 0));
      throwsType(() => rtcUid(APP_ID, APP_CERT, 'c', 1, bad, 0));
      throwsType(() => rtcUid(APP_ID, APP_CERT, 'c', 1, 1, bad));
      throwsType(() => rtcAccount(APP_ID, APP_CERT, 'c', 'a', bad, 0));
      throwsType(() => rtcAccount(APP_ID, APP_CERT, 'c', 'a', 1, bad));
    }
  });
});

describe('RtmTokenBuilder', () => {
  test('buildToken: the account in the channel field, kRtmLogin, an empty uid', () => {
    const token = rtm(APP_ID, APP_CERT, 'alice', RtmRole.Rtm_User, 99);
    const t = parse(token);
    assert.deepEqual(t.privileges, [[Privileges.kRtmLogin, 99]]);
    assert.equal(t.crcUid, 0);
    assert.equal(verify(token, APP_CERT, 'alice', 0, { now: 1 }), 'ok');
  });

  test('failures', () => {
    // Any integer role builds the login token (npm's builders ignore the role; token-core's rule).
    for (const role of [0, 2, -1, 101]) assert.deepEqual(parse(rtm(APP_ID, APP_CERT, 'alice', role, 0)).privileges, [[Privileges.kRtmLogin, 0]]);
    throwsCode(() => rtm(APP_ID, APP_CERT, 'alice', 1.5, 0), 'role');
    throwsCode(() => rtm(APP_ID, APP_CERT, '', 1, 0), 'user_account');
    throwsCode(() => rtm(APP_ID, 'x', 'alice', 1, 0), 'app_certificate', 'SECRET');
    throwsCode(() => rtm('x', APP_CERT, 'alice', 1, 0), 'app_id');
    throwsCode(() => rtm(APP_ID, APP_CERT, 'alice', 1, -1), 'expire_ts');
    for (const bad of otherTypes('string')) throwsType(() => rtm(APP_ID, APP_CERT, bad, 1, 0));
    for (const bad of otherTypes('number', 'bigint')) {
      throwsType(() => rtm(APP_ID, APP_CERT, 'alice', bad, 0));
      throwsType(() => rtm(APP_ID, APP_CERT, 'alice', 1, bad));
    }
  });
});

describe('parse', () => {
  test('every field', () => {
    assert.deepEqual(parse(KNOWN_TOKEN), {
      appId: APP_ID,
      signatureHex: parse(KNOWN_TOKEN).signatureHex,
      crcChannelName: parse(KNOWN_TOKEN).crcChannelName,
      crcUid: parse(KNOWN_TOKEN).crcUid,
      salt: 1,
      ts: 1111111,
      privileges: [[1, 1446455471]],
    });
    assert.match(parse(KNOWN_TOKEN).signatureHex, /^[0-9a-f]{64}$/);
  });

  test('malformed tokens', () => {
    const content = KNOWN_TOKEN.slice(35);
    const bytes = Buffer.from(content, 'base64');
    throwsCode(() => parse(''), 'version');
    throwsCode(() => parse('007' + KNOWN_TOKEN.slice(3)), 'version');
    throwsCode(() => parse('006' + APP_ID.slice(0, 31) + 'x' + content), 'app_id');
    throwsCode(() => parse('006abc'), 'app_id');
    throwsCode(() => parse('006' + APP_ID), 'truncated');
    throwsCode(() => parse('006' + APP_ID + content.slice(0, -1)), 'base64');
    throwsCode(() => parse('006' + APP_ID + content + '\n'), 'base64');
    throwsCode(() => parse('006' + APP_ID + bytes.subarray(0, 40).toString('base64')), 'truncated');
    throwsCode(() => parse('006' + APP_ID + Buffer.concat([bytes, Buffer.from([1, 2])]).toString('base64')), 'trailing');
    for (const bad of otherTypes('string')) throwsType(() => parse(bad));
  });

  test('the longest tokens parse; appended characters are never dropped', () => {
    const b = new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 1);
    for (const id of Object.values(Privileges)) b.setPrivilege(id, 1);
    const long = b.buildToken();
    assert.equal(parse(long).privileges.length, 14);
    // Padded to either side of the addon's 256-byte read buffer.
    for (let total = 245; total <= 260; total += 1) {
      const padded = long + 'A'.repeat(Math.max(0, total - long.length));
      for (const ch of ['é', '€', '😀']) {
        assert.throws(() => parse(padded + ch), (e) => ['base64', 'trailing', 'truncated'].includes(e.code));
      }
    }
  });
});

describe('verify', () => {
  const token = (() => {
    const b = new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, UID);
    b.salt = 9;
    b.ts = 2000;
    b.setPrivilege(Privileges.kJoinChannel, 1500);
    return b.buildToken();
  })();

  test('every result, in check order', () => {
    assert.equal(verify(token, APP_CERT, CHANNEL, UID, { now: 1500 }), 'ok');
    assert.equal(verify(token, APP_CERT, CHANNEL, String(UID), { now: 1500, appId: APP_ID }), 'ok');
    assert.equal(verify(token, APP_CERT, CHANNEL, UID, { now: 1500, appId: APP_ID.toLowerCase() }), 'app_id_mismatch');
    assert.equal(verify(token, APP_CERT, 'other', UID, { now: 1500 }), 'channel_mismatch');
    assert.equal(verify(token, APP_CERT, CHANNEL, UID + 1, { now: 1500 }), 'uid_mismatch');
    assert.equal(verify(token, OTHER_CERT, CHANNEL, UID, { now: 1500 }), 'signature_mismatch');
    assert.equal(verify(token, APP_CERT.toLowerCase(), CHANNEL, UID, { now: 1500 }), 'signature_mismatch');
    assert.equal(verify(token, APP_CERT, CHANNEL, UID, { now: 2001 }), 'expired');
    assert.equal(verify(token, APP_CERT, CHANNEL, UID, { now: 1501 }), 'privilege_expired');
    assert.equal(verify(token, APP_CERT, CHANNEL, UID), 'expired', 'now defaults to the clock');
    assert.equal(verify(token, APP_CERT, CHANNEL, UID, { now: null, appId: null }), 'expired');
    assert.equal(verify(token, APP_CERT, CHANNEL, 2882341273n, { now: 0 }), 'ok');
  });

  test('failures', () => {
    throwsCode(() => verify('x', APP_CERT, CHANNEL, UID), 'version');
    throwsCode(() => verify(token, 'short', CHANNEL, UID), 'app_certificate', 'short');
    assert.match(throwsCode(() => verify(token, APP_CERT, CHANNEL, -1), 'uid').message, /signed 32-bit view of the unsigned uid 4294967295/);
    throwsCode(() => verify(token, APP_CERT, CHANNEL, UID, { now: -1 }), 'now');
    throwsCode(() => verify(token, APP_CERT, CHANNEL, UID, { now: 2 ** 32 }), 'now');
    throwsCode(() => verify(token, APP_CERT, CHANNEL, UID, { now: 1.5 }), 'now');
    for (const bad of otherTypes('string')) {
      throwsType(() => verify(bad, APP_CERT, CHANNEL, UID));
      throwsType(() => verify(token, bad, CHANNEL, UID));
      throwsType(() => verify(token, APP_CERT, bad, UID));
    }
    for (const bad of otherTypes('string', 'number', 'bigint')) throwsType(() => verify(token, APP_CERT, CHANNEL, bad));
    for (const bad of ['x', 1, true]) throwsType(() => verify(token, APP_CERT, CHANNEL, UID, bad));
    throwsType(() => verify(token, APP_CERT, CHANNEL, UID, { now: '1' }));
    throwsType(() => verify(token, APP_CERT, CHANNEL, UID, { appId: 1 }));
  });
});

describe('tables, errorName, version', () => {
  test('reference names', () => {
    assert.deepEqual(Role, { kRoleAttendee: 0, kRolePublisher: 1, kRoleSubscriber: 2, kRoleAdmin: 101 });
    assert.deepEqual(RtcRole, { ATTENDEE: 0, PUBLISHER: 1, SUBSCRIBER: 2, ADMIN: 101 });
    assert.deepEqual(RtmRole, { Rtm_User: 1 });
    assert.equal(Privileges.kJoinChannel, 1);
    assert.equal(Privileges.kAdministrateChannel, 101);
    assert.equal(Privileges.kRtmLogin, 1000);
    assert.equal(Object.keys(Privileges).length, 14);
    for (const table of [Role, RtcRole, RtmRole, Privileges, ErrorCode]) assert.ok(Object.isFrozen(table));
  });

  test('the typings list every runtime name', () => {
    const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');
    for (const table of [Role, RtcRole, RtmRole, Privileges, ErrorCode]) {
      for (const [name, value] of Object.entries(table)) assert.ok(dts.includes(`${name}: ${value};`), name);
    }
  });

  test('ErrorCode and errorName', () => {
    assert.equal(ErrorCode.app_id, -1);
    assert.equal(ErrorCode.channel_name, -3);
    assert.equal(ErrorCode.internal, -19);
    const codes = Object.values(ErrorCode);
    assert.deepEqual(codes, codes.map((_, i) => -(i + 1)));
    for (const [name, code] of Object.entries(ErrorCode)) assert.equal(errorName(code), name);
    assert.equal(errorName(0), 'ok');
    assert.equal(errorName(-1000), 'unknown');
    assert.equal(errorName('x'), 'unknown');
  });

  test('version() is the workspace version and the package version', () => {
    const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
    const workspace = cargo.match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/)[1];
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(version(), workspace);
    assert.equal(pkg.version, workspace);
  });
});

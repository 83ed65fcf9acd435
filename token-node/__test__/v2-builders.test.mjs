// agoratoken/v2: every reference builder (what it puts in the token), every
// failure path (wrong types, null/undefined, out-of-range numbers, lone
// surrogates), and that every row of token-core's recipe table is reachable
// under its documented Node name.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

import * as v2 from '../v2.mjs';
import { APP_CERT, APP_ID, errorText, now, otherTypes, throwsCode, throwsType } from './common.mjs';

const require = createRequire(import.meta.url);
const addon = require('../agoratoken.node');
const {
  RtcTokenBuilder, RtcRole, RtmTokenBuilder, ChatTokenBuilder, FpaTokenBuilder, ApaasTokenBuilder,
  EducationTokenBuilder, ConvoAITokenBuilder, SttTokenBuilder, Rtm2Permissions, parse, verify,
} = v2;

const md5 = (s) => createHash('md5').update(s, 'utf8').digest('hex');
const rtc = (channelName, account, privileges) => ({ type: 1, className: 'ServiceRtc', privileges, channelName, account });
const user = (type, className, userId, privileges) => ({ type, className, privileges, userId });
const apaas = (roomUuid, userUuid, role, privileges) => ({ type: 7, className: 'ServiceApaas', privileges, roomUuid, userUuid, role });

// [name, call, token expire, services in token order] for each reference builder (FORMAT007.md §6).
const CASES = [
  ['RtcTokenBuilder.buildTokenWithUid (publisher)', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, RtcRole.PUBLISHER, 3600, 600),
    3600, [rtc('room-1', '42', [[1, 600], [2, 600], [3, 600], [4, 600]])]],
  ['RtcTokenBuilder.buildTokenWithUid (subscriber, privilegeExpire defaults to 0)', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 0, RtcRole.SUBSCRIBER, 3600),
    3600, [rtc('room-1', '', [[1, 0]])]],
  ['RtcTokenBuilder.buildTokenWithUserAccount', () => RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERT, 'room-1', 'alice', RtcRole.PUBLISHER, 60, 30),
    60, [rtc('room-1', 'alice', [[1, 30], [2, 30], [3, 30], [4, 30]])]],
  ['RtcTokenBuilder.buildTokenWithUidAndPrivilege', () => RtcTokenBuilder.buildTokenWithUidAndPrivilege(APP_ID, APP_CERT, 'room-1', 2882341273, 900, 1, 2, 3, 4),
    900, [rtc('room-1', '2882341273', [[1, 1], [2, 2], [3, 3], [4, 4]])]],
  ['RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege', () => RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(APP_ID, APP_CERT, 'room-1', 'bob', 900, 5, 6, 7, 8),
    900, [rtc('room-1', 'bob', [[1, 5], [2, 6], [3, 7], [4, 8]])]],
  ['RtcTokenBuilder.buildTokenWithRtm', () => RtcTokenBuilder.buildTokenWithRtm(APP_ID, APP_CERT, 'room-1', 'carol', RtcRole.SUBSCRIBER, 700, 70),
    700, [rtc('room-1', 'carol', [[1, 70]]), user(2, 'ServiceRtm', 'carol', [[1, 700]])]],
  ['RtcTokenBuilder.buildTokenWithRtm2', () => RtcTokenBuilder.buildTokenWithRtm2(APP_ID, APP_CERT, 'room-1', 'dave', RtcRole.PUBLISHER, 800, 1, 2, 3, 4, 'erin', 80),
    800, [rtc('room-1', 'dave', [[1, 1], [2, 2], [3, 3], [4, 4]]), user(2, 'ServiceRtm', 'erin', [[1, 80]])]],
  ['RtmTokenBuilder.buildToken', () => RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'alice', 3600),
    3600, [user(2, 'ServiceRtm', 'alice', [[1, 3600]])]],
  ['RtmTokenBuilder.buildTokenWithPermissions (Rtm2Permissions, expire defaults to 0)', () => {
    const p = new Rtm2Permissions();
    p.add(Rtm2Permissions.kUsers, Rtm2Permissions.kWrite, ['u1']);
    p.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['c1', 'c0']);
    p.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['c2', 'c1']); // replaces, as npm's add does
    return RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'alice', p);
  }, 0, [{ ...user(8, 'ServiceRtm2', 'alice', [[1, 0]]), permissions: [[0, 0, ['c2', 'c1']], [4, 1, ['u1']]] }]],
  ['RtmTokenBuilder.buildTokenWithPermissions (grant triples)', () => RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'alice', [[2, 1, ['g']], [2, 0, []]], 60),
    60, [{ ...user(8, 'ServiceRtm2', 'alice', [[1, 60]]), permissions: [[2, 0, []], [2, 1, ['g']]] }]],
  ['ChatTokenBuilder.buildUserToken', () => ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, 'alice', 600),
    600, [user(5, 'ServiceChat', 'alice', [[1, 600]])]],
  ['ChatTokenBuilder.buildAppToken', () => ChatTokenBuilder.buildAppToken(APP_ID, APP_CERT, 600),
    600, [user(5, 'ServiceChat', '', [[2, 600]])]],
  ['FpaTokenBuilder.buildToken', () => FpaTokenBuilder.buildToken(APP_ID, APP_CERT),
    86400, [{ type: 4, className: 'ServiceFpa', privileges: [[1, 0]] }]],
  ...[['ApaasTokenBuilder', ApaasTokenBuilder], ['EducationTokenBuilder', EducationTokenBuilder]].flatMap(([name, B]) => [
    [`${name}.buildRoomUserToken`, () => B.buildRoomUserToken(APP_ID, APP_CERT, 'room-9', 'user-316', 0, 500),
      500, [user(2, 'ServiceRtm', 'user-316', [[1, 500]]), user(5, 'ServiceChat', md5('user-316'), [[1, 500]]), apaas('room-9', 'user-316', 0, [[1, 500]])]],
    [`${name}.buildUserToken`, () => B.buildUserToken(APP_ID, APP_CERT, 'user-1', 400),
      400, [apaas('', 'user-1', -1, [[2, 400]])]],
    [`${name}.buildAppToken`, () => B.buildAppToken(APP_ID, APP_CERT, 300),
      300, [apaas('', '', -1, [[3, 300]])]],
  ]),
  ...[['ConvoAITokenBuilder', ConvoAITokenBuilder, 9, 'ServiceConvoAI'], ['SttTokenBuilder', SttTokenBuilder, 10, 'ServiceStt']].map(([name, B, type, className]) => [
    `${name}.buildToken`, () => B.buildToken(APP_ID, APP_CERT, 'room-1', 'agent', RtcRole.SUBSCRIBER, 900, 10, 20, 30, 40, 'agent-rtm', 90),
    900, [rtc('room-1', 'agent', [[1, 10]]), user(2, 'ServiceRtm', 'agent-rtm', [[1, 90]]), { type, className, privileges: [] }]]),
];

describe('every reference builder', () => {
  for (const [name, call, expire, services] of CASES) {
    test(name, () => {
      const before = now();
      const token = call();
      assert.ok(token.startsWith('007'));
      const t = parse(token);
      assert.equal(t.appId, APP_ID);
      assert.equal(t.expire, expire);
      assert.ok(t.issueTs >= before && t.issueTs <= now(), 'issue_ts is the clock');
      assert.ok(t.salt >= 1 && t.salt <= 99999999, 'the references\' salt range');
      assert.deepEqual(t.services, services);
      assert.equal(verify(token, APP_CERT), 'ok');
      const rtcService = services.find((s) => s.type === 1);
      if (rtcService !== undefined) {
        const uid = rtcService.account === '' ? 12345 : rtcService.account;
        assert.equal(verify(token, APP_CERT, { channelName: rtcService.channelName, uid }), 'ok');
      }
      const rtm = services.find((s) => s.type === 2 || s.type === 8);
      if (rtm !== undefined) assert.equal(verify(token, APP_CERT, { rtmUserId: rtm.userId }), 'ok');
    });
  }

  test('each token gets a fresh salt', () => {
    const salts = new Set();
    for (let i = 0; i < 200; i += 1) salts.add(parse(FpaTokenBuilder.buildToken(APP_ID, APP_CERT)).salt);
    assert.equal(salts.size, 200);
  });
});

describe('the recipe table', () => {
  test('every row is reachable under its documented Node name, and nothing else is exported as a builder', () => {
    const rows = addon.tables007().recipes;
    assert.equal(rows.length, 19);
    assert.deepEqual(v2.recipes.map((r) => r.name), rows.map((r) => r.name));
    assert.deepEqual(Object.keys(v2.builders).sort(), rows.map((r) => r.name).sort());
    const classes = [RtcTokenBuilder, RtmTokenBuilder, ChatTokenBuilder, FpaTokenBuilder, ApaasTokenBuilder, EducationTokenBuilder, ConvoAITokenBuilder, SttTokenBuilder];
    const methods = classes.flatMap((c) => Object.getOwnPropertyNames(c).filter((k) => typeof c[k] === 'function').map((k) => c[k]));
    assert.deepEqual(new Set(methods), new Set(Object.values(v2.builders)), 'every static builder method is a row');
    const sample = { str: 'user-1', uid: 42, rtc_role: 1, expire: 600, privilege_expire: 300, apaas_role: 1, permissions: [[0, 0, ['c1']]] };
    for (const r of rows) {
      const fn = v2.builders[r.name];
      assert.equal(fn.length, 2 + r.params.length, `${r.name}: arity`);
      const args = r.params.map((p) => (p.name === 'channel_name' ? 'room-1' : sample[p.kind]));
      const viaName = v2.pinned(1700000000, 7, () => fn(APP_ID, APP_CERT, ...args));
      const viaRow = addon.build007Pinned(r.index, 1700000000, 7, APP_ID, APP_CERT, ...args);
      assert.equal(viaName, viaRow, `${r.name} calls row ${r.index}`);
      // Every other row with the same parameters builds another token (APaaS and Education are the same builders).
      const kinds = (row) => row.params.map((p) => p.kind).join();
      for (const other of rows) {
        if (other.index !== r.index && kinds(other) === kinds(r) && other.name.split('.')[1] !== r.name.split('.')[1]) {
          assert.notEqual(addon.build007Pinned(other.index, 1700000000, 7, APP_ID, APP_CERT, ...args), viaName);
        }
      }
    }
  });

  test('the documented names (FORMAT007.md, "Names per language")', () => {
    const documented = `
      rtc.build_token_with_uid RtcTokenBuilder.buildTokenWithUid
      rtc.build_token_with_user_account RtcTokenBuilder.buildTokenWithUserAccount
      rtc.build_token_with_uid_and_privilege RtcTokenBuilder.buildTokenWithUidAndPrivilege
      rtc.build_token_with_user_account_and_privilege RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege
      rtc.build_token_with_rtm RtcTokenBuilder.buildTokenWithRtm
      rtc.build_token_with_rtm2 RtcTokenBuilder.buildTokenWithRtm2
      rtm.build_token RtmTokenBuilder.buildToken
      rtm.build_token_with_permissions RtmTokenBuilder.buildTokenWithPermissions
      chat.build_user_token ChatTokenBuilder.buildUserToken
      chat.build_app_token ChatTokenBuilder.buildAppToken
      fpa.build_token FpaTokenBuilder.buildToken
      apaas.build_room_user_token ApaasTokenBuilder.buildRoomUserToken
      apaas.build_user_token ApaasTokenBuilder.buildUserToken
      apaas.build_app_token ApaasTokenBuilder.buildAppToken
      education.build_room_user_token EducationTokenBuilder.buildRoomUserToken
      education.build_user_token EducationTokenBuilder.buildUserToken
      education.build_app_token EducationTokenBuilder.buildAppToken
      convoai.build_token ConvoAITokenBuilder.buildToken
      stt.build_token SttTokenBuilder.buildToken`;
    const rows = documented.trim().split('\n').map((line) => line.trim().split(' '));
    assert.equal(rows.length, v2.recipes.length);
    for (const [recipe, path] of rows) {
      const [cls, method] = path.split('.');
      assert.equal(typeof v2[cls][method], 'function', path);
      assert.equal(v2.builders[recipe], v2[cls][method], `${recipe} is ${path}`);
    }
    assert.equal(RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege, undefined, 'npm spells it with a capital B');
    assert.deepEqual({ ...RtcRole }, { PUBLISHER: 1, SUBSCRIBER: 2 });
    assert.ok(Object.isFrozen(RtcRole) && Object.isFrozen(v2.builders) && Object.isFrozen(v2.recipes));
  });

  test('the generic entry refuses an unknown row and extra arguments', () => {
    for (const index of [19, -1, 1.5, 2 ** 53]) {
      assert.throws(() => addon.build007(index, APP_ID, APP_CERT, 600), (e) => e.code === 'internal' && /not a builder index|not an integer/.test(e.message));
    }
    const chatApp = v2.recipes.find((r) => r.name === 'chat.build_app_token').index;
    assert.throws(() => addon.build007(chatApp, APP_ID, APP_CERT, 600, 1), (e) => e.code === 'null_argument' && /takes 1 arguments/.test(e.message));
    assert.ok(addon.build007(chatApp, APP_ID, APP_CERT, 600, undefined, null).startsWith('007'), 'trailing absent values are omitted');
    throwsType(() => addon.build007());
    throwsCode(() => addon.build007Pinned(chatApp, -1, 5, APP_ID, APP_CERT, 600), 'issue_ts');
    throwsCode(() => addon.build007Pinned(chatApp, 5, 2 ** 32, APP_ID, APP_CERT, 600), 'salt');
    throwsCode(() => addon.build007Pinned(chatApp, 0.5, 5, APP_ID, APP_CERT, 600), 'issue_ts');
    const t = parse(addon.build007Pinned(chatApp, 0, 4294967295, APP_ID, APP_CERT, 600));
    assert.deepEqual([t.issueTs, t.salt], [0, 4294967295]);
    const drawn = parse(addon.build007Pinned(chatApp, null, undefined, APP_ID, APP_CERT, 600));
    assert.ok(drawn.issueTs > 1.7e9 && drawn.salt >= 1);
  });
});

describe('failure paths of every builder', () => {
  // Out-of-range values per parameter kind, and the category each gets.
  const BAD = {
    uid: [[-1, 'uid'], [2 ** 32, 'uid'], [1.5, 'uid'], [NaN, 'uid'], [Infinity, 'uid'], [2n ** 64n, 'uid']],
    rtc_role: [[0, 'role'], [3, 'role'], [-1, 'role'], [1.5, 'role'], [101, 'role']],
    expire: [[-1, 'expire'], [2 ** 32, 'expire'], [0.5, 'expire'], [-Infinity, 'expire'], [-(2n ** 70n), 'expire']],
    privilege_expire: [[-1, 'expire_ts'], [2 ** 32, 'expire_ts'], [1e300, 'expire_ts'], [NaN, 'expire_ts']],
    apaas_role: [[32768, 'role'], [-32769, 'role'], [0.25, 'role']],
    permissions: [[[[5, 0, []]], 'permission'], [[[0, 2, []]], 'permission'], [[[0, 0, ['a']], [0, 0, ['b']]], 'permission'], [[[0.5, 0, []]], 'permission']],
  };
  const sample = { str: 'user-1', uid: 42, rtc_role: 1, expire: 600, privilege_expire: 300, apaas_role: 1, permissions: [[0, 0, ['c1']]] };
  const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

  for (const r of v2.recipes) {
    const fn = v2.builders[r.name];
    const good = r.params.map((p) => (p.name === 'channel_name' ? 'room-1' : sample[p.kind]));
    const call = (i, value) => fn(APP_ID, APP_CERT, ...good.map((g, j) => (j === i ? value : g)));

    test(r.name, () => {
      assert.ok(fn(APP_ID, APP_CERT, ...good).startsWith('007'));
      throwsCode(() => fn('nope', APP_CERT, ...good), 'app_id');
      throwsCode(() => fn(APP_ID, APP_CERT.slice(1), ...good), 'app_certificate', APP_CERT.slice(1));
      for (const bad of otherTypes('string')) {
        const e1 = throwsType(() => fn(bad, APP_CERT, ...good));
        assert.match(e1.message, /^appId: expected a string/);
        const e2 = throwsType(() => fn(APP_ID, bad, ...good));
        assert.match(e2.message, /^appCertificate: expected a string/);
      }
      r.params.forEach((p, i) => {
        const name = camel(p.name);
        const trailing = r.params.slice(i).every((q) => q.default !== undefined && q.default !== null);
        for (const absent of [undefined, null]) {
          if (trailing) {
            assert.ok(call(i, absent).startsWith('007'), `${name} takes its default`);
          } else {
            const e = throwsType(() => call(i, absent));
            assert.equal(e.code, 'null_argument');
            assert.ok(e.message.startsWith(`${name}: `), e.message);
          }
        }
        if (p.kind === 'str') {
          for (const bad of otherTypes('string', 'undefined', 'null')) {
            assert.ok(throwsType(() => call(i, bad)).message.startsWith(`${name}: expected a string`));
          }
          const e = assert.throws(() => call(i, 'ab\uD800c'), (err) => err instanceof TypeError && err.code === 'ERR_INVALID_ARG_VALUE' && err.message.startsWith(`${name}: `));
          void e;
        } else if (p.kind === 'permissions') {
          for (const bad of [1, 'x', {}, [1], [[0, 0]], [[0, 0, 'c']], [[0, 0, [1]]], [['0', 0, []]], [[0, 0, ['\uDC00']]]]) {
            assert.throws(() => call(i, bad), (err) => err instanceof TypeError && err.message.startsWith(name), String(bad));
          }
        } else {
          for (const bad of otherTypes('number', 'bigint', 'undefined', 'null')) {
            assert.ok(throwsType(() => call(i, bad)).message.startsWith(`${name}: expected an integer`));
          }
        }
        for (const [bad, code] of BAD[p.kind] ?? []) throwsCode(() => call(i, bad), code);
      });
      if (r.params.length > 0) {
        const required = r.params.filter((p) => p.default === undefined || p.default === null);
        const last = required[required.length - 1];
        const e = throwsType(() => fn(APP_ID, APP_CERT, ...good.slice(0, r.params.indexOf(last))));
        assert.equal(e.code, 'null_argument');
        assert.match(e.message, new RegExp(`^${camel(last.name)}: missing`));
      }
    });
  }

  test('string rules of the fields (the core\'s categories)', () => {
    throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, '', 1, 1, 60), 'channel_name');
    throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'a/b', 1, 1, 60), 'channel_name');
    throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'x'.repeat(65), 1, 1, 60), 'channel_name');
    throwsCode(() => RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERT, 'c', '', 1, 60), 'user_account');
    throwsCode(() => RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERT, 'c', 'é', 1, 60), 'user_account');
    throwsCode(() => RtmTokenBuilder.buildToken(APP_ID, APP_CERT, '', 60), 'user_id');
    throwsCode(() => RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'u'.repeat(256), 60), 'user_id');
    throwsCode(() => ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, 'u'.repeat(256), 60), 'user_id');
    throwsCode(() => ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERT, 'r'.repeat(65536), 'u', 1, 60), 'room_uuid');
    throwsCode(() => ApaasTokenBuilder.buildUserToken(APP_ID, APP_CERT, 'u'.repeat(65536), 60), 'user_uuid');
    throwsCode(() => RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'u', [[0, 0, ['r'.repeat(65536)]]]), 'permission');
    // Unicode and NUL where no character rule applies are kept, byte for byte.
    for (const id of ['用户😀', 'a\u0000b', 'e\u0301', '\uFFFD']) {
      assert.equal(parse(ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, id, 60)).services[0].userId, id);
    }
    // A long string read past the addon's 256-byte stack buffer.
    for (const n of [249, 250, 251, 252, 253, 1000]) {
      const long = `${'x'.repeat(n)}😀😀`;
      assert.equal(parse(ApaasTokenBuilder.buildUserToken(APP_ID, APP_CERT, long, 60)).services[0].userUuid, long);
    }
  });

  test('a negative uid says it may be the signed view of an unsigned uid', () => {
    const e = throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', -1294967296, 1, 60), 'uid');
    assert.match(e.message, /signed 32-bit view of the unsigned uid 3000000000/);
  });

  test('no message or TypeError holds the certificate, whatever argument it lands in', () => {
    for (const r of v2.recipes) {
      const fn = v2.builders[r.name];
      const args = r.params.map(() => APP_CERT);
      let caught;
      try {
        fn(APP_ID, APP_CERT, ...args);
      } catch (e) {
        caught = e;
      }
      if (caught !== undefined) assert.ok(!errorText(caught).includes(APP_CERT), `${r.name}: ${caught.message}`);
    }
    for (const bad of [APP_CERT.replace('5', 'z'), `${APP_CERT}0`]) {
      const e = throwsCode(() => FpaTokenBuilder.buildToken(APP_ID, bad), 'app_certificate', bad);
      assert.ok(!errorText(e).includes(bad.slice(2, 30)));
    }
  });
});

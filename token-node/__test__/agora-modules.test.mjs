// agoratoken/agora-token and agoratoken/agora-access-token: npm's module
// names and classes, checked against the npm packages themselves (devDependencies).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';

import { APP_CERT, APP_ID, CHANNEL, OTHER_CERT, throwsCode, throwsType } from './common.mjs';

const require = createRequire(import.meta.url);
const MODULES = {
  'agora-access-token': ['', 'src/AccessToken', 'src/RtcTokenBuilder', 'src/RtmTokenBuilder'],
  'agora-token': [
    '', 'src/AccessToken', 'src/AccessToken2', 'src/RtcTokenBuilder', 'src/RtmTokenBuilder', 'src/RtcTokenBuilder2', 'src/RtmTokenBuilder2',
    'src/ApaasTokenBuilder', 'src/ChatTokenBuilder', 'src/ConvoAITokenBuilder', 'src/EducationTokenBuilder', 'src/FpaTokenBuilder', 'src/SttTokenBuilder',
  ],
};
const at = (pkg, mod) => (mod === '' ? pkg : `${pkg}/${mod}`);
const content = (token) => zlib.inflateSync(Buffer.from(token.slice(3), 'base64'));

describe('every module npm ships, under the same names', () => {
  for (const [pkg, mods] of Object.entries(MODULES)) {
    for (const mod of mods) {
      test(at(pkg, mod), () => {
        const theirs = require(at(pkg, mod));
        const ours = require(at(`agoratoken/${pkg}`, mod));
        for (const name of Object.keys(theirs)) assert.ok(name in ours, `${at(pkg, mod)}: ${name} is missing`);
        // Constants have npm's values.
        for (const [name, value] of Object.entries(theirs)) {
          if (typeof value !== 'object' || value === null) continue;
          for (const [k, v] of Object.entries(value)) if (typeof v === 'number') assert.equal(ours[name][k], v, `${name}.${k}`);
        }
      });
    }
  }
});

describe('006 AccessToken', () => {
  const theirs = require('agora-token/src/AccessToken');
  const ours = require('agoratoken/agora-token/src/AccessToken');
  const P = ours.priviledges;

  for (const uid of [0, 2882341273, '2882341273', 'alice']) {
    test(`salt, ts and messages give npm's token (uid ${JSON.stringify(uid)})`, () => {
      const make = (AccessToken) => {
        const t = new AccessToken(APP_ID, APP_CERT, 'room-1', uid);
        t.salt = 7;
        t.ts = 1700000000;
        t.addPriviledge(P.kJoinChannel, 1700000600);
        t.messages[P.kPublishAudioStream] = 1700000700;
        return t.build();
      };
      assert.equal(make(ours.AccessToken), make(theirs.AccessToken));
    });
  }

  test('fromString reads salt, ts and messages; false on a malformed token', () => {
    const t = new ours.AccessToken(APP_ID, APP_CERT, 'room-1', 5);
    t.salt = 9;
    t.ts = 1700000000;
    t.addPriviledge(P.kRtmLogin, 1700000100);
    const r = new ours.AccessToken('', '', '', 0);
    assert.equal(r.fromString(t.build()), true);
    assert.deepEqual([r.appID, r.salt, r.ts, r.messages], [APP_ID, 9, 1700000000, { [P.kRtmLogin]: 1700000100 }]);
    assert.equal(r.fromString('007abc'), false);
    assert.equal(r.fromString(null), false);
  });

  test('fresh salt and ts while unset; the certificate is not enumerable', () => {
    const t = new ours.AccessToken(APP_ID, APP_CERT, 'room-1', 5);
    t.addPriviledge(P.kJoinChannel, 0);
    assert.notEqual(t.build(), t.build());
    assert.ok(!JSON.stringify(t).includes(APP_CERT));
  });

  test('refuses, naming the field, what Agora would reject', () => {
    const t = new ours.AccessToken(APP_ID, APP_CERT, 'a/b', 5);
    assert.throws(() => t.build(), { code: 'channel_name' });
    assert.throws(() => new ours.AccessToken(APP_ID, APP_CERT, 'r', 2 ** 32).build(), { code: 'uid' });
  });

  test("agora-access-token's RtmTokenBuilder instance form", () => {
    const { RtmTokenBuilder, Role } = require('agoratoken/agora-access-token/src/RtmTokenBuilder');
    const b = new RtmTokenBuilder(APP_ID, APP_CERT, 'alice');
    b.key.salt = 1;
    b.key.ts = 1700000000;
    b.setPrivilege(P.kRtmLogin, 1700000600);
    const t = new theirs.AccessToken(APP_ID, APP_CERT, 'alice', '');
    Object.assign(t, { salt: 1, ts: 1700000000 });
    t.addPriviledge(P.kRtmLogin, 1700000600);
    assert.equal(b.buildToken(), t.build());
    assert.equal(typeof RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'alice', Role.Rtm_User, 0), 'string');
  });
});

describe('007 AccessToken2', () => {
  const theirs = require('agora-token/src/AccessToken2');
  const ours = require('agoratoken/agora-token/src/AccessToken2');

  const make = (m, uid) => {
    const t = new m.AccessToken2(APP_ID, APP_CERT, 1700000000, 600);
    t.salt = 3;
    const rtc = new m.ServiceRtc('room-1', uid);
    rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, 600);
    t.add_service(rtc);
    const rtm = new m.ServiceRtm('alice');
    rtm.add_privilege(m.ServiceRtm.kPrivilegeLogin, 600);
    t.add_service(rtm);
    return t;
  };

  for (const uid of [0, 42, '42', 'bob']) {
    test(`the same content as npm's (uid ${JSON.stringify(uid)}), and npm's fields after from_string`, () => {
      const token = make(ours, uid).build();
      assert.deepEqual(content(token), content(make(theirs, uid).build()));
      const r = new ours.AccessToken2('', '', 0, 0);
      assert.equal(r.from_string(token), true);
      assert.equal(r.verifySignature(APP_CERT), true);
      const [rtc] = r.getServices(ours.kRtcServiceType);
      assert.deepEqual([rtc.__channel_name, rtc.__uid, rtc.__privileges], ['room-1', uid === 0 ? '' : `${uid}`, { 1: 600 }]);
      assert.equal(r.getServices(ours.kRtmServiceType)[0].__user_id, 'alice');
    });
  }

  test("AccessToken2.kServices: npm's service type -> class map", () => {
    for (const [type, cls] of Object.entries(theirs.AccessToken2.kServices)) {
      assert.equal(ours.AccessToken2.kServices[type].name, cls.name, `type ${type}`);
    }
    const r = new ours.AccessToken2('', '', 0, 0);
    r.from_string(make(ours, 1).build());
    for (const s of r.services) assert.ok(s instanceof ours.AccessToken2.kServices[s.__type]);
  });

  test('"" where npm returns it; false for what cannot be read or verified', () => {
    assert.equal(new ours.AccessToken2(APP_ID, APP_CERT, 0, 600).build(), '');
    const bad = make(ours, 1);
    bad.appId = 'nothex';
    assert.equal(bad.build(), '');
    const r = new ours.AccessToken2('', '', 0, 0);
    assert.equal(r.verifySignature(APP_CERT), false);
    assert.equal(r.from_string(null), false);
    assert.equal(r.from_string(make(ours, 1).build()), true);
    assert.equal(r.verifySignature(null), false);
    r.__signature = Buffer.alloc(1);
    assert.equal(r.verifySignature(APP_CERT), false);
    assert.equal(r.from_string('007x'), false);
    assert.deepEqual(r.services, []);
  });

  test('refuses, naming the field, what Agora would reject', () => {
    const t = make(ours, 1);
    t.services[0].channelName = 'a/b';
    assert.throws(() => t.build(), { code: 'channel_name' });
  });

  test("npm's numeric accounts and user ids: the uid's token, npm's string", () => {
    const { RtcTokenBuilder, RtmTokenBuilder, Rtm2Permissions } = require('agoratoken/agora-token');
    const r = new ours.AccessToken2('', '', 0, 0);
    r.from_string(RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERT, 'room-1', 42, 1, 600, 600));
    assert.equal(r.getServices(ours.kRtcServiceType)[0].__uid, '42');
    r.from_string(RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 7, new Rtm2Permissions(), 600));
    assert.equal(r.getServices(ours.kRtm2ServiceType)[0].__user_id, '7');
    assert.throws(() => RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERT, 'room-1', 2 ** 32, 1, 600, 600), { code: 'uid' });
  });
});

// What npm's builders accept when the token is right (#15): each rule is
// token-core's; the agoratoken/agora-* modules take it, the agoratoken and
// agoratoken/v2 entries stay strict.
describe('npm modules: what npm accepts when the token is right', () => {
  const { parse } = require('agoratoken');
  const v2 = require('agoratoken/v2');
  const BAD_DECIMAL = ['007', '+1', ' 1', '1 ', '1.0', '0x10', '', '4294967296', '99999999999'];

  for (const pkg of ['agora-access-token', 'agora-token/src/RtcTokenBuilder']) {
    test(`${pkg}: a uid as canonical decimal text, a null role, a fractional expiry (006)`, () => {
      const mod = require(`agoratoken/${pkg}`);
      const { RtcTokenBuilder } = mod;
      const Role = mod.RtcRole ?? mod.Role;
      const ts = 1700000600;
      const byNumber = parse(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 2882341273, Role.PUBLISHER, ts));
      const byText = parse(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '2882341273', Role.PUBLISHER, ts + 0.9));
      assert.deepEqual([byText.crcUid, byText.privileges], [byNumber.crcUid, byNumber.privileges]);
      assert.equal(parse(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '0', Role.PUBLISHER, ts)).crcUid, 0);
      for (const bad of BAD_DECIMAL) {
        const e = throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', bad, Role.PUBLISHER, ts), 'uid');
        assert.match(e.message, /account/);
      }
      for (const role of [null, undefined]) {
        assert.deepEqual(parse(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, role, ts)).privileges, [[1, ts]]);
        assert.deepEqual(parse(RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERT, 'room-1', 'alice', role, ts)).privileges, [[1, ts]]);
      }
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 3, ts), 'role');
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 2 ** 32, Role.PUBLISHER, ts), 'uid');
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, Role.PUBLISHER, NaN), 'expire_ts');
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, Role.PUBLISHER, 2 ** 32 + 0.5), 'expire_ts');
    });
  }

  test('006 RtmTokenBuilder: any integer role, a fractional expiry; AccessToken: fractional salt, ts, expiries', () => {
    const { RtmTokenBuilder } = require('agoratoken/agora-access-token');
    for (const role of [0, 1, 2, 101, -1]) {
      assert.deepEqual(parse(RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'alice', role, 1700000600.5)).privileges, [[1000, 1700000600]]);
    }
    const { AccessToken, priviledges: P } = require('agoratoken/agora-token/src/AccessToken');
    const make = (salt, ts, expire) => {
      const t = new AccessToken(APP_ID, APP_CERT, 'room-1', 42);
      Object.assign(t, { salt, ts });
      t.addPriviledge(P.kJoinChannel, expire);
      return t.build();
    };
    assert.equal(make(7.9, 1700000000.2, 1700000600.99), make(7, 1700000000, 1700000600));
    throwsCode(() => make(-0.5 - 1, 1700000000, 0), 'salt');
  });

  test('007 builders: a uid as decimal text, a null role, fractional expiries; v2 stays strict', () => {
    const { RtcTokenBuilder, RtcRole, RtmTokenBuilder, ChatTokenBuilder, Rtm2Permissions } = require('agoratoken/agora-token');
    const r = new (require('agoratoken/agora-token/src/AccessToken2').AccessToken2)('', '', 0, 0);
    const read = (token) => {
      assert.equal(r.from_string(token), true);
      assert.equal(r.verifySignature(APP_CERT), true);
      return r;
    };
    const t = read(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '42', RtcRole.PUBLISHER, 600.7, 300.2));
    const [rtc] = t.getServices(v2.kRtcServiceType);
    assert.deepEqual([t.expire, rtc.__uid, rtc.__privileges], [600, '42', { 1: 300, 2: 300, 3: 300, 4: 300 }]);
    for (const bad of BAD_DECIMAL) throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', bad, RtcRole.PUBLISHER, 600), 'uid');
    for (const role of [null, undefined]) {
      const j = read(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, role, 600, 60));
      assert.deepEqual(j.getServices(v2.kRtcServiceType)[0].__privileges, { 1: 60 });
      const k = read(RtcTokenBuilder.buildTokenWithRtm2(APP_ID, APP_CERT, 'room-1', 'alice', role, 600, 60, 60, 60, 60, 'alice', 600));
      assert.deepEqual(k.getServices(v2.kRtcServiceType)[0].__privileges, { 1: 60 });
    }
    throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 3, 600), 'role');
    throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 1.5, RtcRole.PUBLISHER, 600), 'uid');
    throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, RtcRole.PUBLISHER, Infinity), 'expire');
    assert.equal(read(ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, 'alice', 600.5)).expire, 600);
    // RTM2 for a numeric user id: its decimal string, "" for 0 (the wildcard), as npm writes it.
    for (const [id, text] of [[0, ''], [7, '7']]) {
      const m = read(RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, id, new Rtm2Permissions(), 600.5));
      const [rtm2] = m.getServices(v2.kRtm2ServiceType);
      assert.deepEqual([m.expire, rtm2.__user_id, rtm2.__privileges], [600, text, { 1: 600 }]);
    }
    // agoratoken/v2 keeps its documented strictness.
    throwsType(() => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '42', v2.RtcRole.PUBLISHER, 600));
    throwsType(() => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, null, 600));
    throwsCode(() => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, v2.RtcRole.PUBLISHER, 600.5), 'expire');
  });

  for (const [name, m] of [['agora-token/src/AccessToken2', require('agoratoken/agora-token/src/AccessToken2')], ['v2', v2]]) {
    test(`${name}: a Service of another type is built; from_string stops there, as npm's`, () => {
      const make = (otherType) => {
        const t = new m.AccessToken2(APP_ID, APP_CERT, 1111111, 600);
        t.salt = 1;
        const rtc = new m.ServiceRtc(CHANNEL, 42);
        rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, 600);
        t.add_service(rtc);
        const other = new m.Service(otherType);
        other.add_privilege(1, 600);
        t.add_service(other);
        return t.build();
      };
      for (const [type, rtcRead] of [[999, 1], [65535, 1], [11, 1], [0, 0]]) {
        const token = make(type);
        const r = new m.AccessToken2('', '', 0, 0);
        assert.equal(r.from_string(token), true, `type ${type}`);
        assert.equal(r.getServices(m.kRtcServiceType).length, rtcRead, `type ${type}`);
        assert.equal(r.getServices(type).length, 0);
        assert.equal(r.verifySignature(APP_CERT), true);
        assert.equal(r.verifySignature(OTHER_CERT), false);
        // The strict readers keep the format's rule.
        throwsCode(() => v2.parse(token), 'service');
        throwsCode(() => v2.verify(token, APP_CERT), 'service');
      }
      // A bare Service of a documented type lacks its fields.
      const t = new m.AccessToken2(APP_ID, APP_CERT, 0, 600);
      t.add_service(new m.Service(m.kRtmServiceType));
      throwsCode(() => new v2.AccessToken2(APP_ID, APP_CERT, 0, 600).build.call(t), 'service');
    });
  }

  test('AccessToken2: fractional issueTs, expire, salt and privilege values are truncated', () => {
    const m = require('agoratoken/agora-token/src/AccessToken2');
    const make = (issueTs, expire, salt, value) => {
      const t = new m.AccessToken2(APP_ID, APP_CERT, issueTs, expire);
      t.salt = salt;
      const rtc = new m.ServiceRtc('room-1', 0);
      rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, value);
      t.add_service(rtc);
      return t;
    };
    assert.equal(make(1111111.7, 600.2, 1.5, 600.9).build(), make(1111111, 600, 1, 600).build());
    const bad = make(1111111, 600, 1, 600);
    bad.issueTs = NaN;
    throwsCode(() => bad.build(), 'issue_ts');
    bad.issueTs = 1111111;
    bad.services[0].add_privilege(1, -1);
    throwsCode(() => bad.build(), 'expire_ts');
  });

  test('buildToken: otherServices in the data form', () => {
    const data = { appId: APP_ID, appCertificate: APP_CERT, issueTs: 1111111, expire: 600, salt: 1, services: [{ type: 1, channelName: CHANNEL, uid: 42, privileges: [[1, 600]] }] };
    const plain = v2.buildToken(data);
    const withOther = v2.buildToken({ ...data, otherServices: [{ type: 999, privileges: [[1, 600]] }] });
    assert.notEqual(withOther, plain);
    assert.equal(new v2.AccessToken2().from_string(withOther), true);
    throwsCode(() => v2.buildToken({ ...data, otherServices: [{ type: 5, privileges: [] }] }), 'service');
    throwsType(() => v2.buildToken({ ...data, otherServices: {} }));
    throwsType(() => v2.buildToken({ ...data, otherServices: [{ type: 999, privileges: [[1]] }] }));
  });
});

// The new-user trial (#15): Agora's own samples and server code, call for call.
describe('npm modules: RTM roles of any kind, numbers as decimal text', () => {
  const { parse } = require('agoratoken');
  const v2 = require('agoratoken/v2');
  const NOT_CANONICAL = ['03600', '3600.5', 'abc', '', ' 3600', '+3600', '-1', '4294967296'];

  for (const pkg of ['agora-access-token', 'agora-token/src/RtmTokenBuilder']) {
    test(`${pkg}: the 006 RTM role is ignored whatever it is, as npm ignores it`, () => {
      const ours = require(`agoratoken/${pkg}`);
      const npm = require(pkg);
      const RtmRole = ours.RtmRole ?? ours.Role;
      const expected = parse(npm.RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'test_user_id', RtmRole, 1700000600));
      // Agora's RtmTokenBuilderSample.js, sample.js and server/DemoServer.js pass the whole RtmRole object.
      for (const role of [RtmRole, RtmRole.Rtm_User, null, undefined, 'Rtm_User', 1.5, -7, {}, [], () => 1]) {
        const t = parse(RtmTokenBuilder(ours)(APP_ID, APP_CERT, 'test_user_id', role, 1700000600));
        assert.deepEqual([t.crcChannelName, t.crcUid, t.privileges], [expected.crcChannelName, expected.crcUid, expected.privileges]);
      }
      assert.deepEqual(parse(RtmTokenBuilder(ours)(APP_ID, APP_CERT, 'alice', RtmRole, '1700000600')).privileges, [[1000, 1700000600]]);
      for (const bad of NOT_CANONICAL) throwsCode(() => RtmTokenBuilder(ours)(APP_ID, APP_CERT, 'alice', RtmRole, bad), 'expire_ts');
    });
  }
  const RtmTokenBuilder = (m) => m.RtmTokenBuilder.buildToken.bind(m.RtmTokenBuilder);

  for (const pkg of ['agora-access-token', 'agora-token/src/RtcTokenBuilder']) {
    test(`${pkg}: uid, role and expiry as decimal text make npm's token (006)`, () => {
      const ours = require(`agoratoken/${pkg}`);
      const npm = require(pkg);
      const Role = ours.RtcRole ?? ours.Role;
      const texts = parse(ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '42', '1', '1700000600'));
      const numbers = parse(ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, 1700000600));
      const theirs = parse(npm.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '42', '1', '1700000600'));
      assert.deepEqual([texts.crcUid, texts.privileges], [numbers.crcUid, numbers.privileges]);
      assert.deepEqual([texts.crcUid, texts.privileges], [theirs.crcUid, theirs.privileges]);
      assert.deepEqual(parse(ours.RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERT, 'room-1', 'alice', '2', '1700000600')).privileges, [[1, 1700000600]]);
      for (const bad of NOT_CANONICAL) {
        const e = throwsCode(() => ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, Role.PUBLISHER, bad), 'expire_ts');
        assert.match(e.message, /^expire_ts: /);
        throwsCode(() => ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, bad === '' ? '01' : bad, 1700000600), 'role');
      }
    });
  }

  test('006 AccessToken: salt, ts and expiries as decimal text', () => {
    const { AccessToken, priviledges: P } = require('agoratoken/agora-token/src/AccessToken');
    const make = (salt, ts, expire) => {
      const t = new AccessToken(APP_ID, APP_CERT, 'room-1', 42);
      Object.assign(t, { salt, ts });
      t.addPriviledge(P.kJoinChannel, expire);
      return t.build();
    };
    assert.equal(make('7', '1700000000', '1700000600'), make(7, 1700000000, 1700000600));
    throwsCode(() => make('07', 1700000000, 0), 'salt');
    throwsCode(() => make(7, '1700000000.5', 0), 'ts');
    throwsCode(() => make(7, 1700000000, 'abc'), 'expire_ts');
  });

  test("007 builders: npm's buildTokenWithUid(…, '1', '3600', '3600') and other numbers as text", () => {
    const { RtcTokenBuilder, RtmTokenBuilder, ChatTokenBuilder, EducationTokenBuilder, RtcRole } = require('agoratoken/agora-token');
    const npm = require('agora-token');
    const AT2 = require('agoratoken/agora-token/src/AccessToken2').AccessToken2;
    const read = (token) => {
      const r = new AT2('', '', 0, 0);
      assert.equal(r.from_string(token), true);
      assert.equal(r.verifySignature(APP_CERT), true);
      return r;
    };
    const view = (r) => [r.expire, ...r.services.map((s) => [s.__type, s.__uid ?? s.__user_id, s.__privileges])];
    const ours = read(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '1', '1', '3600', '3600'));
    const theirs = read(npm.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', '1', '1', '3600', '3600'));
    assert.deepEqual(view(ours), view(theirs));
    assert.deepEqual(view(ours), [3600, [1, '1', { 1: 3600, 2: 3600, 3: 3600, 4: 3600 }]]);
    assert.deepEqual(view(read(RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 'alice', '600'))), [600, [2, 'alice', { 1: 600 }]]);
    assert.equal(read(ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, 'alice', '600')).expire, 600);
    assert.equal(read(EducationTokenBuilder.buildRoomUserToken(APP_ID, APP_CERT, 'room-uuid', 'user-uuid', '1', '600')).services.find((s) => s.__type === 7).__role, 1);
    const t2 = new AT2(APP_ID, APP_CERT, '1111111', '600');
    t2.salt = '1';
    const t3 = new AT2(APP_ID, APP_CERT, 1111111, 600);
    t3.salt = 1;
    for (const t of [t2, t3]) {
      const s = new (require('agoratoken/agora-token/src/AccessToken2').ServiceRtc)('room-1', 0);
      s.add_privilege(1, t === t2 ? '600' : 600);
      t.add_service(s);
    }
    assert.equal(t2.build(), t3.build());
    for (const bad of NOT_CANONICAL) {
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 1, RtcRole.PUBLISHER, bad, 3600), 'expire');
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 1, RtcRole.PUBLISHER, 3600, bad), 'expire_ts');
      throwsCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 1, bad === '' ? '01' : bad, 3600, 3600), 'role');
    }
    // agoratoken/v2 stays strict: text where a number is documented is a TypeError.
    throwsType(() => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 1, 1, '3600', 3600));
    throwsType(() => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 1, '1', 3600, 3600));
  });

  test('007 RtmTokenBuilder.buildToken: 0 is refused saying what was passed (npm packs "")', () => {
    const { RtmTokenBuilder } = require('agoratoken/agora-token');
    const e = throwsCode(() => RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 0, 3600), 'user_id');
    assert.match(e.message, /^user_id: 0 is not an RTM user id/);
    assert.match(e.message, /pass the user's id as a string/);
    assert.match(e.stack, /0 is not an RTM user id/);
    // "" is the core's own message; npm packs both as "".
    assert.match(throwsCode(() => RtmTokenBuilder.buildToken(APP_ID, APP_CERT, '', 3600), 'user_id').message, /must not be empty/);
    // The strict entries keep their TypeError for a number.
    throwsType(() => v2.RtmTokenBuilder.buildToken(APP_ID, APP_CERT, 0, 3600));
  });
});

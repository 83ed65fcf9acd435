// agoratoken/agora-token and agoratoken/agora-access-token: npm's module
// names and classes, checked against the npm packages themselves (devDependencies).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';

import { APP_CERT, APP_ID } from './common.mjs';

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

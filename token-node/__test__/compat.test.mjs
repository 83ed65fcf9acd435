// Compatibility with the npm builders users have today: agora-access-token and
// agora-token (its 006 builders live under src/). Same inputs give tokens that
// parse to the same fields apart from salt and ts; with salt and ts aligned the
// tokens are identical.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

import * as ours from '../index.mjs';
import { APP_CERT, APP_ID, OTHER_APP_ID, OTHER_CERT, now } from './common.mjs';

const require = createRequire(import.meta.url);
const PEERS = {
  'agora-access-token': {
    Rtc: require('agora-access-token').RtcTokenBuilder,
    RtcRole: require('agora-access-token').RtcRole,
    Rtm: require('agora-access-token').RtmTokenBuilder,
    RtmRole: require('agora-access-token').RtmRole,
    AccessToken: require('agora-access-token/src/AccessToken').AccessToken,
  },
  'agora-token': {
    Rtc: require('agora-token/src/RtcTokenBuilder').RtcTokenBuilder,
    RtcRole: require('agora-token/src/RtcTokenBuilder').Role,
    Rtm: require('agora-token/src/RtmTokenBuilder').RtmTokenBuilder,
    RtmRole: require('agora-token/src/RtmTokenBuilder').Role,
    AccessToken: require('agora-token/src/AccessToken').AccessToken,
  },
};

const withoutSaltTs = ({ salt, ts, ...rest }) => rest; // eslint-disable-line no-unused-vars
const expire = now() + 3600;
const APPS = [
  [APP_ID, APP_CERT],
  [OTHER_APP_ID, OTHER_CERT],
];
const UIDS = [0, 1, 42, 2882341273, 2 ** 32 - 1];
const ACCOUNTS = ['alice', '0', '7', 'a b!#$%&()+-:;<=.>?@[]^_{}|~,'];
const CHANNELS = ['room-1', 'x'.repeat(64), '7d72365eb983485397e3e3f9d460bdda'];

/** The peer's token rebuilt with our salt and ts: must equal ours exactly. */
function alignedPeerToken(peer, token, channel, uid) {
  const t = ours.parse(token);
  const key = new peer.AccessToken(t.appId, t.appId === APP_ID ? APP_CERT : OTHER_CERT, channel, uid);
  key.salt = t.salt;
  key.ts = t.ts;
  for (const [id, exp] of t.privileges) key.addPriviledge(id, exp);
  return key.build();
}

for (const [name, peer] of Object.entries(PEERS)) {
  describe(`compatible with ${name}`, () => {
    test('the role names have the same values', () => {
      assert.deepEqual({ ...ours.RtcRole }, { ...peer.RtcRole });
      assert.deepEqual({ ...ours.RtmRole }, { ...peer.RtmRole });
    });

    test('RtcTokenBuilder.buildTokenWithUid', () => {
      for (const [appId, cert] of APPS) {
        for (const channel of CHANNELS) {
          for (const uid of UIDS) {
            for (const role of Object.values(peer.RtcRole)) {
              const mine = ours.RtcTokenBuilder.buildTokenWithUid(appId, cert, channel, uid, role, expire);
              const theirs = peer.Rtc.buildTokenWithUid(appId, cert, channel, uid, role, expire);
              assert.equal(ours.verify(theirs, cert, channel, uid, { now: expire }), 'ok');
              assert.equal(ours.verify(mine, cert, channel, uid, { now: expire }), 'ok');
              assert.equal(alignedPeerToken(peer, mine, channel, uid), mine);
              const a = withoutSaltTs(ours.parse(mine));
              const b = withoutSaltTs(ours.parse(theirs));
              // The signature covers salt and ts, so only the unsigned fields can match.
              delete a.signatureHex;
              delete b.signatureHex;
              assert.deepEqual(a, b, `${appId} ${channel} ${uid} ${role}`);
            }
          }
        }
      }
    });

    test('RtcTokenBuilder.buildTokenWithAccount', () => {
      for (const account of ACCOUNTS) {
        for (const role of Object.values(peer.RtcRole)) {
          const mine = ours.RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERT, 'room-1', account, role, expire);
          const theirs = peer.Rtc.buildTokenWithAccount(APP_ID, APP_CERT, 'room-1', account, role, expire);
          const { signatureHex: s1, ...a } = withoutSaltTs(ours.parse(mine)); // eslint-disable-line no-unused-vars
          const { signatureHex: s2, ...b } = withoutSaltTs(ours.parse(theirs)); // eslint-disable-line no-unused-vars
          assert.deepEqual(a, b, account);
          assert.equal(ours.verify(theirs, APP_CERT, 'room-1', account, { now: expire }), 'ok');
          assert.equal(alignedPeerToken(peer, mine, 'room-1', account), mine);
        }
      }
    });

    test('RtmTokenBuilder.buildToken', () => {
      for (const account of ACCOUNTS) {
        const mine = ours.RtmTokenBuilder.buildToken(APP_ID, APP_CERT, account, ours.RtmRole.Rtm_User, expire);
        const theirs = peer.Rtm.buildToken(APP_ID, APP_CERT, account, peer.RtmRole.Rtm_User, expire);
        const { signatureHex: s1, ...a } = withoutSaltTs(ours.parse(mine)); // eslint-disable-line no-unused-vars
        const { signatureHex: s2, ...b } = withoutSaltTs(ours.parse(theirs)); // eslint-disable-line no-unused-vars
        assert.deepEqual(a, b, account);
        assert.equal(ours.verify(theirs, APP_CERT, account, 0, { now: expire }), 'ok');
        assert.equal(alignedPeerToken(peer, mine, account, ''), mine);
      }
    });

    test('their parser reads our tokens', () => {
      const mine = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, expire);
      const key = new peer.AccessToken(APP_ID, APP_CERT, 'room-1', 42);
      assert.equal(key.fromString(mine), true);
      const t = ours.parse(mine);
      assert.equal(key.salt, t.salt);
      assert.equal(key.ts, t.ts);
      assert.deepEqual(
        Object.entries(key.messages).map(([id, exp]) => [Number(id), exp]),
        t.privileges,
      );
    });

    test('theirs repeat the salt for identical inputs in the same second; ours do not', () => {
      // The npm builders draw one salt per process, so within one second the
      // same inputs give the same token. Retry if the second changes mid-way.
      let compared = false;
      for (let attempt = 0; attempt < 5 && !compared; attempt += 1) {
        const second = now();
        const t1 = peer.Rtc.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, expire);
        const t2 = peer.Rtc.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, expire);
        if (now() !== second) continue;
        assert.equal(t1, t2);
        compared = true;
      }
      assert.ok(compared);
      const m1 = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, expire);
      const m2 = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, expire);
      assert.notEqual(m1, m2);
      assert.notEqual(ours.parse(m1).salt, ours.parse(m2).salt);
    });
  });
}

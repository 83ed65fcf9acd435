// agoratoken/v2 against npm agora-token's 007 builders, the package a Node
// server replaces: for the same arguments, npm's token parses with ours, its
// signature verifies, and ours, pinned to npm's issue_ts and salt, holds the
// same content byte for byte. (The token strings differ: npm compresses with
// Node's zlib fork, ours like stock zlib; FORMAT007.md §7.) Where npm departs
// from the other references (§8: APaaS role 0, no RoomUser privilege), the
// test says so.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

import * as v2 from '../v2.mjs';
import { APP_CERT, APP_ID } from './common.mjs';

const require = createRequire(import.meta.url);
const npm = require('agora-token');
const npmToken = require('agora-token/src/AccessToken2');

const CALLS = [
  ['RtcTokenBuilder', 'buildTokenWithUid', ['room-1', 42, 1, 3600, 600]],
  ['RtcTokenBuilder', 'buildTokenWithUid', ['room-1', 0, 2, 3600]],
  ['RtcTokenBuilder', 'buildTokenWithUid', ['x'.repeat(64), 4294967295, 1, 60, 0]],
  ['RtcTokenBuilder', 'buildTokenWithUserAccount', ['room-1', 'alice', 2, 3600, 60]],
  ['RtcTokenBuilder', 'buildTokenWithUidAndPrivilege', ['room-1', 2882341273, 3600, 1, 2, 3, 4]],
  ['RtcTokenBuilder', 'BuildTokenWithUserAccountAndPrivilege', ['room-1', 'bob', 3600, 5, 6, 7, 8]],
  ['RtcTokenBuilder', 'buildTokenWithRtm', ['room-1', 'carol', 1, 3600, 600]],
  ['RtcTokenBuilder', 'buildTokenWithRtm2', ['room-1', 'dave', 1, 3600, 1, 2, 3, 4, 'erin', 60]],
  ['RtmTokenBuilder', 'buildToken', ['alice', 3600]],
  ['ChatTokenBuilder', 'buildUserToken', ['alice', 3600]],
  ['ChatTokenBuilder', 'buildAppToken', [3600]],
  ['FpaTokenBuilder', 'buildToken', []],
  ['ApaasTokenBuilder', 'buildUserToken', ['user-1', 600]],
  ['ApaasTokenBuilder', 'buildAppToken', [600]],
  ['EducationTokenBuilder', 'buildUserToken', ['user-1', 600]],
  ['EducationTokenBuilder', 'buildAppToken', [600]],
  ['ConvoAITokenBuilder', 'buildToken', ['room-1', 'agent', 1, 3600, 10, 20, 30, 40, 'agent', 90]],
  ['SttTokenBuilder', 'buildToken', ['room-1', 'stt', 2, 3600, 10, 20, 30, 40, 'stt', 90]],
];

describe('compatible with npm agora-token 2.0.6 (007)', () => {
  for (const [cls, method, args] of CALLS) {
    test(`${cls}.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`, () => {
      const theirs = npm[cls][method](APP_ID, APP_CERT, ...args);
      const t = v2.parse(theirs);
      assert.equal(v2.verify(theirs, APP_CERT, { now: t.issueTs }), 'ok');
      const mine = v2.pinned(t.issueTs, t.salt, () => v2[cls][method](APP_ID, APP_CERT, ...args));
      assert.equal(v2.parse(mine).contentHex, t.contentHex);
      // npm's parser reads ours and checks its signature.
      const back = new npmToken.AccessToken2();
      assert.equal(back.from_string(mine), true);
      assert.equal(back.verifySignature(APP_CERT), true);
    });
  }

  test('RTM2 permissions (npm\'s Rtm2Permissions object is taken as it is)', () => {
    const theirPermissions = new npm.Rtm2Permissions();
    theirPermissions.add(npm.Rtm2Permissions.kUsers, npm.Rtm2Permissions.kWrite, ['u1']);
    theirPermissions.add(npm.Rtm2Permissions.kMessageChannels, npm.Rtm2Permissions.kRead, ['c1', 'c2']);
    const theirs = npm.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'alice', theirPermissions, 600);
    const t = v2.parse(theirs);
    const ourPermissions = new v2.Rtm2Permissions();
    Object.assign(ourPermissions.details, theirPermissions.details);
    for (const permissions of [ourPermissions, theirPermissions]) {
      const mine = v2.pinned(t.issueTs, t.salt, () => v2.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'alice', permissions, 600));
      assert.equal(v2.parse(mine).contentHex, t.contentHex);
    }
  });

  test('where npm departs from the other references (FORMAT007.md §8)', () => {
    // APaaS room-user tokens: npm adds no RoomUser privilege; python3, Go, PHP, C++, Rust and we do.
    const theirs = v2.parse(npm.ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERT, 'room', 'user', 1, 600));
    const mine = v2.parse(v2.ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERT, 'room', 'user', 1, 600));
    assert.deepEqual(theirs.services.find((s) => s.type === 7).privileges, []);
    assert.deepEqual(mine.services.find((s) => s.type === 7).privileges, [[1, 600]]);
    // APaaS role 0: npm writes -1 (`role || -1`); we write 0.
    const role0 = new v2.AccessToken2(APP_ID, APP_CERT, 0, 60);
    role0.add_service(new v2.ServiceApaas('r', 'u', 0));
    assert.equal(v2.parse(role0.build()).services[0].role, 0);
    // An RTC role other than publisher: npm grants JoinChannel only; we refuse it.
    assert.ok(npm.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', 1, 3, 60).startsWith('007'));
    assert.throws(() => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', 1, 3, 60), (e) => e.code === 'role');
    // Invalid credentials: npm returns "", we throw with the category.
    assert.equal(npm.ChatTokenBuilder.buildAppToken('x', APP_CERT, 60), '');
    assert.throws(() => v2.ChatTokenBuilder.buildAppToken('x', APP_CERT, 60), (e) => e.code === 'app_id');
  });
});

// ESM imports of npm's module names: `import { RtcTokenBuilder, RtcRole } from
// 'agoratoken/agora-access-token'` must work (named and default), for every module, and give
// the objects require() gives. Node cannot read the names of the one-line CommonJS re-exports
// under compat/, so each has an .mjs beside it ("import" condition in package.json).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { RtcRole as Role006, RtcTokenBuilder as Rtc006, RtmRole, RtmTokenBuilder as Rtm006 } from 'agoratoken/agora-access-token';
import accessToken006 from 'agoratoken/agora-access-token';
import { ChatTokenBuilder, RtcRole, RtcTokenBuilder, Rtm2Permissions, RtmTokenBuilder } from 'agoratoken/agora-token';
import { AccessToken2, ServiceRtc, kRtcServiceType } from 'agoratoken/agora-token/src/AccessToken2';
import { AccessToken, priviledges, version } from 'agoratoken/agora-token/src/AccessToken';

import { APP_CERT, APP_ID } from './common.mjs';

const require = createRequire(import.meta.url);
const MODULES = {
  'agora-access-token': ['', 'src/AccessToken', 'src/RtcTokenBuilder', 'src/RtmTokenBuilder'],
  'agora-token': [
    '', 'src/AccessToken', 'src/AccessToken2', 'src/RtcTokenBuilder', 'src/RtmTokenBuilder', 'src/RtcTokenBuilder2', 'src/RtmTokenBuilder2',
    'src/ApaasTokenBuilder', 'src/ChatTokenBuilder', 'src/ConvoAITokenBuilder', 'src/EducationTokenBuilder', 'src/FpaTokenBuilder', 'src/SttTokenBuilder',
  ],
};

test('every module: the named exports are the CommonJS names and objects; the default is module.exports', async () => {
  for (const [pkg, mods] of Object.entries(MODULES)) {
    for (const mod of mods) {
      const id = mod === '' ? `agoratoken/${pkg}` : `agoratoken/${pkg}/${mod}`;
      const cjs = require(id);
      const esm = await import(id);
      assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), Object.keys(cjs).sort(), id);
      for (const name of Object.keys(cjs)) assert.equal(esm[name], cjs[name], `${id}: ${name}`);
      assert.equal(esm.default, cjs, `${id}: default`);
    }
  }
});

test('named imports build the tokens the README shows (006 and 007)', () => {
  const expire = Math.floor(Date.now() / 1000) + 3600;
  assert.ok(Rtc006.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, Role006.PUBLISHER, expire).startsWith('006'));
  assert.ok(Rtm006.buildToken(APP_ID, APP_CERT, 'alice', RtmRole.Rtm_User, expire).startsWith('006'));
  assert.equal(accessToken006.RtcTokenBuilder, Rtc006);

  assert.ok(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, RtcRole.PUBLISHER, 3600, 600).startsWith('007'));
  assert.ok(ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, 'alice', 3600).startsWith('007'));
  const grants = new Rtm2Permissions();
  grants.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby']);
  assert.ok(RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERT, 'alice', grants, 3600).startsWith('007'));

  const t = new AccessToken2(APP_ID, APP_CERT, 0, 600);
  const rtc = new ServiceRtc('room-1', 42);
  rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600);
  t.add_service(rtc);
  const back = new AccessToken2();
  assert.equal(back.from_string(t.build()), true);
  assert.equal(back.getServices(kRtcServiceType)[0].__uid, '42');

  const legacy = new AccessToken(APP_ID, APP_CERT, 'room-1', 42);
  legacy.addPriviledge(priviledges.kJoinChannel, expire);
  assert.ok(legacy.build().startsWith(version));
});

// agoratoken/v2: the AccessToken2 class and services API, the data form
// (buildToken), parse, parseAny, verify, and the module's shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { describe, test } from 'node:test';

import * as v2 from '../v2.mjs';
import v2default from '../v2.mjs';
import { APP_CERT, APP_ID, KNOWN_TOKEN, OTHER_CERT, errorText, otherTypes, throwsCode, throwsType } from './common.mjs';

const require = createRequire(import.meta.url);
const {
  AccessToken2, ServiceRtc, ServiceRtm, ServiceStreaming, ServiceFpa, ServiceChat, ServiceFCdn, ServiceApaas,
  ServiceRtm2, ServiceConvoAI, ServiceStt, Rtm2Permissions, buildToken, parse, parseAny, verify,
} = v2;

/** A token with one service of each type, every field set. */
function everyService() {
  const t = new AccessToken2(APP_ID, APP_CERT, 1700000000, 3600);
  t.salt = 12345;
  const add = (service, ...privileges) => {
    for (const [id, v] of privileges) service.add_privilege(id, v);
    t.add_service(service);
  };
  const grants = new Rtm2Permissions();
  grants.add(Rtm2Permissions.kStreamChannels, Rtm2Permissions.kWrite, ['s1']);
  add(new ServiceStt());
  add(new ServiceRtc('room-1', 42), [ServiceRtc.kPrivilegeJoinChannel, 600], [ServiceRtc.kPrivilegePublishAudioStream, 0]);
  add(new ServiceRtm('alice'), [ServiceRtm.kPrivilegeLogin, 60]);
  add(new ServiceStreaming('room-1', 'bob'), [ServiceStreaming.kPrivilegePublishMixStream, 1]);
  add(new ServiceFpa(), [ServiceFpa.kPrivilegeLogin, 0]);
  add(new ServiceChat(), [ServiceChat.kPrivilegeApp, 2]);
  add(new ServiceFCdn('room-2', 0), [ServiceFCdn.kPrivilegePlay, 3]);
  add(new ServiceApaas('r', 'u', 2), [ServiceApaas.PRIVILEGE_ROOM_USER, 4]);
  add(new ServiceRtm2('carol', grants), [ServiceRtm2.kPrivilegeLogin, 5]);
  add(new ServiceConvoAI());
  add(new ServiceRtc('room-1', 0), [ServiceRtc.kPrivilegeJoinChannel, 7]);
  return t;
}

describe('AccessToken2 and the service classes', () => {
  test('build, parse back every field, services sorted by type (stable)', () => {
    const token = everyService().build();
    const t = parse(token);
    assert.equal(t.appId, APP_ID);
    assert.deepEqual([t.issueTs, t.expire, t.salt], [1700000000, 3600, 12345]);
    assert.deepEqual(t.services.map((s) => s.className), [
      'ServiceRtc', 'ServiceRtc', 'ServiceRtm', 'ServiceStreaming', 'ServiceFpa', 'ServiceChat', 'ServiceFCdn',
      'ServiceApaas', 'ServiceRtm2', 'ServiceConvoAI', 'ServiceStt',
    ]);
    assert.deepEqual(t.services[0], { type: 1, className: 'ServiceRtc', privileges: [[1, 600], [2, 0]], channelName: 'room-1', account: '42' });
    assert.deepEqual(t.services[1].account, '');
    assert.deepEqual(t.services[3], { type: 3, className: 'ServiceStreaming', privileges: [[1, 1]], channelName: 'room-1', account: 'bob' });
    assert.deepEqual(t.services[5], { type: 5, className: 'ServiceChat', privileges: [[2, 2]], userId: '' });
    assert.deepEqual(t.services[6].account, '');
    assert.deepEqual(t.services[7], { type: 7, className: 'ServiceApaas', privileges: [[1, 4]], roomUuid: 'r', userUuid: 'u', role: 2 });
    assert.deepEqual(t.services[8], { type: 8, className: 'ServiceRtm2', privileges: [[1, 5]], userId: 'carol', permissions: [[1, 1, ['s1']]] });
    assert.deepEqual(t.services[10], { type: 10, className: 'ServiceStt', privileges: [] });
    assert.equal(t.signatureHex.length, 64);
    assert.equal(t.contentHex.slice(0, 4), '2000');
    assert.equal(verify(token, APP_CERT, { channelName: 'room-1', uid: 42, now: 1700000600 }), 'ok');
    assert.equal(verify(token, APP_CERT, { channelName: 'room-1', uid: 42, now: 1700000601 }), 'privilege_expired');
    assert.equal(verify(token, APP_CERT, { channelName: 'room-1', uid: 99, now: 1700000007 }), 'ok', 'the uid-0 service admits anyone');
    assert.equal(verify(token, APP_CERT, { channelName: 'room-1', uid: 99, now: 1700000008 }), 'privilege_expired');
    assert.equal(verify(token, APP_CERT, { rtmUserId: 'carol', now: 1700000005 }), 'ok');
    assert.equal(verify(token, APP_CERT, { rtmUserId: 'carol', now: 1700000006 }), 'privilege_expired');
  });

  test('from_string reads a token back into service classes; build() gives the same token again', () => {
    const token = everyService().build();
    const t = new AccessToken2();
    assert.equal(t.from_string(token), true);
    assert.equal(t.verifySignature(APP_CERT), true);
    assert.equal(t.verifySignature(OTHER_CERT), false);
    assert.equal(t.services.length, 11);
    assert.ok(t.services[0] instanceof ServiceRtc);
    assert.ok(t.services[8] instanceof ServiceRtm2);
    assert.deepEqual(t.services[8].permissions.details, { 1: { 1: ['s1'] } });
    assert.equal(t.services[1].uid, 0, 'the empty user string reads back as uid 0');
    assert.deepEqual(t.getServices(v2.kRtcServiceType).map((s) => s.uid), ['42', 0]);
    t.appCertificate = APP_CERT;
    assert.equal(t.build(), token, 'issueTs and salt come from the token');
    assert.equal(t.from_string(`${token}x`), false);
    assert.equal(t.verifySignature(APP_CERT), false, 'nothing read');
    assert.equal(t.from_string(KNOWN_TOKEN), false, 'a 006 token');
    assert.equal(t.from_string(42), false);
  });

  test('add_privilege replaces (map semantics); issueTs 0 in the constructor means now; null draws', () => {
    const t = new AccessToken2(APP_ID, APP_CERT, 0, 600);
    const s = new ServiceRtc('c', 1);
    s.add_privilege(1, 10);
    s.add_privilege(1, 20);
    t.add_service(s);
    const before = Math.floor(Date.now() / 1000);
    const read = parse(t.build());
    assert.deepEqual(read.services[0].privileges, [[1, 20]]);
    assert.ok(read.issueTs >= before);
    assert.notEqual(parse(t.build()).salt, read.salt, 'a fresh salt per build');
    t.issueTs = 0;
    t.salt = 0;
    assert.deepEqual([parse(t.build()).issueTs, parse(t.build()).salt], [0, 0]);
  });

  test('failures: the core\'s categories, TypeErrors for types', () => {
    const t = (services, fields = {}) => Object.assign(new AccessToken2(APP_ID, APP_CERT, 1, 60), fields, { services });
    const rtc = (uid) => Object.assign(new ServiceRtc('c', uid), { privileges: new Map([[1, 0]]) });
    throwsCode(() => t([]).build(), 'no_service');
    throwsCode(() => t([rtc(1)], { appId: 'x' }).build(), 'app_id');
    throwsCode(() => t([rtc(1)], { appCertificate: 'SECRET-SECRET' }).build(), 'app_certificate', 'SECRET-SECRET');
    throwsCode(() => t([rtc(1)], { issueTs: 2 ** 32 }).build(), 'issue_ts');
    throwsCode(() => t([rtc(1)], { expire: -1 }).build(), 'expire');
    throwsCode(() => t([rtc(1)], { salt: 1.5 }).build(), 'salt');
    throwsCode(() => t([rtc(-1)]).build(), 'uid');
    throwsCode(() => t([rtc('')]).build(), 'user_account');
    throwsCode(() => t([new ServiceRtc('', 1)]).build(), 'channel_name');
    const bad = new ServiceRtc('c', 1);
    bad.add_privilege(5, 0);
    throwsCode(() => t([bad]).build(), 'privilege');
    const badExpire = new ServiceRtc('c', 1);
    badExpire.add_privilege(1, 2 ** 32);
    throwsCode(() => t([badExpire]).build(), 'expire_ts');
    throwsCode(() => t([new ServiceRtm('')]).build(), 'user_id');
    throwsCode(() => t([new ServiceApaas('r', 'u', 40000)]).build(), 'role');
    throwsCode(() => t([new ServiceRtm2('u', [[9, 0, []]])]).build(), 'permission');
    const fpa = new ServiceFpa();
    fpa.type = 11;
    throwsCode(() => t([fpa]).build(), 'service');
    assert.throws(() => t([new ServiceApaas('r', 'u')]).build(), (e) => e.code === 'null_argument' && e.message === 'role: ServiceApaas needs a role');
    throwsType(() => new AccessToken2(APP_ID, APP_CERT).add_service({ type: 1 }));
    throwsType(() => new AccessToken2(APP_ID, APP_CERT, 1, undefined).build());
    for (const bad of otherTypes('string')) throwsType(() => t([rtc(1)], { appCertificate: bad }).build());
    throwsType(() => t([new ServiceChat('a\uD800')]).build());
  });

  test('the certificate never shows: inspect, String, JSON, keys, errors', () => {
    const t = everyService();
    for (const text of [inspect(t, { depth: 10 }), String(t), JSON.stringify(t), Object.keys(t).join(), inspect(t, { showHidden: true })]) {
      assert.ok(!text.includes(APP_CERT), text);
    }
    assert.equal(t.appCertificate, APP_CERT, 'readable as in npm');
    assert.match(inspect(t), /^AccessToken2 \{\n  appId: '970CA35de60c44645bbae8a215061b33',/);
    const e = throwsCode(() => Object.assign(new AccessToken2(APP_ID, `${APP_CERT}x`, 1, 1), { services: [new ServiceFpa()] }).build(), 'app_certificate', `${APP_CERT}x`);
    assert.ok(!errorText(e).includes(APP_CERT));
  });
});

describe('buildToken (a token as data)', () => {
  const data = (services, fields = {}) => ({ appId: APP_ID, appCertificate: APP_CERT, issueTs: 1, expire: 60, salt: 2, services, ...fields });

  test('the vectors\' input form, camelCased; repeated privilege ids are refused (unlike add_privilege)', () => {
    const token = buildToken(data([{ type: 1, privileges: [[1, 0]], channelName: 'c', uid: 5n }]));
    assert.equal(parse(token).services[0].account, '5');
    throwsCode(() => buildToken(data([{ type: 1, privileges: [[1, 0], [1, 2]], channelName: 'c', uid: 5 }])), 'privilege');
    for (const service of [{ type: 1, privileges: [], channelName: 'c', uid: 5, userAccount: 'a' }, { type: 2, privileges: [] }]) {
      assert.throws(() => buildToken(data([service])), (e) => e.code === 'null_argument' && /needs/.test(e.message));
    }
    throwsCode(() => buildToken(data([{ type: 8, privileges: [], userId: 'u', permissions: [[0, 0, []], [0, 0, ['x']]] }])), 'permission');
    throwsCode(() => buildToken(data([{ type: 0.5, privileges: [] }])), 'service');
    throwsCode(() => buildToken(data([{ type: 4, privileges: [[1.5, 0]] }])), 'privilege');
    assert.ok(buildToken(data([{ type: 4, privileges: [] }], { issueTs: null, salt: undefined })).startsWith('007'));
  });

  test('wrong types name the field', () => {
    const cases = [
      [null, /^token: expected an object/],
      [{ ...data([]), services: 'x' }, /^services: expected an array/],
      [data([7]), /^services\[0\]: expected an object/],
      [data([{ type: '1', privileges: [] }]), /^services\[0\]\.type: expected a number/],
      [data([{ type: 1, privileges: {} }]), /^services\[0\]\.privileges: expected an array/],
      [data([{ type: 1, privileges: [[1]] }]), /^services\[0\]\.privileges\[0\]: expected an \[id, expire\] pair/],
      [data([{ type: 1, privileges: [[1, '0']] }]), /^services\[0\]\.privileges\[0\]\[1\]: expected a number/],
      [data([{ type: 1, privileges: [], channelName: 5 }]), /^services\[0\]\.channelName: expected a string/],
      [data([{ type: 2, privileges: [], userId: '\uDFFF' }]), /^services\[0\]\.userId: the string holds a lone surrogate/],
      [data([{ type: 8, privileges: [], userId: 'u', permissions: [[0, 0, [1]]] }]), /^services\[0\]\.permissions\[0\]\[2\]\[0\]: expected a string/],
      [data([], { expire: undefined }), /^expire: expected a number, got undefined/],
      [data([], { appCertificate: Buffer.from(APP_CERT) }), /^appCertificate: expected a string, got an instance of Buffer/],
    ];
    for (const [input, message] of cases) {
      const e = assert.throws(() => buildToken(input), TypeError);
      void e;
      try {
        buildToken(input);
      } catch (err) {
        assert.match(err.message, message);
        assert.ok(!errorText(err).includes(APP_CERT));
      }
    }
  });
});

describe('parse, parseAny, verify', () => {
  const token = v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, 600, 300);
  const issued = parse(token).issueTs;

  test('verify: every result in check order', () => {
    const at = (now, extra = {}) => verify(token, APP_CERT, { channelName: 'room-1', uid: 42, now, ...extra });
    assert.equal(at(issued + 300), 'ok');
    assert.equal(at(issued + 300, { uid: '42' }), 'ok', 'uid 42 and account "42" are one user');
    assert.equal(at(issued + 300, { uid: 42n }), 'ok');
    assert.equal(at(issued, { appId: APP_ID.toLowerCase() }), 'app_id_mismatch');
    assert.equal(verify(token, OTHER_CERT, { now: issued }), 'signature_mismatch');
    assert.equal(at(issued + 601), 'expired');
    assert.equal(verify(v2.ChatTokenBuilder.buildAppToken(APP_ID, APP_CERT, 60), APP_CERT, { channelName: 'room-1', uid: 42 }), 'service_missing');
    assert.equal(at(issued, { channelName: 'room-2' }), 'channel_mismatch');
    assert.equal(at(issued, { uid: 43 }), 'uid_mismatch');
    assert.equal(at(issued, { uid: 0 }), 'uid_mismatch', 'a token for uid 42 is not for uid 0');
    assert.equal(at(issued + 301), 'privilege_expired');
    assert.equal(verify(token, APP_CERT, { rtmUserId: 'x', now: issued }), 'service_missing');
    assert.equal(verify(token, APP_CERT), 'ok', 'now defaults to the clock; no RTC or RTM check');
  });

  test('verify: failures', () => {
    throwsCode(() => verify('007', APP_CERT), 'zlib');
    throwsCode(() => verify(token, 'short'), 'app_certificate', 'short');
    throwsCode(() => verify(token, APP_CERT, { channelName: 'c', uid: 2 ** 32 }), 'uid');
    throwsCode(() => verify(token, APP_CERT, { channelName: 'c', uid: 0.5 }), 'uid');
    throwsCode(() => verify(token, APP_CERT, { now: -1 }), 'now');
    throwsType(() => verify(token, APP_CERT, { channelName: 'c' }));
    throwsType(() => verify(token, APP_CERT, { uid: 1 }));
    throwsType(() => verify(token, APP_CERT, { channelName: 'c', uid: true }));
    throwsType(() => verify(token, APP_CERT, { now: '1' }));
    throwsType(() => verify(token, APP_CERT, 'room-1'));
    for (const bad of otherTypes('string')) {
      throwsType(() => verify(bad, APP_CERT));
      throwsType(() => verify(token, bad));
      throwsType(() => parse(bad));
      throwsType(() => parseAny(bad));
    }
  });

  test('parseAny reads either format; parse reads 007 only', () => {
    const a = parseAny(token);
    assert.equal(a.format, '007');
    assert.deepEqual({ ...a, format: undefined }, { ...parse(token), format: undefined });
    const b = parseAny(KNOWN_TOKEN);
    assert.equal(b.format, '006');
    assert.equal(b.ts, 1111111);
    assert.deepEqual(b.privileges, [[1, 1446455471]]);
    const e = throwsCode(() => parse(KNOWN_TOKEN), 'version');
    assert.match(e.message, /006/);
    throwsCode(() => parseAny('008abc'), 'version');
    throwsCode(() => parse(`007${'A'.repeat(70000)}`), 'too_long');
  });
});

describe('the module', () => {
  const NAMES = [
    'RtcTokenBuilder', 'RtcRole', 'RtmTokenBuilder', 'ChatTokenBuilder', 'FpaTokenBuilder', 'ApaasTokenBuilder',
    'EducationTokenBuilder', 'ConvoAITokenBuilder', 'SttTokenBuilder', 'Rtm2Permissions', 'AccessToken2', 'Service',
    'ServiceRtc', 'ServiceRtm', 'ServiceStreaming', 'ServiceFpa', 'ServiceChat', 'ServiceFCdn', 'ServiceApaas',
    'ServiceRtm2', 'ServiceConvoAI', 'ServiceStt', 'kRtcServiceType', 'kRtmServiceType', 'kStreamingServiceType',
    'kFpaServiceType', 'kChatServiceType', 'kFCdnServiceType', 'kApaasServiceType', 'kRtm2ServiceType',
    'kConvoAIServiceType', 'kSttServiceType', 'buildToken', 'parse', 'parseAny', 'verify', 'uidFromDecimal', 'builders', 'recipes',
    'pinned', 'ErrorCode', 'errorName', 'version',
  ];

  test('CommonJS and ESM give the same objects, under the subpath export', async () => {
    const cjs = require('../v2.js');
    assert.deepEqual(Object.keys(cjs).sort(), [...NAMES].sort());
    assert.deepEqual(Object.keys(v2).filter((k) => k !== 'default').sort(), [...NAMES].sort());
    for (const name of NAMES) assert.equal(v2[name], cjs[name], name);
    assert.equal(v2default, cjs);
    assert.equal(require('agoratoken/v2'), cjs);
    assert.equal((await import('agoratoken/v2')).RtcTokenBuilder, cjs.RtcTokenBuilder);
    assert.notEqual(require('agoratoken').RtcTokenBuilder, cjs.RtcTokenBuilder, 'the main entry keeps the 006 builders');
    assert.equal(require('agoratoken').RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'c', 1, 1, 0).slice(0, 3), '006');
  });

  test('the npm agora-token names and values', () => {
    const npm = require('agora-token');
    const npmTokens = require('agora-token/src/AccessToken2');
    for (const name of Object.keys(npm)) assert.ok(name in v2, `agora-token exports ${name}`);
    assert.deepEqual({ ...v2.RtcRole }, { ...npm.RtcRole });
    for (const name of Object.keys(npmTokens).filter((n) => /^k.*ServiceType$/.test(n))) assert.equal(v2[name], npmTokens[name], name);
    for (const cls of ['ServiceRtc', 'ServiceRtm', 'ServiceStreaming', 'ServiceFpa', 'ServiceChat', 'ServiceFCdn', 'ServiceApaas', 'ServiceRtm2']) {
      for (const [k, value] of Object.entries(npmTokens[cls])) assert.equal(v2[cls][k], value, `${cls}.${k}`);
    }
    for (const [k, value] of Object.entries(npm.Rtm2Permissions)) assert.equal(v2.Rtm2Permissions[k], value, k);
    for (const [name, cls] of Object.entries(npm).filter(([n]) => n.endsWith('TokenBuilder'))) {
      for (const method of Object.getOwnPropertyNames(cls).filter((m) => typeof cls[m] === 'function')) {
        assert.equal(typeof v2[name][method], 'function', `${name}.${method}`);
        // npm declares `privilegeExpire = 0` as a JS default, which `length` does not count.
        const [ours, theirs] = [v2[name][method].length, cls[method].length];
        assert.ok(ours === theirs || ours === theirs + 1, `${name}.${method} takes npm's arguments (${ours}, npm ${theirs})`);
      }
    }
  });

  test('the typings declare every runtime name and constant', () => {
    const dts = readFileSync(new URL('../v2.d.ts', import.meta.url), 'utf8');
    for (const name of NAMES.filter((n) => !['ErrorCode', 'errorName', 'version'].includes(n))) {
      assert.match(dts, new RegExp(`export declare (const|class|function) ${name}\\b`), name);
    }
    for (const [name, value] of Object.entries(v2.RtcRole)) assert.ok(dts.includes(`${name}: ${value}`), name);
    for (const cls of ['ServiceRtc', 'ServiceRtm', 'ServiceStreaming', 'ServiceFpa', 'ServiceChat', 'ServiceFCdn', 'ServiceApaas', 'ServiceRtm2', 'Rtm2Permissions']) {
      for (const [k, value] of Object.entries(v2[cls])) assert.ok(dts.includes(`static readonly ${k}: ${value};`), `${cls}.${k}`);
    }
    for (const name of NAMES.filter((n) => n.startsWith('k'))) assert.ok(dts.includes(`${name}: ${v2[name]};`), name);
  });
});

// SimpleTokenBuilder: every method and failure path.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, test } from 'node:test';

import { ErrorCode, Privileges, Role, SimpleTokenBuilder, parse, verify } from '../index.js';
import {
  APP_CERT,
  APP_ID,
  CHANNEL,
  KNOWN_TOKEN,
  OTHER_APP_ID,
  UID,
  now,
  otherTypes,
  throwsCode,
  throwsType,
} from './common.mjs';

const P = Privileges;

function known(uid = UID) {
  const b = new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, uid);
  b.salt = 1;
  b.ts = 1111111;
  b.setPrivilege(P.kJoinChannel, 1446455471);
  return b;
}

describe('SimpleTokenBuilder: building', () => {
  test('builds the reference token exactly (number and bigint uid)', () => {
    assert.equal(known().buildToken(), KNOWN_TOKEN);
    assert.equal(known(BigInt(UID)).buildToken(), KNOWN_TOKEN);
  });

  test('uid N and account "N" are the same user; uid 0 and account "0" are not', () => {
    const t = (uid) => parse(known(uid).buildToken());
    assert.equal(t(7).crcUid, t('7').crcUid);
    assert.equal(known(7).buildToken(), known('7').buildToken());
    assert.equal(t(0).crcUid, 0); // CRC32 of the empty string
    assert.notEqual(t('0').crcUid, 0);
    assert.equal(t(2 ** 32 - 1).crcUid, t('4294967295').crcUid);
  });

  test('defaults: a fresh CSPRNG salt per token and ts = now + 24 h', () => {
    const b = new SimpleTokenBuilder(APP_ID, APP_CERT, 'room', 'alice');
    assert.equal(b.salt, null);
    assert.equal(b.ts, null);
    const before = now();
    const tokens = Array.from({ length: 200 }, () => b.buildToken());
    const after = now();
    const salts = new Set(tokens.map((t) => parse(t).salt));
    assert.equal(salts.size, tokens.length, 'every token must get its own salt');
    for (const t of tokens) {
      const { ts } = parse(t);
      assert.ok(ts >= before + 86400 && ts <= after + 86400, `ts ${ts}`);
      assert.equal(verify(t, APP_CERT, 'room', 'alice'), 'ok');
    }
  });

  test('salt and ts accessors: set, read, reset', () => {
    const b = known();
    assert.equal(b.salt, 1);
    assert.equal(b.ts, 1111111);
    b.salt = 0;
    b.ts = 2 ** 32 - 1;
    assert.equal(b.salt, 0);
    assert.equal(b.ts, 2 ** 32 - 1);
    assert.deepEqual([parse(b.buildToken()).salt, parse(b.buildToken()).ts], [0, 2 ** 32 - 1]);
    b.salt = 5n;
    assert.equal(b.salt, 5);
    b.salt = null;
    b.ts = undefined;
    assert.equal(b.salt, null);
    assert.equal(b.ts, null);
    assert.notEqual(parse(b.buildToken()).ts, 2 ** 32 - 1);
  });

  test('salt and ts out of range or not integers', () => {
    const b = known();
    for (const bad of [-1, 2 ** 32, 1.5, NaN, Infinity, -Infinity, 2n ** 64n]) {
      throwsCode(() => {
        b.salt = bad;
      }, 'salt');
      throwsCode(() => {
        b.ts = bad;
      }, 'ts');
    }
    for (const bad of otherTypes('number', 'bigint', 'null', 'undefined')) {
      throwsType(() => {
        b.salt = bad;
      });
      throwsType(() => {
        b.ts = bad;
      });
    }
    assert.equal(b.salt, 1, 'a failed set leaves the salt unchanged');
    assert.equal(b.ts, 1111111, 'a failed set leaves the ts unchanged');
  });

  test('initPrivileges: the role tables', () => {
    const b = known();
    const publisher = [1, 2, 3, 4].map((id) => [id, 0]);
    for (const role of [Role.kRoleAttendee, Role.kRolePublisher, Role.kRoleAdmin]) {
      b.initPrivileges(role);
      assert.deepEqual(b.privileges, publisher);
    }
    b.initPrivileges(Role.kRoleSubscriber);
    assert.deepEqual(b.privileges, [[1, 0]]);
    assert.deepEqual(parse(b.buildToken()).privileges, [[1, 0]]);
  });

  test('initPrivileges: invalid roles', () => {
    const b = known();
    for (const bad of [3, -1, 100, 1.5, NaN, 2 ** 40, 1e300]) throwsCode(() => b.initPrivileges(bad), 'role');
    for (const bad of otherTypes('number', 'bigint')) throwsType(() => b.initPrivileges(bad));
    assert.deepEqual(b.privileges, [[1, 1446455471]], 'unchanged after failures');
  });

  test('setPrivilege: adds sorted, replaces, accepts 0 and 2**32-1', () => {
    const b = known();
    b.setPrivilege(P.kRtmLogin, 0);
    b.setPrivilege(P.kPublishAudioStream, 2 ** 32 - 1);
    b.setPrivilege(P.kJoinChannel, 5);
    assert.deepEqual(b.privileges, [
      [1, 5],
      [2, 2 ** 32 - 1],
      [1000, 0],
    ]);
    assert.deepEqual(parse(b.buildToken()).privileges, b.privileges);
    for (const id of Object.values(P)) b.setPrivilege(id, 9);
    assert.deepEqual(
      b.privileges.map(([id]) => id),
      Object.values(P).sort((x, y) => x - y),
    );
  });

  test('setPrivilege: invalid ids and expiries', () => {
    const b = known();
    for (const bad of [0, 13, 100, 102, 999, 1001, -1, 65536 + 1, 1.5, NaN]) {
      throwsCode(() => b.setPrivilege(bad, 0), 'privilege');
    }
    for (const bad of [-1, 2 ** 32, 0.5, NaN, Infinity]) throwsCode(() => b.setPrivilege(P.kJoinChannel, bad), 'expire_ts');
    for (const bad of otherTypes('number', 'bigint')) {
      throwsType(() => b.setPrivilege(bad, 0));
      throwsType(() => b.setPrivilege(P.kJoinChannel, bad));
    }
    assert.deepEqual(b.privileges, [[1, 1446455471]]);
  });

  test('removePrivilege: removes, absent is a no-op, invalid ids fail', () => {
    const b = known();
    b.setPrivilege(P.kPublishVideoStream, 3);
    b.removePrivilege(P.kJoinChannel);
    assert.deepEqual(b.privileges, [[3, 3]]);
    b.removePrivilege(P.kJoinChannel);
    assert.deepEqual(b.privileges, [[3, 3]]);
    for (const bad of [0, 13, -1, 2.5]) throwsCode(() => b.removePrivilege(bad), 'privilege');
    for (const bad of otherTypes('number', 'bigint')) throwsType(() => b.removePrivilege(bad));
    b.removePrivilege(P.kPublishVideoStream);
    assert.deepEqual(b.privileges, []);
    assert.deepEqual(parse(b.buildToken()).privileges, []);
  });
});

describe('SimpleTokenBuilder: initTokenBuilder', () => {
  test('takes the privileges from a token (salt and ts are drawn afresh)', () => {
    const b = new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, UID);
    assert.equal(b.initTokenBuilder(KNOWN_TOKEN), 0);
    assert.equal(b.salt, null);
    assert.equal(b.ts, null);
    assert.deepEqual(b.privileges, [[1, 1446455471]]);
    b.salt = 1;
    b.ts = 1111111;
    assert.equal(b.buildToken(), KNOWN_TOKEN);
    // The account form of the same user accepts it too.
    assert.equal(new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, String(UID)).initTokenBuilder(KNOWN_TOKEN), 0);
  });

  test('every failure returns its code and leaves the builder unchanged', () => {
    const content = KNOWN_TOKEN.slice(35);
    const bytes = Buffer.from(content, 'base64');
    const cases = [
      ['', ErrorCode.version],
      ['005' + KNOWN_TOKEN.slice(3), ErrorCode.version],
      ['006' + 'g'.repeat(32) + content, ErrorCode.app_id],
      ['006' + APP_ID, ErrorCode.truncated],
      ['006' + APP_ID + content.replace('+', '-'), ErrorCode.base64],
      ['006' + APP_ID + ' ' + content, ErrorCode.base64],
      ['006' + APP_ID + bytes.subarray(0, 20).toString('base64'), ErrorCode.truncated],
      ['006' + APP_ID + Buffer.concat([bytes, Buffer.from([0])]).toString('base64'), ErrorCode.trailing],
      ['006' + OTHER_APP_ID + content, ErrorCode.app_id_mismatch],
    ];
    const b = known();
    b.salt = 77;
    for (const [token, code] of cases) {
      assert.equal(b.initTokenBuilder(token), code, token);
      assert.equal(b.salt, 77);
      assert.equal(b.ts, 1111111);
      assert.deepEqual(b.privileges, [[1, 1446455471]]);
    }
    const otherChannel = new SimpleTokenBuilder(APP_ID, APP_CERT, 'another', UID);
    assert.equal(otherChannel.initTokenBuilder(KNOWN_TOKEN), ErrorCode.channel_mismatch);
    const otherUser = new SimpleTokenBuilder(APP_ID, APP_CERT, CHANNEL, 1);
    assert.equal(otherUser.initTokenBuilder(KNOWN_TOKEN), ErrorCode.uid_mismatch);
    assert.equal(otherUser.salt, null);
  });

  test('a non-string token is a TypeError', () => {
    const b = known();
    for (const bad of otherTypes('string')) throwsType(() => b.initTokenBuilder(bad));
  });
});

describe('SimpleTokenBuilder: construction', () => {
  test('invalid values throw Error with the category', () => {
    const make = (appId, cert, channel, uid) => () => new SimpleTokenBuilder(appId, cert, channel, uid);
    throwsCode(make('', APP_CERT, 'c', 1), 'app_id');
    throwsCode(make(APP_ID.slice(1), APP_CERT, 'c', 1), 'app_id');
    throwsCode(make(APP_ID + '0', APP_CERT, 'c', 1), 'app_id');
    throwsCode(make('z' + APP_ID.slice(1), APP_CERT, 'c', 1), 'app_id');
    for (const badCert of ['', APP_CERT.slice(1), APP_CERT + 'a', 'x' + APP_CERT.slice(1), APP_CERT.slice(0, 31) + 'é']) {
      throwsCode(make(APP_ID, badCert, 'c', 1), 'app_certificate', badCert || APP_CERT);
    }
    for (const bad of ['', 'x'.repeat(65), 'a/b', 'a\tb', 'é', 'a\0b', '频道']) {
      throwsCode(make(APP_ID, APP_CERT, bad, 1), 'channel_name');
    }
    new SimpleTokenBuilder(APP_ID, APP_CERT, 'x'.repeat(64), 1); // the limit itself is fine
    for (const bad of ['', 'u'.repeat(256), 'a"b', 'a\nb', 'ü', '用户']) {
      throwsCode(make(APP_ID, APP_CERT, 'c', bad), 'user_account');
    }
    new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 'u'.repeat(255));
    for (const bad of [-1, 2 ** 32, 2 ** 53, 1.5, -0.5, NaN, Infinity, -Infinity, -1n, 2n ** 32n, 2n ** 100n]) {
      throwsCode(make(APP_ID, APP_CERT, 'c', bad), 'uid');
    }
  });

  test('long strings are read whole (no truncation at a buffer boundary)', () => {
    // The addon reads short strings in one call into a 256-byte buffer; a
    // string that only fits once its last character is dropped must not be
    // taken for its valid prefix.
    for (let n = 240; n <= 260; n += 1) {
      for (const ch of ['é', '€', '😀', '/']) {
        throwsCode(() => new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 'a'.repeat(n) + ch), 'user_account');
        assert.notEqual(
          new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 'a'.repeat(Math.min(n, 255))).initTokenBuilder(KNOWN_TOKEN + ch),
          0,
        );
      }
    }
    const longest = 'u'.repeat(255);
    const t = new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', longest).buildToken();
    assert.equal(verify(t, APP_CERT, 'c', longest), 'ok');
    assert.equal(verify(t, APP_CERT, 'c', 'u'.repeat(254)), 'uid_mismatch');
  });

  test('checks run in order: app id, certificate, channel, account', () => {
    const secret = 'SECRET-cert-value';
    throwsCode(() => new SimpleTokenBuilder('x', secret, '', ''), 'app_id', secret);
    throwsCode(() => new SimpleTokenBuilder(APP_ID, secret, '', ''), 'app_certificate', secret);
    throwsCode(() => new SimpleTokenBuilder(APP_ID, APP_CERT, '', ''), 'channel_name');
  });

  test('wrong types throw TypeError', () => {
    for (const bad of otherTypes('string')) {
      throwsType(() => new SimpleTokenBuilder(bad, APP_CERT, 'c', 1));
      throwsType(() => new SimpleTokenBuilder(APP_ID, bad, 'c', 1));
      throwsType(() => new SimpleTokenBuilder(APP_ID, APP_CERT, bad, 1));
    }
    for (const bad of otherTypes('string', 'number', 'bigint')) {
      throwsType(() => new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', bad));
    }
    assert.equal(throwsType(() => new SimpleTokenBuilder(APP_ID, APP_CERT, 'c')).code, 'null_argument');
    assert.equal(throwsType(() => new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', true)).code, 'ERR_INVALID_ARG_TYPE');
    assert.throws(() => SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 1), TypeError); // a class needs `new`
  });

  test('the certificate never shows: inspect, toString, JSON, keys', () => {
    const b = known();
    for (const text of [inspect(b), String(b), `${b}`, JSON.stringify(b), Object.keys(b).join()]) {
      assert.ok(!text.includes(APP_CERT), text);
    }
    assert.match(inspect(b), /appCertificate: '\*\*\*'/);
    assert.match(String(b), new RegExp(CHANNEL));
  });

  test('console.log shows a JavaScript form, not Rust Debug syntax (issue 17)', () => {
    const b = known();
    const shown = inspect(b);
    assert.equal(
      shown,
      `SimpleTokenBuilder {\n  appID: '${APP_ID}',\n  appCertificate: '***',\n  channelName: '${CHANNEL}',\n` +
        `  uid: ${UID},\n  salt: 1,\n  ts: 1111111,\n  privileges: [ [ 1, 1446455471 ] ]\n}`,
    );
    assert.equal(String(b), shown.replace(/\n\s*/g, ' '));
    const fresh = new SimpleTokenBuilder(APP_ID, APP_CERT, 'c', 'alice');
    assert.match(inspect(fresh), /uid: 'alice',\n  salt: null,\n  ts: null,\n  privileges: \[\]/);
    for (const rust of ['None', 'Some(', 'app_certificate', '"***"']) assert.ok(!inspect(fresh).includes(rust), rust);
  });
});

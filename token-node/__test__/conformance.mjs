// Conformance runner of the Node.js binding: a plain program (not a test
// framework test), so that its summary line really is the last one printed.
// Reads every *.jsonl in AGORA_TOKEN_VECTORS, else <repo root>/tests/vectors.
// 006 kinds go through `agoratoken`, 007 kinds through `agoratoken/v2`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { inflateSync } from 'node:zlib';

import { SimpleTokenBuilder, parse, verify } from '../index.mjs';
import * as v2 from '../v2.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.env.AGORA_TOKEN_VECTORS || resolve(here, '..', '..', 'tests', 'vectors');

function user(c) {
  const hasUid = Object.hasOwn(c, 'uid');
  const hasAccount = Object.hasOwn(c, 'user_account');
  if (hasUid === hasAccount) throw new Error('needs exactly one of uid and user_account');
  if (hasUid && typeof c.uid !== 'number') throw new Error('uid must be a JSON integer');
  if (hasAccount && typeof c.user_account !== 'string') throw new Error('user_account must be a JSON string');
  return hasUid ? c.uid : c.user_account;
}

function build(c) {
  const b = new SimpleTokenBuilder(c.app_id, c.app_certificate, c.channel_name, user(c));
  b.salt = c.salt;
  b.ts = c.ts;
  for (const [id, expire] of c.privileges) b.setPrivilege(id, expire);
  return b.buildToken();
}

// ---- 007 -------------------------------------------------------------------

/** A vector's service (build007 input form) in v2's data form. */
function serviceData(s) {
  const out = { type: s.type, privileges: s.privileges };
  const fields = {
    channel_name: 'channelName', uid: 'uid', user_account: 'userAccount', user_id: 'userId',
    room_uuid: 'roomUuid', user_uuid: 'userUuid', role: 'role', permissions: 'permissions',
  };
  for (const [key, name] of Object.entries(fields)) if (Object.hasOwn(s, key)) out[name] = s[key];
  return out;
}

function buildData(c) {
  return v2.buildToken({
    appId: c.app_id,
    appCertificate: c.app_certificate,
    issueTs: c.issue_ts,
    expire: c.expire,
    salt: c.salt,
    services: c.services.map(serviceData),
  });
}

/** The same token through the AccessToken2 class and the service classes. */
function buildClasses(c) {
  const t = new v2.AccessToken2(c.app_id, c.app_certificate, c.issue_ts, c.expire);
  t.issueTs = c.issue_ts; // the constructor reads 0 as "now", as npm's does
  t.salt = c.salt;
  for (const s of c.services) {
    const user = Object.hasOwn(s, 'uid') ? s.uid : s.user_account;
    const make = {
      1: () => new v2.ServiceRtc(s.channel_name, user),
      2: () => new v2.ServiceRtm(s.user_id),
      3: () => new v2.ServiceStreaming(s.channel_name, user),
      4: () => new v2.ServiceFpa(),
      5: () => new v2.ServiceChat(s.user_id),
      6: () => new v2.ServiceFCdn(s.channel_name, user),
      7: () => new v2.ServiceApaas(s.room_uuid, s.user_uuid, s.role),
      8: () => {
        const permissions = new v2.Rtm2Permissions();
        for (const [rt, pt, resources] of s.permissions) permissions.add(rt, pt, resources);
        return new v2.ServiceRtm2(s.user_id, permissions);
      },
      9: () => new v2.ServiceConvoAI(),
      10: () => new v2.ServiceStt(),
    }[s.type];
    const service = make();
    for (const [id, expire] of s.privileges) service.add_privilege(id, expire);
    t.add_service(service);
  }
  return t.build();
}

/** A builder007 case through the reference-named builder, issue_ts and salt pinned. */
function builder(c) {
  const fn = v2.builders[c.builder];
  const recipe = v2.recipes.find((r) => r.name === c.builder);
  if (fn === undefined || recipe === undefined) throw new Error(`no builder ${c.builder}`);
  for (const key of Object.keys(c.args)) {
    if (!recipe.params.some((p) => p.name === key)) throw new Error(`unknown argument ${key}`);
  }
  const args = recipe.params.map((p) => c.args[p.name]);
  return v2.pinned(c.issue_ts, c.salt, () => fn(c.app_id, c.app_certificate, ...args));
}

/** build007's two steps: our token's decompressed content, then the token itself. */
function compare007(token, c) {
  const content = inflateSync(Buffer.from(token.slice(3), 'base64')).toString('hex');
  if (content !== c.content_hex) return `content ${content} != ${c.content_hex}`;
  return token === c.token ? null : `token ${token} != ${c.token}`;
}

function expectError(fn, error) {
  try {
    const got = fn();
    return `got ${got}, expected error ${error}`;
  } catch (e) {
    return e.code === error ? null : `error ${e.code} (${e.message}), expected ${error}`;
  }
}

/** A parsed service in the vectors' token form. */
function tokenForm(s) {
  const out = { type: s.type, privileges: s.privileges };
  const fields = {
    channelName: 'channel_name', account: 'account', userId: 'user_id', roomUuid: 'room_uuid',
    userUuid: 'user_uuid', role: 'role', permissions: 'permissions',
  };
  for (const [name, key] of Object.entries(fields)) if (s[name] !== undefined) out[key] = s[name];
  return out;
}

function parse007(c) {
  const t = v2.parse(c.token);
  const got = {
    app_id: t.appId,
    issue_ts: t.issueTs,
    expire: t.expire,
    salt: t.salt,
    signature_hex: t.signatureHex,
    services: t.services.map(tokenForm),
    content_hex: t.contentHex,
  };
  if (!isDeepStrictEqual(got, c.expected)) return `parsed ${JSON.stringify(got)} != ${JSON.stringify(c.expected)}`;
  if (c.verify !== undefined) {
    const v = c.verify;
    const expected = { now: v.now };
    if (v.rtc !== undefined) Object.assign(expected, { channelName: v.rtc.channel_name, uid: user(v.rtc) });
    const result = v2.verify(c.token, v.app_certificate, expected);
    if (result !== v.result) return `verify: ${result}, expected ${v.result}`;
  }
  return null;
}

// Returns null when the case passes, else what went wrong.
function run(c) {
  switch (c.kind) {
    case 'build007': {
      const problem = compare007(buildData(c), c);
      return problem ?? compare007(buildClasses(c), c);
    }
    case 'builder007':
      return compare007(builder(c), c);
    case 'invalid007':
      return expectError(() => buildData(c), c.error);
    case 'reject007':
      return expectError(() => v2.parse(c.token), c.error);
    case 'parse007':
      return parse007(c);
    case 'build006': {
      const token = build(c);
      return token === c.token ? null : `token ${token} != ${c.token}`;
    }
    case 'invalid006': {
      try {
        const token = build(c);
        return `built ${token}, expected error ${c.error}`;
      } catch (e) {
        return e.code === c.error ? null : `error ${e.code} (${e.message}), expected ${c.error}`;
      }
    }
    case 'reject006': {
      try {
        parse(c.token);
        return `parsed, expected error ${c.error}`;
      } catch (e) {
        return e.code === c.error ? null : `error ${e.code} (${e.message}), expected ${c.error}`;
      }
    }
    case 'parse006': {
      const t = parse(c.token);
      const got = {
        app_id: t.appId,
        signature_hex: t.signatureHex,
        crc_channel_name: t.crcChannelName,
        crc_uid: t.crcUid,
        salt: t.salt,
        ts: t.ts,
        privileges: t.privileges,
      };
      if (!isDeepStrictEqual(got, c.expected)) {
        return `parsed ${JSON.stringify(got)} != ${JSON.stringify(c.expected)}`;
      }
      if (c.verify !== undefined) {
        const v = c.verify;
        const options = { now: v.now };
        if (Object.hasOwn(v, 'app_id')) options.appId = v.app_id;
        const result = verify(c.token, v.app_certificate, v.channel_name, user(v), options);
        if (result !== v.result) return `verify: ${result}, expected ${v.result}`;
      }
      return null;
    }
    default:
      return `unknown kind ${JSON.stringify(c.kind)}`;
  }
}

let passed = 0;
let failed = 0;
let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
} catch (e) {
  console.log(`cannot read ${dir}: ${e.message}`);
}
const seen = new Set();
for (const file of files) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let id = `${file}:${i + 1}`;
    let problem;
    try {
      const c = JSON.parse(line);
      if (typeof c.id === 'string') id = c.id;
      if (seen.has(id)) throw new Error('duplicate id');
      seen.add(id);
      problem = run(c);
    } catch (e) {
      problem = `${e.name}${e.code ? ` [${e.code}]` : ''}: ${e.message}`;
    }
    if (problem === null) {
      passed += 1;
    } else {
      failed += 1;
      console.log(`FAIL ${id}: ${problem}`);
    }
  });
}
console.log(`conformance[node]: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;

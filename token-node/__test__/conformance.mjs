// Conformance runner of the Node.js binding: a plain program (not a test
// framework test), so that its summary line really is the last one printed.
// Reads every *.jsonl in AGORA_TOKEN_VECTORS, else <repo root>/tests/vectors.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import { SimpleTokenBuilder, parse, verify } from '../index.mjs';

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

// Returns null when the case passes, else what went wrong.
function run(c) {
  switch (c.kind) {
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

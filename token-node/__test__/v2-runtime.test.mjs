// agoratoken/v2 in a real process: Node's own zlib does not change our bytes,
// worker threads, and memory that stays flat while building many tokens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { test } from 'node:test';

import { APP_CERT, APP_ID } from './common.mjs';

const require = createRequire(import.meta.url);
const v2path = require.resolve('../v2.js');
const addonPath = require.resolve('../agoratoken.node');
const vectors = new URL('../../tests/vectors/', import.meta.url);

test('the addon neither exports nor imports a zlib symbol (Node exports its own zlib)', () => {
  const nm = (flag, file = addonPath) => execFileSync('nm', ['-D', flag, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const zlib = /\b(deflate|inflate|compress|uncompress|adler32|crc32|zlibVersion)\w*/;
  assert.doesNotMatch(nm('--undefined-only'), zlib);
  assert.doesNotMatch(nm('--defined-only'), zlib);
  const node = nm('--defined-only', process.execPath);
  assert.match(node, / T deflate\b/, 'this node binary exports deflate: the case the test guards against');
});

test('builder007 and build007 vectors give the same bytes after Node\'s zlib was loaded and used', () => {
  // A fresh process that uses node:zlib (Chromium's zlib fork, which writes other
  // bytes than stock zlib for the same input) before and after loading the addon.
  const script = `
    const zlib = require('node:zlib');
    const { readFileSync } = require('node:fs');
    const junk = Buffer.alloc(1 << 16, 7);
    const churn = () => {
      for (let level = 0; level <= 9; level++) zlib.inflateSync(zlib.deflateSync(junk, { level, memLevel: 9 }));
      zlib.gunzipSync(zlib.gzipSync(junk));
      zlib.brotliCompressSync(junk);
    };
    churn();
    const v2 = require(${JSON.stringify(v2path)});
    const cases = ${JSON.stringify(['builder007.jsonl', 'build007.jsonl'])}
      .flatMap((f) => readFileSync(${JSON.stringify(vectors.pathname)} + f, 'utf8').split('\\n').filter(Boolean).map(JSON.parse));
    const build = (c) => c.kind === 'builder007'
      ? v2.pinned(c.issue_ts, c.salt, () => v2.builders[c.builder](c.app_id, c.app_certificate, ...v2.recipes.find((r) => r.name === c.builder).params.map((p) => c.args[p.name])))
      : v2.buildToken({ appId: c.app_id, appCertificate: c.app_certificate, issueTs: c.issue_ts, expire: c.expire, salt: c.salt,
          services: c.services.map((s) => ({ type: s.type, privileges: s.privileges, channelName: s.channel_name, uid: s.uid,
            userAccount: s.user_account, userId: s.user_id, roomUuid: s.room_uuid, userUuid: s.user_uuid, role: s.role, permissions: s.permissions })) });
    let same = 0;
    for (const round of [1, 2]) {
      for (const c of cases) {
        const token = build(c);
        if (token !== c.token) throw new Error(c.id + ': ' + token + ' != ' + c.token);
        // Node's deflate of the same content writes other bytes here; both inflate to the content.
        const content = zlib.inflateSync(Buffer.from(token.slice(3), 'base64'));
        if (content.toString('hex') !== c.content_hex) throw new Error(c.id + ': content');
        if ('007' + zlib.deflateSync(content).toString('base64') === c.token) same++;
        churn();
      }
    }
    console.log(JSON.stringify({ checked: cases.length * 2, nodeZlibSame: same }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  assert.equal(out.checked, 2 * 25);
  assert.ok(out.nodeZlibSame < out.checked, `Node's zlib wrote the stock bytes for every case (${out.nodeZlibSame}); the test would not notice`);
});

test('worker threads build, parse and verify the same tokens, each with its own salts', async () => {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const v2 = require(workerData.v2path);
    const pinned = v2.pinned(1700000000, 9, () => v2.RtcTokenBuilder.buildTokenWithUid(workerData.appId, workerData.cert, 'room-1', 42, 1, 600, 600));
    const salts = [];
    for (let i = 0; i < 50; i++) salts.push(v2.parse(v2.ChatTokenBuilder.buildUserToken(workerData.appId, workerData.cert, 'u' + i, 60)).salt);
    const t = new v2.AccessToken2(workerData.appId, workerData.cert, 0, 60);
    t.add_service(new v2.ServiceFpa());
    let err;
    try { v2.RtcTokenBuilder.buildTokenWithUid(workerData.appId, workerData.cert, '', 1, 1, 60); } catch (e) { err = e.code; }
    parentPort.postMessage({ pinned, salts, ok: v2.verify(t.build(), workerData.cert), err });
  `;
  const workerData = { v2path, appId: APP_ID, cert: APP_CERT };
  const run = () =>
    new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData });
      w.once('message', resolve);
      w.once('error', reject);
    });
  const v2 = require('../v2.js');
  const expected = v2.pinned(1700000000, 9, () => v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'room-1', 42, 1, 600, 600));
  const results = await Promise.all(Array.from({ length: 4 }, run));
  const salts = new Set();
  for (const r of results) {
    assert.equal(r.pinned, expected);
    assert.equal(r.ok, 'ok');
    assert.equal(r.err, 'channel_name');
    r.salts.forEach((s) => salts.add(s));
  }
  assert.equal(salts.size, 200);
});

test('200k 007 tokens keep RSS flat (the 10-million run is `make memory-node`)', { timeout: 120000 }, () => {
  // V8's heap is capped so that its own growth (it settles near 60 MB by
  // default) cannot hide a native leak: 50 bytes per token would add 10 MB.
  const script = new URL('./memory.mjs', import.meta.url).pathname;
  const out = execFileSync(process.execPath, ['--max-old-space-size=32', '--max-semi-space-size=1', script, '200000'], { encoding: 'utf8' });
  const { startMb, endMb, maxMb, tokens } = JSON.parse(out.trim().split('\n').pop());
  assert.equal(tokens, 200000);
  assert.ok(maxMb - startMb < 8, `RSS grew from ${startMb} to ${maxMb} MB (end ${endMb})`);
});

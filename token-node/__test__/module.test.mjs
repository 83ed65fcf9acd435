// Loading: CommonJS and ESM, the package name, worker threads, and `npm pack` + install.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { test } from 'node:test';

import * as esm from '../index.mjs';
import esmDefault from '../index.mjs';
import { APP_CERT, APP_ID, CHANNEL, KNOWN_TOKEN, UID } from './common.mjs';

const require = createRequire(import.meta.url);
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const NAMES = [
  'SimpleTokenBuilder',
  'RtcTokenBuilder',
  'RtmTokenBuilder',
  'Role',
  'Privileges',
  'RtcRole',
  'RtmRole',
  'ErrorCode',
  'errorName',
  'parse',
  'verify',
  'verifyRtm',
  'version',
];

test('CommonJS and ESM give the same objects', async () => {
  const cjs = require('../index.js');
  assert.deepEqual(Object.keys(cjs).sort(), [...NAMES].sort());
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), [...NAMES].sort());
  for (const name of NAMES) assert.equal(esm[name], cjs[name], name);
  assert.equal(esmDefault, cjs);
  // The package name resolves through "exports" for both conditions.
  assert.equal(require('agoratoken'), cjs);
  assert.equal((await import('agoratoken')).SimpleTokenBuilder, cjs.SimpleTokenBuilder);
});

test('a missing addon says what to run instead of "Cannot find module" (issue 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agoratoken-noaddon-'));
  try {
    for (const f of ['index.js', 'native.js', 'v2.js', 'package.json']) copyFileSync(join(pkgDir, f), join(dir, f));
    for (const entry of ['index.js', 'v2.js']) {
      const out = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dir, entry))})`], { encoding: 'utf8' });
      assert.notEqual(out.status, 0);
      assert.match(out.stderr, /agoratoken: the native addon .*agoratoken\.node is missing/);
      assert.match(out.stderr, /make node-addon/);
      assert.match(out.stderr, /code: 'ERR_AGORATOKEN_ADDON'/);
    }
    // An addon that cannot be loaded (here: not a shared object) says so too.
    writeFileSync(join(dir, 'agoratoken.node'), 'not an ELF file');
    const out = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dir, 'index.js'))})`], { encoding: 'utf8' });
    assert.match(out.stderr, /cannot be loaded .*built for another platform/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without agoratoken.node beside it, the addon comes from the platform package (napi-rs layout, make dist)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agoratoken-platform-'));
  try {
    const pkg = join(dir, 'node_modules', 'agoratoken');
    const plat = join(dir, 'node_modules', `agoratoken-${process.platform}-${process.arch}-gnu`);
    mkdirSync(pkg, { recursive: true });
    mkdirSync(plat, { recursive: true });
    for (const f of ['index.js', 'native.js', 'v2.js', 'package.json']) copyFileSync(join(pkgDir, f), join(pkg, f));
    copyFileSync(join(pkgDir, 'agoratoken.node'), join(plat, 'agoratoken.linux-x64-gnu.node'));
    writeFileSync(join(plat, 'package.json'), JSON.stringify({ name: 'p', version: '0.0.0', main: 'agoratoken.linux-x64-gnu.node' }));
    const code = `const t = require(${JSON.stringify(pkg)}); process.stdout.write(t.version())`;
    const out = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', cwd: dir });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, require('../index.js').version());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the raw addon callbacks survive wrong arguments (internal error, no crash)', () => {
  // index.js checks types before calling these; called directly they must
  // still fail cleanly rather than read garbage.
  const addon = require('../agoratoken.node');
  for (const name of ['rtcBuildTokenWithUid', 'rtcBuildTokenWithAccount', 'rtmBuildToken']) {
    for (const args of [[], [1, 2, 3, 4, 5, 6], [APP_ID, APP_CERT, 'c', {}, 1, 1], [APP_ID, APP_CERT, 'c', 'a', 'x', 1]]) {
      assert.throws(() => addon[name](...args), (e) => e instanceof Error && e.code === 'internal', name);
    }
  }
  assert.equal(addon.rtcBuildTokenWithUid(APP_ID, APP_CERT, CHANNEL, UID, 1, 0).slice(0, 35), `006${APP_ID}`);
  assert.throws(() => addon.rtcBuildTokenWithUid(APP_ID, APP_CERT, '', UID, 1, 0), (e) => e.code === 'channel_name');
});

test('builders are freed by the garbage collector', () => {
  // 300k builders kept alive grow the process by ~250 MB (measured);
  // with their finalizers running, memory stays flat after a full GC.
  const script = `
    const { SimpleTokenBuilder } = require(${JSON.stringify(require.resolve('../index.js'))});
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    async function round() {
      for (let i = 0; i < 100000; i++) {
        const b = new SimpleTokenBuilder('${APP_ID}', '${APP_CERT}', 'channel-' + (i % 100), 'user-' + i);
        b.setPrivilege(1, i);
        if (i % 10000 === 0) await tick(); // napi runs finalizers from the event loop
      }
      for (let k = 0; k < 3; k++) { global.gc(); await tick(); }
    }
    (async () => {
      await round();
      const before = process.memoryUsage().rss;
      for (let r = 0; r < 3; r++) await round();
      console.log(Math.round((process.memoryUsage().rss - before) / 1e6));
    })();
  `;
  const grownMb = Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }).trim());
  assert.ok(grownMb < 100, `memory grew by ${grownMb} MB`);
});

test('worker threads load the addon and build the same tokens', async () => {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { SimpleTokenBuilder, RtcTokenBuilder, parse, Privileges } = require(workerData.index);
    const b = new SimpleTokenBuilder(workerData.appId, workerData.cert, workerData.channel, workerData.uid);
    b.salt = 1; b.ts = 1111111; b.setPrivilege(Privileges.kJoinChannel, 1446455471);
    const salts = [];
    for (let i = 0; i < 50; i++) {
      salts.push(parse(RtcTokenBuilder.buildTokenWithUid(workerData.appId, workerData.cert, 'r', i, 1, 0)).salt);
    }
    let err;
    try { new SimpleTokenBuilder(workerData.appId, workerData.cert, '', 1); } catch (e) { err = e.code; }
    parentPort.postMessage({ token: b.buildToken(), salts, err });
  `;
  const workerData = { index: require.resolve('../index.js'), appId: APP_ID, cert: APP_CERT, channel: CHANNEL, uid: UID };
  const run = () =>
    new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData });
      w.once('message', resolve);
      w.once('error', reject);
    });
  const results = await Promise.all(Array.from({ length: 4 }, run));
  const allSalts = new Set();
  for (const r of results) {
    assert.equal(r.token, KNOWN_TOKEN);
    assert.equal(r.err, 'channel_name');
    r.salts.forEach((s) => allSalts.add(s));
  }
  assert.equal(allSalts.size, 200, 'each worker draws its own salts');
});

test('npm pack, then npm install of the tarball in a fresh project (CJS and ESM)', { timeout: 120000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'agoratoken-pack-'));
  try {
    const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
    const out = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], pkgDir));
    const files = out[0].files.map((f) => f.path).sort();
    // Each of npm's modules: CommonJS, its ESM view (named exports) and typings.
    const compat = (pkg, mods) =>
      ['index', ...mods.map((m) => `src/${m}`)].flatMap((m) => ['.d.ts', '.js', '.mjs'].map((ext) => `compat/${pkg}/${m}${ext}`));
    assert.deepEqual(files, [
      'README.md', 'agora.js', 'agoratoken.node',
      ...compat('agora-access-token', ['AccessToken', 'RtcTokenBuilder', 'RtmTokenBuilder']),
      ...compat('agora-token', [
        'AccessToken', 'AccessToken2', 'ApaasTokenBuilder', 'ChatTokenBuilder', 'ConvoAITokenBuilder', 'EducationTokenBuilder',
        'FpaTokenBuilder', 'RtcTokenBuilder', 'RtcTokenBuilder2', 'RtmTokenBuilder', 'RtmTokenBuilder2', 'SttTokenBuilder',
      ]),
      'index.d.ts', 'index.js', 'index.mjs', 'native.js', 'package.json', 'v2.d.ts', 'v2.js', 'v2.mjs',
    ]);
    const app = join(dir, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true}');
    npm(['install', '--offline', join(dir, out[0].filename)], app);
    const cjs = execFileSync(
      process.execPath,
      ['-e', `const a = require('agoratoken'); const b = new a.SimpleTokenBuilder('${APP_ID}', '${APP_CERT}', 'r', 1); console.log(a.verify(b.buildToken(), '${APP_CERT}', 'r', 1))`],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(cjs.trim(), 'ok');
    const mjs = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `import { RtcTokenBuilder, parse } from 'agoratoken'; console.log(parse(RtcTokenBuilder.buildTokenWithUid('${APP_ID}', '${APP_CERT}', 'r', 1, 1, 0)).appId)`],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(mjs.trim(), APP_ID);
    // The 007 builders under their own entry point, CJS and ESM.
    const v2cjs = execFileSync(
      process.execPath,
      ['-e', `const { RtcTokenBuilder, RtcRole, parse } = require('agoratoken/v2'); console.log(parse(RtcTokenBuilder.buildTokenWithUid('${APP_ID}', '${APP_CERT}', 'r', 1, RtcRole.PUBLISHER, 600)).expire)`],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(v2cjs.trim(), '600');
    const v2mjs = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `import { ChatTokenBuilder, verify } from 'agoratoken/v2'; console.log(verify(ChatTokenBuilder.buildUserToken('${APP_ID}', '${APP_CERT}', 'alice', 600), '${APP_CERT}'))`],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(v2mjs.trim(), 'ok');
    // npm's module names, for code that changes only its require lines.
    const npmNames = execFileSync(
      process.execPath,
      ['-e', `const { RtcTokenBuilder, RtcRole } = require('agoratoken/agora-access-token'); const { AccessToken } = require('agoratoken/agora-token/src/AccessToken'); const t = new AccessToken('', '', '', 0); console.log(t.fromString(RtcTokenBuilder.buildTokenWithUid('${APP_ID}', '${APP_CERT}', 'r', 1, RtcRole.PUBLISHER, 7)), t.messages[1])`],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(npmNames.trim(), 'true 7');
    const npmNamesEsm = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `import { RtcTokenBuilder, RtcRole } from 'agoratoken/agora-token'; import { AccessToken2 } from 'agoratoken/agora-token/src/AccessToken2'; const t = new AccessToken2(); console.log(t.from_string(RtcTokenBuilder.buildTokenWithUid('${APP_ID}', '${APP_CERT}', 'r', 1, RtcRole.PUBLISHER, 600)), t.expire)`],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(npmNamesEsm.trim(), 'true 600');
    // Their typings, as a TypeScript project that installed the tarball sees them ("types"
    // conditions in "exports"): ESM named imports, CommonJS import = require, src/ subpaths.
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: ['node'], typeRoots: [join(pkgDir, 'node_modules/@types')] },
      files: ['esm.mts', 'cjs.cts'],
    }));
    writeFileSync(join(app, 'esm.mts'), [
      "import { RtcTokenBuilder, RtcRole } from 'agoratoken/agora-token';",
      "import { AccessToken2, kRtcServiceType } from 'agoratoken/agora-token/src/AccessToken2';",
      "const t: string = RtcTokenBuilder.buildTokenWithUid('a', 'b', 'c', '42', RtcRole.PUBLISHER, 600);",
      'const uid: string = new AccessToken2().getServices(kRtcServiceType)[0].__uid;',
      "const fromText: string = RtcTokenBuilder.buildTokenWithUid('a', 'b', 'c', 42, '1', '600', '600');",
      '// @ts-expect-error: 007 expiries are numbers or their decimal text',
      "RtcTokenBuilder.buildTokenWithUid('a', 'b', 'c', 42, 1, new Date());",
      'void [t, uid, fromText];',
    ].join('\n'));
    writeFileSync(join(app, 'cjs.cts'), [
      "import agora = require('agoratoken/agora-access-token');",
      "import rtm = require('agoratoken/agora-access-token/src/RtmTokenBuilder');",
      "const t: string = agora.RtcTokenBuilder.buildTokenWithAccount('a', 'b', 'c', 'alice', agora.RtcRole.PUBLISHER, 0);",
      "const u: string = rtm.RtmTokenBuilder.buildToken('a', 'b', 'alice', rtm.Role.Rtm_User, 0);",
      '// @ts-expect-error: an account is a string',
      "agora.RtcTokenBuilder.buildTokenWithAccount('a', 'b', 'c', 42, 1, 0);",
      'void [t, u];',
    ].join('\n'));
    execFileSync(process.execPath, [join(pkgDir, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    // A project on the older "moduleResolution": "node" ignores "exports": "typesVersions" maps the same paths.
    writeFileSync(join(app, 'tsconfig.node10.json'), JSON.stringify({
      compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true, noEmit: true, types: ['node'], typeRoots: [join(pkgDir, 'node_modules/@types')] },
      files: ['legacy.ts'],
    }));
    writeFileSync(join(app, 'legacy.ts'), [
      "import { RtcTokenBuilder, RtcRole } from 'agoratoken/agora-access-token';",
      "import { AccessToken } from 'agoratoken/agora-access-token/src/AccessToken';",
      "import { ChatTokenBuilder } from 'agoratoken/agora-token';",
      "import { AccessToken2 } from 'agoratoken/agora-token/src/AccessToken2';",
      "import { SimpleTokenBuilder } from 'agoratoken';",
      "import { parse } from 'agoratoken/v2';",
      "const t: string = RtcTokenBuilder.buildTokenWithUid('a', 'b', 'c', '42', RtcRole.PUBLISHER, 0);",
      "const key: string = new AccessToken('a', 'b', 'c', 0).uid;",
      '// @ts-expect-error: the Chat user id is a string',
      "ChatTokenBuilder.buildUserToken('a', 'b', 42, 600);",
      'void [t, key, AccessToken2, SimpleTokenBuilder, parse];',
    ].join('\n'));
    execFileSync(process.execPath, [join(pkgDir, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.node10.json')], { cwd: app, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

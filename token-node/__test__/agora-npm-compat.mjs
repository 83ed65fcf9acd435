// make compat-node: Agora's own test files, as npm ships them in the
// tarballs of agora-token (007 and 006) and agora-access-token (006), run
// against agoratoken with only their require lines redirected.
// make compat-reference-node (--reference): the same for the test files of a
// fetched AgoraIO/Tools copy (DynamicKey/AgoraDynamicKey/nodejs/test, newer
// than npm's), found under AGORA_TOOLS_DIR.
//
// Nothing of the vendor's is kept in this repository: the two packages are
// devDependencies, installed by `npm ci` (make deps-node) from the lockfile
// into token-node/node_modules with their test/ folders, and the GitHub copy
// lives wherever AGORA_TOOLS_DIR points (outside the repository); at each run
// the test files are copied into a temporary folder outside the repository,
// rewritten there ('../src/X' -> 'agoratoken/<package>/src/X', '../index' ->
// 'agoratoken/<package>') and run by the small nodeunit stand-in below (the
// files are nodeunit modules: `exports.name = function (test) {...}`).
// Tests of the references' private packing helpers (ByteBuf) and of other
// formats (DynamicKey5, SignalingToken) are out of scope and reported as
// skipped; the few that fail for a documented difference are listed below.
// The last line is `compat[node]: N passed, M failed, D known differences,
// K skipped` (`compat[node, reference]` with --reference); the exit status is
// non-zero when M > 0 or N = 0. --reference without AGORA_TOOLS_DIR prints
// "skipped: AGORA_TOOLS_DIR not set" and exits 0.
//
// Usage: node agora-npm-compat.mjs [--reference | --baseline] [workdir]
//   --reference: the GitHub copy's test files (AGORA_TOOLS_DIR) against agoratoken/agora-token
//   --baseline: npm's test files against the installed npm package itself
//   (what its own tests do against its own code)
//   workdir: where to write the rewritten files (default: a fresh temp dir, removed after)

import assert from 'node:assert';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const PACKAGES = ['agora-access-token', 'agora-token'];
// Files and tests outside the scope of the migration (see token-node/README.md).
const SKIP_FILES = new Map([['DynamicKeyTest.js', 'DynamicKey5, another format']]);
const SKIP_TESTS = new Map([
  ['AccessToken2Test.js:AccessToken_Test_bufferHelpers', "npm's private ByteBuf (loads ../src/AccessToken2.js as source)"],
  ['AccessTokenTest.js:AccessToken_BufferHelpers_Test', "npm's private ByteBuf (loads ../src/AccessToken.js as source)"],
  ['AccessTokenTest.js:SignalingToken_Test', 'SignalingToken, another format'],
]);
// Tests that fail against agoratoken for a reason listed in token-node/README.md
// ("Differences from Agora's builders"). Reported as `diff`; one that starts
// passing fails the run, so that this list and the README stay true.
// None today: every in-scope test passes (the unknown service types and the
// RTM2 wildcard user id 0 were differences until token-core took them, #15).
const KNOWN_DIFFERENCES = new Map(process.argv.includes('--baseline') ? [] : [
  // ['AccessToken2Test.js:<test>', '<the reason, as in token-node/README.md>'],
]);

const NODE_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const mode = args[0] === '--reference' || args[0] === '--baseline' ? args.shift().slice(2) : 'npm';
const baseline = mode === 'baseline';
const label = mode === 'npm' ? 'node' : `node, ${mode}`;
const keep = args[0];

// The GitHub copy: AgoraIO/Tools as fetched, or its DynamicKey/AgoraDynamicKey/nodejs folder.
let referenceDir = null;
if (mode === 'reference') {
  const tools = process.env.AGORA_TOOLS_DIR;
  if (!tools) {
    console.log(`compat[${label}]: skipped: AGORA_TOOLS_DIR not set`);
    process.exit(0);
  }
  referenceDir = [path.join(tools, 'DynamicKey', 'AgoraDynamicKey', 'nodejs'), path.join(tools, 'nodejs'), tools]
    .map((d) => path.resolve(d))
    .find((d) => fs.existsSync(path.join(d, 'test', 'AccessToken2Test.js')));
  if (referenceDir === undefined) {
    console.error(`compat[${label}]: no DynamicKey/AgoraDynamicKey/nodejs/test/AccessToken2Test.js under AGORA_TOOLS_DIR=${tools}`);
    process.exit(2);
  }
}
const work = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'agoratoken-compat-'));
if (work.startsWith(path.dirname(NODE_DIR) + path.sep)) {
  console.error(`compat[node]: ${work} is inside the repository; the vendor's files stay outside it`);
  process.exit(2);
}

// Modules of other formats: their require lines go to a stub that throws when
// used (their tests are skipped), or to the package's own code in --baseline.
const OTHER_FORMATS = new Set(['DynamicKey5', 'SignalingToken']);
const STUB = `'use strict';
// Written by agora-npm-compat.mjs: a module of another format (DynamicKey5,
// SignalingToken), out of scope; its tests are reported as skipped.
module.exports = new Proxy({}, { get(_, name) {
  if (typeof name === 'symbol' || name === 'then' || name === '__esModule') return undefined;
  throw new Error('out of scope: another format (' + String(name) + ')');
} });
`;

/** Redirects the require lines, and only those (`to`: 'agoratoken/<pkg>', or the package's own folder; `other`: where other formats' modules are). */
function redirect(source, to, other) {
  return source
    .replace(/require\((['"])\.\.\/src\/(\w+)(?:\.js)?\1\)/g, (_, q, mod) => `require(${q}${OTHER_FORMATS.has(mod) ? other : to}/src/${mod}${q})`)
    .replace(/require\((['"])\.\.\/index(?:\.js)?\1\)/g, (_, q) => `require(${q}${to}${q})`);
}

/** The decompressed content of a 007 token string, or null. */
function content007(s) {
  if (typeof s !== 'string' || !s.startsWith('007')) return null;
  try {
    return zlib.inflateSync(Buffer.from(s.slice(3), 'base64'));
  } catch {
    return null;
  }
}

/**
 * A 007 token string depends on the zlib that compressed it (FORMAT007.md §7):
 * npm's tests pin the bytes of Node's bundled zlib, token-core writes stock
 * zlib's. Two 007 tokens whose decompressed contents are identical are the
 * same token to Agora; such a comparison passes and is counted.
 */
function sameToken(a, b, t) {
  if (a === b) return true;
  const [x, y] = [content007(a), content007(b)];
  if (x === null || y === null || !x.equals(y)) return false;
  t.otherCompressor++;
  return true;
}

/** nodeunit's `test` object, as much of it as the files use. */
function nodeunitTest() {
  const t = { finished: false, otherCompressor: 0 };
  Object.assign(t, {
    equal: (a, b, m) => sameToken(a, b, t) || assert.equal(a, b, m),
    notEqual: (a, b, m) => assert.notEqual(a, b, m),
    strictEqual: (a, b, m) => sameToken(a, b, t) || assert.strictEqual(a, b, m),
    notStrictEqual: (a, b, m) => assert.notStrictEqual(a, b, m),
    deepEqual: (a, b, m) => assert.deepEqual(a, b, m),
    ok: (v, m) => assert.ok(v, m),
    throws: (f, e, m) => assert.throws(f, e, m),
    doesNotThrow: (f, m) => assert.doesNotThrow(f, m),
    expect: () => {},
    done: () => {
      t.finished = true;
    },
  });
  return t;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let differences = 0;
let unexpectedPasses = 0;
try {
  fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  const stubDir = path.join(work, 'other-formats');
  fs.mkdirSync(path.join(stubDir, 'src'), { recursive: true });
  for (const mod of OTHER_FORMATS) fs.writeFileSync(path.join(stubDir, 'src', `${mod}.js`), STUB);
  const link = path.join(work, 'node_modules', 'agoratoken');
  fs.rmSync(link, { force: true, recursive: true });
  fs.symlinkSync(NODE_DIR, link, 'dir');

  const installed = createRequire(path.join(NODE_DIR, 'package.json'));
  // Each suite: a package name, its folder (test/ beside src/), where its tests came from.
  const suites = referenceDir
    ? [{ name: 'agora-token', dir: referenceDir, from: `${referenceDir}/test, AgoraIO/Tools on GitHub` }]
    : PACKAGES.map((name) => {
      const dir = path.dirname(installed.resolve(`${name}/package.json`));
      return { name, dir, from: 'its test/ from token-node/node_modules' };
    });
  for (const { name, dir, from } of suites) {
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const testDir = path.join(dir, 'test');
    const runDir = path.join(work, `${name}-${version}${referenceDir ? '-github' : ''}`);
    fs.mkdirSync(runDir, { recursive: true });
    const req = createRequire(path.join(runDir, 'x.js'));
    const to = baseline ? dir : `agoratoken/${name}`;
    console.log(`# ${name}@${version} (${from}), require lines redirected to ${to}`);
    for (const file of fs.readdirSync(testDir).filter((f) => f.endsWith('.js')).sort()) {
      if (SKIP_FILES.has(file)) {
        skipped++;
        console.log(`skip ${name}/${file}: ${SKIP_FILES.get(file)}`);
        continue;
      }
      const target = path.join(runDir, file);
      fs.writeFileSync(target, redirect(fs.readFileSync(path.join(testDir, file), 'utf8'), to, baseline ? dir : stubDir));
      let tests;
      try {
        tests = req(target);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}/${file}: does not load: ${String(e.message).split('\n')[0]}`);
        continue;
      }
      for (const [testName, fn] of Object.entries(tests)) {
        if (typeof fn !== 'function') continue;
        const id = `${file}:${testName}`;
        if (SKIP_TESTS.has(id)) {
          skipped++;
          console.log(`skip ${name}/${id}: ${SKIP_TESTS.get(id)}`);
          continue;
        }
        const t = nodeunitTest();
        try {
          fn(t);
          if (!t.finished) throw new Error('test.done() was not called');
          if (KNOWN_DIFFERENCES.has(id)) {
            unexpectedPasses++;
            console.log(`FAIL ${name}/${id}: passes, but is listed as a known difference; update the list and the README`);
            continue;
          }
          passed++;
          const note = t.otherCompressor ? ` (${t.otherCompressor} token string(s) from another zlib, same content)` : '';
          console.log(`ok   ${name}/${id}${note}`);
        } catch (e) {
          const message = String(e.message).split('\n').slice(0, 3).join(' | ');
          if (KNOWN_DIFFERENCES.has(id)) {
            differences++;
            console.log(`diff ${name}/${id}: ${KNOWN_DIFFERENCES.get(id)} (${message})`);
            continue;
          }
          failed++;
          console.log(`FAIL ${name}/${id}: ${message}`);
        }
      }
    }
  }
} finally {
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
}
failed += unexpectedPasses;
console.log(`compat[${label}]: ${passed} passed, ${failed} failed, ${differences} known differences, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

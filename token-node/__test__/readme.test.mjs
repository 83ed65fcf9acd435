// Every ```js block of the README runs as it is (issue 17: snippets must not rot),
// from the package directory, so `require('agoratoken')` and
// `require('agoratoken/v2')` resolve to this package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README has its js blocks (007 RTC, RTM and Chat tokens, reading back, renewal)', () => {
  assert.ok(blocks.length >= 5, `${blocks.length} blocks`);
  const all = blocks.join('\n');
  for (const name of ['RtcTokenBuilder.buildTokenWithUid', 'RtmTokenBuilder.buildToken', 'ChatTokenBuilder.buildUserToken', 'parse(', 'initTokenBuilder']) {
    assert.ok(all.includes(name), name);
  }
  assert.ok((all.match(/^console\.log\(.*\/\/ '[^']*'$/gm) ?? []).length >= 5, 'the blocks state what they print');
});

blocks.forEach((code, i) => {
  const first = code.split('\n').find((l) => l.trim() !== '');
  test(`README block ${i + 1}: ${first}`, () => {
    const out = execFileSync(process.execPath, ['-e', code], { cwd: pkgDir, encoding: 'utf8' });
    // Each `console.log(...)  // 'x'` comment states what the line prints.
    const promised = code.split('\n').filter((l) => /^console\.log\(.*\/\/ '[^']*'$/.test(l)).map((l) => l.match(/\/\/ '([^']*)'$/)[1]);
    const printed = out.trim().split('\n');
    for (const value of promised) assert.ok(printed.includes(value), `prints ${value}: ${out}`);
    assert.ok(!out.includes('5CFd2fd1755d40ecb72977518be15d3b'), 'a block printed the certificate');
  });
});

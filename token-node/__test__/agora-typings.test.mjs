// The typings of npm's module names (compat/**/*.d.ts) against the modules themselves:
// TypeScript's own checker reads what each .d.ts declares, resolved through package.json
// "exports" as a consumer's `tsc` does, and the runtime objects must match it: the same
// value exports, every declared member present with its declared constant, and every
// runtime method declared. (`tsc --noEmit` over typings-agora-*.{mts,cts} checks the use.)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const MODULES = {
  'agora-access-token': ['', 'src/AccessToken', 'src/RtcTokenBuilder', 'src/RtmTokenBuilder'],
  'agora-token': [
    '', 'src/AccessToken', 'src/AccessToken2', 'src/RtcTokenBuilder', 'src/RtmTokenBuilder', 'src/RtcTokenBuilder2', 'src/RtmTokenBuilder2',
    'src/ApaasTokenBuilder', 'src/ChatTokenBuilder', 'src/ConvoAITokenBuilder', 'src/EducationTokenBuilder', 'src/FpaTokenBuilder', 'src/SttTokenBuilder',
  ],
};
const IDS = Object.entries(MODULES).flatMap(([pkg, mods]) => mods.map((m) => (m === '' ? `agoratoken/${pkg}` : `agoratoken/${pkg}/${m}`)));
// Runtime helpers the typings leave out on purpose (v2.d.ts does too): how from_string makes a service.
const UNDECLARED = new Set(['fromParsed']);

/** One program over a probe file (beside this one, so the package's own name resolves) importing every module. */
function checker() {
  const probe = fileURLToPath(new URL('./compat-typings-probe.cts', import.meta.url));
  const text = IDS.map((id, i) => `import * as m${i} from '${id}';\n`).join('');
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, types: ['node'] };
  const host = ts.createCompilerHost(options);
  host.getCurrentDirectory = () => fileURLToPath(new URL('..', import.meta.url)); // @types/node from token-node, wherever node runs
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, ...rest) => (name === probe ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022) : getSourceFile.call(host, name, ...rest));
  host.fileExists = (name) => name === probe || fileExists.call(host, name);
  host.readFile = (name) => (name === probe ? text : readFile.call(host, name));
  const program = ts.createProgram([probe], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(diagnostics, [], 'the typings compile');
  const source = program.getSourceFile(probe);
  const tc = program.getTypeChecker();
  const modules = source.statements.map((s) => tc.getSymbolAtLocation(s.moduleSpecifier));
  return { tc, modules, source };
}

/** Every name on `value` and its prototypes, up to (not including) `stop`. */
function names(value, stop) {
  const out = new Set();
  for (let o = value; o !== null && o !== stop; o = Object.getPrototypeOf(o)) for (const k of Object.getOwnPropertyNames(o)) out.add(k);
  return out;
}

test('each module declares exactly its runtime exports, their members and constants', () => {
  const { tc, modules, source } = checker();
  IDS.forEach((id, i) => {
    const runtime = require(id);
    const declared = tc.getExportsOfModule(modules[i]).filter((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? tc.getAliasedSymbol(s) : s;
      return target.flags & ts.SymbolFlags.Value;
    });
    assert.deepEqual(declared.map((s) => s.name).sort(), Object.keys(runtime).sort(), `${id}: value exports`);

    for (const symbol of declared) {
      const value = runtime[symbol.name];
      const at = `${id}: ${symbol.name}`;
      const type = tc.getTypeOfSymbolAtLocation(symbol, source);
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        assert.ok(type.isLiteral() && type.value === value, `${at}: declared ${tc.typeToString(type)}, is ${JSON.stringify(value)}`);
        continue;
      }
      // Every declared member exists, and a literal type is the runtime value.
      for (const p of tc.getPropertiesOfType(type)) {
        if (p.name === 'prototype') continue;
        assert.ok(p.name in Object(value), `${at}.${p.name} is declared but missing`);
        const t = tc.getTypeOfSymbolAtLocation(p, source);
        if (t.isLiteral()) assert.equal(value[p.name], t.value, `${at}.${p.name}`);
      }
      if (typeof value !== 'function') continue;
      // Every runtime static and instance method is declared.
      const statics = new Set(tc.getPropertiesOfType(type).map((p) => p.name));
      for (const k of names(value, Function.prototype)) {
        if (['length', 'name', 'prototype'].includes(k) || UNDECLARED.has(k)) continue;
        assert.ok(statics.has(k), `${at}.${k} exists but is not declared`);
      }
      const construct = type.getConstructSignatures()[0];
      if (construct === undefined) continue;
      const members = new Set(tc.getPropertiesOfType(construct.getReturnType()).map((p) => p.name));
      for (const k of names(value.prototype, Object.prototype)) {
        if (k === 'constructor') continue;
        assert.ok(members.has(k), `${at}#${k} exists but is not declared`);
      }
    }
  });
});

test('each module has its typings beside it, named in package.json "exports"', () => {
  const pkg = require('../package.json');
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (!key.startsWith('./agora-')) continue;
    assert.deepEqual(Object.keys(target), ['types', 'import', 'require'], `${key}: "types" first, as TypeScript reads the conditions in order`);
    assert.equal(target.types, target.require.replace(/\.js$/, '.d.ts'), key);
    assert.equal(target.import, target.require.replace(/\.js$/, '.mjs'), key);
    // "moduleResolution": "node" (no "exports"): the same files through "typesVersions".
    const [pattern, [mapped]] = [key.slice(2), pkg.typesVersions['*'][key.slice(2)]];
    assert.equal(`./${mapped}`, pattern.endsWith('/*') ? target.types.replace(/\.d\.ts$/, '') : target.types, key);
  }
});

'use strict';
// The native addon and the argument-type checks shared by index.js (006) and
// v2.js (007). Values (ranges, names, roles) are checked by token-core in
// the addon; here only JavaScript types are, and a wrong type throws a
// TypeError naming the argument and the type received, never the value.

const path = require('node:path');

const ADDON = path.join(__dirname, 'agoratoken.node');
// The published package carries no addon: npm installs the one for this
// platform as an optional dependency (napi-rs' layout; `make dist` writes both).
const PLATFORM_PACKAGE = `agoratoken-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;

function notFound(e, file) {
  return e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(file);
}

/** Loads the addon (beside this file, else the platform package), or says what to run. */
function load() {
  try {
    return require(ADDON);
  } catch (e) {
    let err0 = e;
    if (notFound(e, 'agoratoken.node')) {
      try {
        return require(PLATFORM_PACKAGE);
      } catch (e2) {
        if (!notFound(e2, PLATFORM_PACKAGE)) err0 = e2;
      }
    }
    const missing = err0 === e && notFound(e, 'agoratoken.node');
    if (!missing && !(err0 && err0.code === 'ERR_DLOPEN_FAILED')) throw err0;
    const what = missing
      ? `is missing, and so is the package ${PLATFORM_PACKAGE} that holds it in a published install ` +
        '(npm installs it as an optional dependency: not with --omit=optional, and only on linux x64 glibc)'
      : `cannot be loaded (${err0.message.split('\n')[0]}): it was built for another platform or Node.js`;
    const err = new Error(
      `agoratoken: the native addon ${ADDON} ${what}. Build it with \`make node-addon\` in the ` +
        'agoratoken repository (needs Rust and Node.js 20+), or run `npm ci && npm run build` in its ' +
        'token-node/ directory, then install the package again.',
      { cause: err0 },
    );
    err.code = 'ERR_AGORATOKEN_ADDON';
    throw err;
  }
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  if (t === 'object' || t === 'function') {
    const ctor = value.constructor && value.constructor.name;
    return ctor ? `an instance of ${ctor}` : `an ${t}`;
  }
  return `type ${t}`;
}

function wrongType(name, expected, value) {
  const missing = value === null || value === undefined;
  const err = new TypeError(`${name}: expected ${expected}, got ${missing ? String(value) : typeName(value)}`);
  err.code = missing ? 'null_argument' : 'ERR_INVALID_ARG_TYPE';
  return err;
}

function str(value, name) {
  if (typeof value !== 'string') throw wrongType(name, 'a string', value);
  return value;
}

/** A string that is well-formed Unicode (no lone surrogate), for fields without a character rule. */
function text(value, name) {
  if (!str(value, name).isWellFormed()) {
    const err = new TypeError(`${name}: the string holds a lone surrogate (U+D800..U+DFFF alone), which is not Unicode`);
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
  return value;
}

// Numbers go to the native side as doubles; it rejects fractions and values
// out of range with the right category. BigInts are accepted as integers.
function num(value, name) {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw wrongType(name, 'a number', value);
}

/** `undefined` for null/undefined (what the addon reads as absent), else `check(value, name)`. */
function optional(check, value, name) {
  return value === null || value === undefined ? undefined : check(value, name);
}

/** A frozen `{ name: value }` object from the addon's `[{ name, value }]` rows. */
function fromTable(rows, rename = (name) => name) {
  const out = {};
  for (const { name, value } of rows) out[rename(name)] = value;
  return Object.freeze(out);
}

module.exports = { native: load(), wrongType, str, text, num, optional, fromTable };

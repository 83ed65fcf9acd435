// Shared fixtures of the node:test suites.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';

export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const APP_CERT = '5CFd2fd1755d40ecb72977518be15d3b';
export const OTHER_APP_ID = '10C4108E0DA044A5CDF8D68D072E4C41';
export const OTHER_CERT = '4DCFEB4DCCAD8F87DA383A909DF0B2B5';
// The first build006 vector: uid 2882341273, salt 1, ts 1111111, kJoinChannel until 1446455471.
export const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
export const UID = 2882341273;
export const KNOWN_TOKEN =
  '006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW';

export const now = () => Math.floor(Date.now() / 1000);

/** Every text an error shows: message, stack, inspect, JSON. */
export function errorText(e) {
  return [String(e), e.message, e.stack, inspect(e), JSON.stringify(e)].join('\n');
}

/** `fn` must throw an agoratoken Error (not a TypeError) of this category, without `secret` in it. */
export function throwsCode(fn, code, secret = APP_CERT) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected an error with code ${code}, nothing was thrown`);
  assert.ok(caught instanceof Error, `expected an Error, got ${inspect(caught)}`);
  assert.ok(!(caught instanceof TypeError), `expected a value error, got TypeError: ${caught.message}`);
  assert.equal(caught.code, code, caught.message);
  assert.ok(caught.message.startsWith(`${code}:`), `message should name the field: ${caught.message}`);
  assert.ok(!errorText(caught).includes(secret), 'the error shows the certificate');
  return caught;
}

/** `fn` must throw a TypeError (code null_argument for null/undefined), without `secret` in it. */
export function throwsType(fn, secret = APP_CERT) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof TypeError, `expected a TypeError, got ${inspect(caught)}`);
  assert.ok(['null_argument', 'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE'].includes(caught.code), `code ${caught.code}`);
  assert.ok(!errorText(caught).includes(secret), 'the TypeError shows the certificate');
  return caught;
}

/** Values of every JS type but the given ones. */
export function otherTypes(...keep) {
  const all = {
    string: 'x',
    number: 1,
    bigint: 1n,
    boolean: true,
    undefined: undefined,
    null: null,
    object: {},
    array: [1],
    function: () => 1,
    symbol: Symbol('s'),
    buffer: Buffer.from(APP_CERT),
    stringObject: new String(APP_CERT), // eslint-disable-line no-new-wrappers
  };
  return Object.entries(all)
    .filter(([k]) => !keep.includes(k))
    .map(([, v]) => v);
}

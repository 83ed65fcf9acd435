'use strict';
// agoratoken: Agora AccessToken 006 for Node.js. The 007 (AccessToken2)
// builders are in v2.js (`require('agoratoken/v2')`).
//
// This file is the public API. It checks argument *types* (a wrong type throws
// a TypeError) and hands everything else to the native addon, which checks
// values with token-core and throws an Error whose `code` is the category
// ("channel_name", "uid", ...). No message ever contains the app certificate:
// TypeErrors name the argument and the type received, never the value.

const { inspect } = require('node:util');
const { native, wrongType, str, num, fromTable } = require('./native.js');

/** Privilege ids under the reference names (`kJoinChannel`: 1, ...). */
const Privileges = fromTable(native.privilegeTable());
/** Roles under the reference names (`kRoleAttendee`: 0, ...). */
const Role = fromTable(native.roleTable());
/** The npm builders' RTC role names (`PUBLISHER`: 1, ...): `kRolePublisher` -> `PUBLISHER`. */
const RtcRole = fromTable(
  native.roleTable().map(({ name, value }) => ({ name: name.replace(/^kRole/, '').toUpperCase(), value })),
);
/** The npm builders' RTM role (`Rtm_User`: 1). */
const RtmRole = fromTable(native.rtmRoleTable());
/** Every error category and its code, as `initTokenBuilder` returns it (`app_id`: -1, ...). */
const ErrorCode = fromTable(native.errorTable());
const errorNames = new Map(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** The category name of an `initTokenBuilder` result: "ok" for 0, "unknown" for a code no category has. */
function errorName(code) {
  if (code === 0) return 'ok';
  return errorNames.get(code) ?? 'unknown';
}

/**
 * The documented builder of 006 tokens for one app, channel and user.
 * `uid` is a number (0..2**32-1; 0 = any user) or a string (a user account).
 */
class SimpleTokenBuilder {
  // The native builder (a napi External). close() frees it at once; otherwise
  // the garbage collector frees it some time after the builder is unreachable.
  #b;
  // What console.log shows (never the certificate); null once closed.
  #shown;

  constructor(appID, appCertificate, channelName, uid) {
    str(appID, 'appID');
    str(appCertificate, 'appCertificate');
    str(channelName, 'channelName');
    this.#shown = { appID, channelName, uid };
    if (typeof uid === 'string') {
      this.#b = native.builderWithUserAccount(appID, appCertificate, channelName, uid);
    } else if (typeof uid === 'number' || typeof uid === 'bigint') {
      this.#b = native.builderWithUid(appID, appCertificate, channelName, Number(uid));
    } else {
      throw wrongType('uid', 'a number (uid) or a string (user account)', uid);
    }
  }

  /** Takes the privileges of a token of the same app, channel and user (salt and ts stay fresh): 0, or a negative code. */
  initTokenBuilder(originToken) {
    return native.builderInitTokenBuilder(this.#b, str(originToken, 'originToken'));
  }

  /** Replaces the privileges with the role's, each never expiring. */
  initPrivileges(role) {
    native.builderInitPrivileges(this.#b, num(role, 'role'));
  }

  /** Grants a privilege until `expireTimestamp` (Unix seconds; 0 = never). */
  setPrivilege(privilege, expireTimestamp) {
    native.builderSetPrivilege(this.#b, num(privilege, 'privilege'), num(expireTimestamp, 'expireTimestamp'));
  }

  /** Removes a privilege (no-op when absent). */
  removePrivilege(privilege) {
    native.builderRemovePrivilege(this.#b, num(privilege, 'privilege'));
  }

  /** The fixed salt, or null: a fresh CSPRNG salt for every token. */
  get salt() {
    return native.builderGetSalt(this.#b);
  }

  set salt(value) {
    native.builderSetSalt(this.#b, value === null || value === undefined ? null : num(value, 'salt'));
  }

  /** The fixed expiry (Unix seconds), or null: 24 hours after each build. */
  get ts() {
    return native.builderGetTs(this.#b);
  }

  set ts(value) {
    native.builderSetTs(this.#b, value === null || value === undefined ? null : num(value, 'ts'));
  }

  /** `[privilegeId, expireTimestamp]` pairs, sorted by id. */
  get privileges() {
    return native.builderPrivileges(this.#b);
  }

  /** Builds the token. */
  buildToken() {
    return native.builderBuildToken(this.#b);
  }

  /**
   * Frees the native builder now (its copy of the certificate is zeroed).
   * Later calls throw an Error with code "null_argument"; closing again is a
   * no-op. Without close(), the memory is freed when the garbage collector
   * collects the builder, which a synchronous loop creating many builders
   * does not give it the chance to do.
   */
  close() {
    native.builderClose(this.#b);
    this.#shown = null;
  }

  /** `using b = new SimpleTokenBuilder(...)` closes the builder at the end of the block. */
  [Symbol.dispose]() {
    this.close();
  }

  /** The builder's fields, the certificate shown as `'***'`. */
  toString() {
    return inspect(this, { breakLength: Infinity });
  }

  [inspect.custom](depth, options) {
    if (this.#shown === null) return 'SimpleTokenBuilder { closed: true }';
    const { appID, channelName, uid } = this.#shown;
    const fields = { appID, appCertificate: '***', channelName, uid, salt: this.salt, ts: this.ts, privileges: this.privileges };
    return `SimpleTokenBuilder ${inspect(fields, options)}`;
  }
}

/** The static RTC helpers, shaped like the npm builders' `RtcTokenBuilder`. */
class RtcTokenBuilder {
  static buildTokenWithUid(appID, appCertificate, channelName, uid, role, privilegeExpiredTs) {
    return native.rtcBuildTokenWithUid(
      str(appID, 'appID'),
      str(appCertificate, 'appCertificate'),
      str(channelName, 'channelName'),
      num(uid, 'uid'),
      num(role, 'role'),
      num(privilegeExpiredTs, 'privilegeExpiredTs'),
    );
  }

  static buildTokenWithAccount(appID, appCertificate, channelName, account, role, privilegeExpiredTs) {
    return native.rtcBuildTokenWithAccount(
      str(appID, 'appID'),
      str(appCertificate, 'appCertificate'),
      str(channelName, 'channelName'),
      str(account, 'account'),
      num(role, 'role'),
      num(privilegeExpiredTs, 'privilegeExpiredTs'),
    );
  }
}

/** The static RTM helper, shaped like the npm builders' `RtmTokenBuilder`. */
class RtmTokenBuilder {
  static buildToken(appID, appCertificate, account, role, privilegeExpiredTs) {
    return native.rtmBuildToken(
      str(appID, 'appID'),
      str(appCertificate, 'appCertificate'),
      str(account, 'account'),
      num(role, 'role'),
      num(privilegeExpiredTs, 'privilegeExpiredTs'),
    );
  }
}

/**
 * Every field of a 006 token; throws (code "version", "app_id", "base64",
 * "truncated", "trailing" or "too_long") if malformed, with the core's
 * diagnosis (quotes, whitespace, URL encoding, a 007 token, ...).
 */
function parse(token) {
  return native.parse(str(token, 'token'));
}

/** `{ now, appId }` of verify's options (null when absent). */
function verifyOptions(options) {
  if (options === undefined || options === null) return { now: null, appId: null };
  if (typeof options !== 'object') throw wrongType('options', 'an object', options);
  const now = options.now === undefined || options.now === null ? null : num(options.now, 'options.now');
  const appId = options.appId === undefined || options.appId === null ? null : str(options.appId, 'options.appId');
  return { now, appId };
}

/**
 * Checks a token against what the verifier expects. Returns "ok" or the first
 * failing check: "app_id_mismatch" (only with options.appId), "channel_mismatch",
 * "uid_mismatch" (a uid-0 token admits any user), "signature_mismatch",
 * "expired", "privilege_expired". `uid` is a number (uid) or a string (user
 * account); options.now is Unix seconds (not milliseconds) and defaults to now.
 */
function verify(token, appCertificate, channelName, uid, options) {
  str(token, 'token');
  str(appCertificate, 'appCertificate');
  str(channelName, 'channelName');
  const { now, appId } = verifyOptions(options);
  if (typeof uid === 'string') return native.verifyAccount(token, appCertificate, channelName, uid, now, appId);
  if (typeof uid === 'number' || typeof uid === 'bigint') {
    return native.verifyUid(token, appCertificate, channelName, Number(uid), now, appId);
  }
  throw wrongType('uid', 'a number (uid) or a string (user account)', uid);
}

/** Checks an RTM token (`RtmTokenBuilder`) for an account: "ok" or the first failing check (kRtmLogin's expiry too). */
function verifyRtm(token, appCertificate, account, options) {
  const { now } = verifyOptions(options);
  return native.verifyRtm(str(token, 'token'), str(appCertificate, 'appCertificate'), str(account, 'account'), now);
}

/** The library version (the workspace version). */
function version() {
  return native.version();
}

module.exports = {
  SimpleTokenBuilder,
  RtcTokenBuilder,
  RtmTokenBuilder,
  Role,
  Privileges,
  RtcRole,
  RtmRole,
  ErrorCode,
  errorName,
  parse,
  verify,
  verifyRtm,
  version,
};

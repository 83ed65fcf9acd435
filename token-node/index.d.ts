// Type definitions of agoratoken (hand-written; checked by `tsc --noEmit` in `make test-node`).
// This entry is AccessToken ("006", the legacy format; times are Unix seconds).
// The AccessToken2 ("007") builders are in `agoratoken/v2` (v2.d.ts).

/** Privilege ids under the reference names. */
export declare const Privileges: Readonly<{
  kJoinChannel: 1;
  kPublishAudioStream: 2;
  kPublishVideoStream: 3;
  kPublishDataStream: 4;
  kPublishAudioCdn: 5;
  kPublishVideoCdn: 6;
  kRequestPublishAudioStream: 7;
  kRequestPublishVideoStream: 8;
  kRequestPublishDataStream: 9;
  kInvitePublishAudioStream: 10;
  kInvitePublishVideoStream: 11;
  kInvitePublishDataStream: 12;
  kAdministrateChannel: 101;
  kRtmLogin: 1000;
}>;
/** A privilege id. */
export type Privilege = (typeof Privileges)[keyof typeof Privileges];

/** Roles under the reference names. */
export declare const Role: Readonly<{
  kRoleAttendee: 0;
  kRolePublisher: 1;
  kRoleSubscriber: 2;
  kRoleAdmin: 101;
}>;
/** A role value. */
export type RoleValue = (typeof Role)[keyof typeof Role];

/** The npm builders' RTC role names. */
export declare const RtcRole: Readonly<{
  ATTENDEE: 0;
  PUBLISHER: 1;
  SUBSCRIBER: 2;
  ADMIN: 101;
}>;

/** The npm builders' RTM role. */
export declare const RtmRole: Readonly<{
  Rtm_User: 1;
}>;

/** Every error category and its code (what `initTokenBuilder` returns on failure). */
export declare const ErrorCode: Readonly<{
  app_id: -1;
  app_certificate: -2;
  channel_name: -3;
  user_account: -4;
  uid: -5;
  version: -6;
  base64: -7;
  truncated: -8;
  trailing: -9;
  app_id_mismatch: -10;
  channel_mismatch: -11;
  uid_mismatch: -12;
  privilege: -13;
  role: -14;
  salt: -15;
  ts: -16;
  expire_ts: -17;
  null_argument: -18;
  internal: -19;
  buffer_too_small: -20;
  zlib: -21;
  signature: -22;
  no_service: -23;
  service: -24;
  permission: -25;
  utf8: -26;
  user_id: -27;
  room_uuid: -28;
  user_uuid: -29;
  issue_ts: -30;
  expire: -31;
  random: -32;
  too_long: -33;
  now: -34;
}>;
/** An error category name: the `code` of a thrown `Error`. */
export type ErrorCategory = keyof typeof ErrorCode;

/**
 * Thrown for invalid input: `code` is the category. A wrong argument type
 * throws a `TypeError` instead (`code` "null_argument" for null/undefined,
 * else "ERR_INVALID_ARG_TYPE").
 */
export interface AgoraTokenError extends Error {
  code: ErrorCategory;
}

/** The category name of a code: "ok" for 0, "unknown" for a code no category has. */
export declare function errorName(code: number): ErrorCategory | 'ok' | 'unknown';

/** A numeric uid (an integer in 0..2**32-1; 0 = any user) or a user account. */
export type Uid = number | bigint | string;

/** The documented builder of 006 tokens for one app, channel and user. */
export declare class SimpleTokenBuilder {
  /** `uid`: a number (numeric uid) or a string (user account). Throws on invalid input. */
  constructor(appID: string, appCertificate: string, channelName: string, uid: Uid);
  /**
   * Renewal: takes the privileges of a token of the same app, channel and user
   * (salt and ts stay fresh, so the renewed token lives again): 0, or a negative
   * `ErrorCode` (app_id_mismatch, channel_mismatch, uid_mismatch, ...). The
   * token's signature is not checked; use `verify` for that.
   */
  initTokenBuilder(originToken: string): number;
  /** Replaces the privileges with the role's, each never expiring. */
  initPrivileges(role: RoleValue | number): void;
  /** Grants a privilege until `expireTimestamp` (Unix seconds; 0 = never). */
  setPrivilege(privilege: Privilege | number, expireTimestamp: number): void;
  /** Removes a privilege (no-op when absent). */
  removePrivilege(privilege: Privilege | number): void;
  /** The fixed salt; null (the default) draws a fresh CSPRNG salt for every token. */
  get salt(): number | null;
  set salt(value: number | null | undefined);
  /**
   * The token's expiry in Unix seconds; null (the default) means 24 hours after
   * each build, as Agora's builders do. A privilege that outlives its token is
   * cut short by it.
   */
  get ts(): number | null;
  set ts(value: number | null | undefined);
  /** `[privilegeId, expireTimestamp]` pairs, sorted by id. */
  get privileges(): Array<[number, number]>;
  /** Builds the token. */
  buildToken(): string;
  /**
   * Frees the native builder now (its certificate copy zeroed); later calls
   * throw code "null_argument"; closing twice is a no-op. Without it, the
   * memory is freed when the garbage collector collects the builder.
   */
  close(): void;
  /** `using b = new SimpleTokenBuilder(...)`: close() at the end of the block. */
  [Symbol.dispose](): void;
  /** The builder's fields, the certificate shown as `***`. */
  toString(): string;
}

/** The RTC helpers, shaped like the npm builders' `RtcTokenBuilder` (token 006). */
export declare class RtcTokenBuilder {
  static buildTokenWithUid(
    appID: string,
    appCertificate: string,
    channelName: string,
    uid: number | bigint,
    role: RoleValue | number,
    privilegeExpiredTs: number,
  ): string;
  static buildTokenWithAccount(
    appID: string,
    appCertificate: string,
    channelName: string,
    account: string,
    role: RoleValue | number,
    privilegeExpiredTs: number,
  ): string;
}

/** The RTM helper, shaped like the npm builders' `RtmTokenBuilder` (token 006). */
export declare class RtmTokenBuilder {
  static buildToken(
    appID: string,
    appCertificate: string,
    account: string,
    role: number,
    privilegeExpiredTs: number,
  ): string;
}

/** Every field of a 006 token. */
export interface ParsedToken {
  appId: string;
  /** The HMAC-SHA256 signature, lowercase hex. */
  signatureHex: string;
  crcChannelName: number;
  crcUid: number;
  salt: number;
  ts: number;
  /** `[privilegeId, expireTimestamp]` pairs, sorted by id. */
  privileges: Array<[number, number]>;
}

/**
 * Parses a 006 token; throws (code "version", "app_id", "base64", "truncated",
 * "trailing" or "too_long") when malformed, with the core's diagnosis (quotes,
 * whitespace, JSON escapes, URL encoding, a 007 token, ...).
 */
export declare function parse(token: string): ParsedToken;

export type VerifyResult =
  | 'ok'
  | 'app_id_mismatch'
  | 'channel_mismatch'
  | 'uid_mismatch'
  | 'signature_mismatch'
  | 'expired'
  | 'privilege_expired';

export interface VerifyOptions {
  /** Unix SECONDS (`Date.now()` is milliseconds: that throws code "now" and says so); defaults to now. */
  now?: number | null;
  /** Also check the token's app id. */
  appId?: string | null;
}

/**
 * "ok" or the first failing check; throws when the token or certificate is
 * malformed. A uid-0 token admits any uid or account (Agora's wildcard).
 * A negative uid throws `uid` with the hint that it may be the signed 32-bit
 * view of an unsigned uid.
 */
export declare function verify(
  token: string,
  appCertificate: string,
  channelName: string,
  uid: Uid,
  options?: VerifyOptions,
): VerifyResult;

/** Checks an RTM token (`RtmTokenBuilder`) for an account, its kRtmLogin expiry included. */
export declare function verifyRtm(
  token: string,
  appCertificate: string,
  account: string,
  options?: Pick<VerifyOptions, 'now'>,
): VerifyResult;

/** The library version. */
export declare function version(): string;

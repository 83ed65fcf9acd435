// Type definitions of agoratoken/agora-access-token/src/AccessToken (and of
// agoratoken/agora-token/src/AccessToken, the same module): npm's 006 AccessToken
// under its own names (hand-written; checked by `tsc --noEmit` in `make test-node`).
//
// Units: 006 times are Unix timestamps in seconds (`expireTimestamp`, `ts`), not
// seconds from now as in 007. A fractional number is truncated and canonical decimal
// text ("1700000000") is its number, as npm packs them; other text ("01", "1.5")
// throws the field's category at `build()`.
//
// Errors: `build()` throws an `AgoraTokenError` (an `Error` whose `code` is the
// token-core category: "app_id", "app_certificate", "channel_name", "user_account",
// "uid", "privilege", "salt", "ts", "expire_ts", ...) where npm would build a token
// Agora rejects or one for another user; a wrong type throws a `TypeError` (code
// "null_argument" for null/undefined, "ERR_INVALID_ARG_TYPE" otherwise).

// Buffer (the signature read by fromString / from_string) is Node's.
/// <reference types="node" />
import type { Privileges } from '../../../index';
export type { AgoraTokenError, ErrorCategory } from '../../../index';

/** The format this module builds: "006". */
export declare const version: '006';

/**
 * Privilege ids under npm's spelling `priviledges` (kJoinChannel 1 ... kInvitePublishDataStream 12,
 * kAdministrateChannel 101, kRtmLogin 1000), with agora-access-token's `kPublishAudiocdn` (5) beside
 * `kPublishAudioCdn`.
 */
export declare const priviledges: Readonly<typeof Privileges & { kPublishAudiocdn: 5 }>;

/**
 * npm's 006 `AccessToken`, built by token-core. `salt` and `ts` are null until set:
 * each `build()` then draws a fresh CSPRNG salt and expires 24 hours later (npm draws
 * them once). The certificate is not an enumerable field (never in JSON or
 * `console.log`).
 */
export declare class AccessToken {
  /**
   * `uid`: a numeric uid (an integer in 0..2**32-1, `number` or `bigint`; 0 = any user)
   * or a string account. 006 signs a uid as its decimal text, so `42` and `"42"` give one
   * token. Nothing is checked until `build()`.
   */
  constructor(appID: string, appCertificate: string, channelName: string, uid: number | bigint | string);
  /** The constructor under the name agora-access-token's own tests use. */
  static readonly AccessToken: typeof AccessToken;
  appID: string;
  /** An accessor over a private field: not enumerable. */
  appCertificate: string;
  channelName: string;
  /** The user as npm keeps it: "" for uid 0, otherwise the decimal or account string. */
  uid: string;
  /** null (the default): a fresh CSPRNG salt at each build; a u32 otherwise (`salt`). */
  salt: number | bigint | string | null;
  /** The token's expiry, Unix seconds; null (the default): 24 hours after each build (`ts`). */
  ts: number | bigint | string | null;
  /** Privilege id -> expiry (Unix seconds; 0 = never). Ids must be documented (`privilege`). */
  messages: { [priviledge: number]: number | bigint | string };
  /** After `fromString`: the HMAC-SHA256 signature read. */
  signature?: Buffer;
  /** After `fromString`: the CRC32 of the channel name and of the uid string. */
  crc_channel_name?: number;
  crc_uid?: number;
  /** Sets `messages[priviledge]` (npm's spelling); checked at `build()`. */
  addPriviledge(priviledge: number, expireTimestamp: number | bigint | string): void;
  /** The token; throws (`code` = the category) where npm would build one Agora rejects. */
  build(): string;
  /** Reads a 006 token into this object: true, or false when it is malformed (`parse` of `agoratoken` says why). */
  fromString(originToken: string): boolean;
}

// Type definitions of agoratoken/v2: AccessToken2 ("007"), under npm agora-token's names
// (hand-written; checked by `tsc --noEmit` and against the runtime in `make test-node`).
//
// Units: every 007 lifetime (`tokenExpire`, `privilegeExpire`, `expire`, ...) is
// SECONDS FROM NOW (seconds after the token's issueTs), not a Unix time as in 006.
// A privilege that outlives its token is cut short by it: the token is invalid
// after tokenExpire, whatever its privileges say (Agora's builder docs). A
// privilege value of 0 has no limit of its own.
//
// Errors: invalid input throws an `Error` whose `code` is the token-core category
// (`AgoraTokenError`, e.g. "channel_name", "uid", "role", "expire", "expire_ts",
// "user_id", "permission"); the message starts with the category and never holds the
// app certificate. A wrong argument type throws a `TypeError` (code "null_argument"
// for null/undefined, "ERR_INVALID_ARG_TYPE" otherwise, "ERR_INVALID_ARG_VALUE" for a
// string holding a lone surrogate).

import type { ParsedToken } from './index';
export { ErrorCode, errorName, version } from './index';
export type { AgoraTokenError, ErrorCategory } from './index';

/** An integer argument: a number or a bigint (a fraction is refused with the field's category). */
export type Int = number | bigint;

/** RTC roles: PUBLISHER gets JoinChannel and the three publish privileges, SUBSCRIBER JoinChannel only; any other value throws `role`. */
export declare const RtcRole: Readonly<{ PUBLISHER: 1; SUBSCRIBER: 2 }>;
export type RtcRoleValue = (typeof RtcRole)[keyof typeof RtcRole];

/** RTC tokens (RtcTokenBuilder2 of the references). Expiries are seconds from now. */
export declare class RtcTokenBuilder {
  /** RTC(channel, uid): JoinChannel, and the publish privileges for a publisher, each `privilegeExpire` (default 0). uid 0 = any user. */
  static buildTokenWithUid(appId: string, appCertificate: string, channelName: string, uid: Int, role: RtcRoleValue | Int, tokenExpire: Int, privilegeExpire?: Int): string;
  /** The same for a string user account. */
  static buildTokenWithUserAccount(appId: string, appCertificate: string, channelName: string, account: string, role: RtcRoleValue | Int, tokenExpire: Int, privilegeExpire?: Int): string;
  /** RTC with all four privileges, each with its own expiry (whatever the role). */
  static buildTokenWithUidAndPrivilege(appId: string, appCertificate: string, channelName: string, uid: Int, tokenExpire: Int, joinChannelPrivilegeExpire: Int, pubAudioPrivilegeExpire: Int, pubVideoPrivilegeExpire: Int, pubDataStreamPrivilegeExpire: Int): string;
  /** The same for a string account (capital B, as npm agora-token spells it). */
  static BuildTokenWithUserAccountAndPrivilege(appId: string, appCertificate: string, channelName: string, account: string, tokenExpire: Int, joinChannelPrivilegeExpire: Int, pubAudioPrivilegeExpire: Int, pubVideoPrivilegeExpire: Int, pubDataStreamPrivilegeExpire: Int): string;
  /** RTC as buildTokenWithUserAccount, plus RTM(account) with Login = tokenExpire. */
  static buildTokenWithRtm(appId: string, appCertificate: string, channelName: string, account: string, role: RtcRoleValue | Int, tokenExpire: Int, privilegeExpire?: Int): string;
  /** RTC(channel, rtcAccount) with its own privilege expiries, plus RTM(rtmUserId) with Login = rtmTokenExpire. */
  static buildTokenWithRtm2(appId: string, appCertificate: string, channelName: string, rtcAccount: string, rtcRole: RtcRoleValue | Int, rtcTokenExpire: Int, joinChannelPrivilegeExpire: Int, pubAudioPrivilegeExpire: Int, pubVideoPrivilegeExpire: Int, pubDataStreamPrivilegeExpire: Int, rtmUserId: string, rtmTokenExpire: Int): string;
}

/** RTM tokens (RtmTokenBuilder2). */
export declare class RtmTokenBuilder {
  /** RTM(userId) with Login = expire. */
  static buildToken(appId: string, appCertificate: string, userId: string, expire: Int): string;
  /** RTM2(userId, permissions) with Login = expire (default 0). */
  static buildTokenWithPermissions(appId: string, appCertificate: string, userId: string, permissions: Rtm2Permissions | Rtm2Grant[], expire?: Int): string;
}

/** Chat tokens (ChatTokenBuilder2). */
export declare class ChatTokenBuilder {
  /** Chat(userId) with User = expire. */
  static buildUserToken(appId: string, appCertificate: string, userId: string, expire: Int): string;
  /** Chat("") with App = expire. */
  static buildAppToken(appId: string, appCertificate: string, expire: Int): string;
}

/** FPA tokens: FPA with Login = 0, the token living 86400 s. */
export declare class FpaTokenBuilder {
  static buildToken(appId: string, appCertificate: string): string;
}

/** APaaS (Flexible Classroom) tokens; `EducationTokenBuilder` is the same. */
export declare class ApaasTokenBuilder {
  /** APaaS(roomUuid, userUuid, role){RoomUser} + RTM(userUuid) + Chat(md5(userUuid)), each = expire. `role` is an i16. */
  static buildRoomUserToken(appId: string, appCertificate: string, roomUuid: string, userUuid: string, role: Int, expire: Int): string;
  /** APaaS("", userUuid, -1){User = expire}. */
  static buildUserToken(appId: string, appCertificate: string, userUuid: string, expire: Int): string;
  /** APaaS("", "", -1){App = expire}. */
  static buildAppToken(appId: string, appCertificate: string, expire: Int): string;
}
export declare class EducationTokenBuilder {
  static buildRoomUserToken(appId: string, appCertificate: string, roomUuid: string, userUuid: string, role: Int, expire: Int): string;
  static buildUserToken(appId: string, appCertificate: string, userUuid: string, expire: Int): string;
  static buildAppToken(appId: string, appCertificate: string, expire: Int): string;
}

/** RTC + RTM (as buildTokenWithRtm2) + ConvoAI. */
export declare class ConvoAITokenBuilder {
  static buildToken(appId: string, appCertificate: string, channelName: string, rtcAccount: string, rtcRole: RtcRoleValue | Int, rtcTokenExpire: Int, joinChannelPrivilegeExpire: Int, pubAudioPrivilegeExpire: Int, pubVideoPrivilegeExpire: Int, pubDataStreamPrivilegeExpire: Int, rtmUserId: string, rtmTokenExpire: Int): string;
}

/** RTC + RTM (as buildTokenWithRtm2) + STT. */
export declare class SttTokenBuilder {
  static buildToken(appId: string, appCertificate: string, channelName: string, rtcAccount: string, rtcRole: RtcRoleValue | Int, rtcTokenExpire: Int, joinChannelPrivilegeExpire: Int, pubAudioPrivilegeExpire: Int, pubVideoPrivilegeExpire: Int, pubDataStreamPrivilegeExpire: Int, rtmUserId: string, rtmTokenExpire: Int): string;
}

/** One RTM2 grant: `[resourceType, permissionType, resources]`. */
export type Rtm2Grant = [resourceType: Int, permissionType: Int, resources: string[]];

/** RTM2 grants, shaped like npm agora-token's. */
export declare class Rtm2Permissions {
  static readonly kMessageChannels: 0;
  static readonly kStreamChannels: 1;
  static readonly kGroupChannels: 2;
  static readonly kServerGroups: 3;
  static readonly kUsers: 4;
  static readonly kRead: 0;
  static readonly kWrite: 1;
  details: { [resourceType: number]: { [permissionType: number]: string[] } };
  /** Adds or replaces the resources of a (resource type, permission type) pair. */
  add(resourceType: Int, permissionType: Int, resources: Iterable<string>): void;
  toArray(): Rtm2Grant[];
}

export declare const kRtcServiceType: 1;
export declare const kRtmServiceType: 2;
export declare const kStreamingServiceType: 3;
export declare const kFpaServiceType: 4;
export declare const kChatServiceType: 5;
export declare const kFCdnServiceType: 6;
export declare const kApaasServiceType: 7;
export declare const kRtm2ServiceType: 8;
export declare const kConvoAIServiceType: 9;
export declare const kSttServiceType: 10;

/** A service in the data form `buildToken` takes (the vectors' build007 input, camelCased). */
export interface ServiceData {
  /** 1..10 (`service` otherwise). */
  type: Int;
  /** `[id, seconds after issueTs]`: ids documented for the type and unique (`privilege`), values u32 (`expire_ts`). */
  privileges: Array<[Int, Int]>;
  /** RTC (1), Streaming (3), FCDN (6): the channel, and exactly one of `uid` and `userAccount`. */
  channelName?: string;
  uid?: Int;
  userAccount?: string;
  /** RTM (2), Chat (5), RTM2 (8). */
  userId?: string;
  /** APaaS (7). */
  roomUuid?: string;
  userUuid?: string;
  /** APaaS (7): an i16. */
  role?: Int;
  /** RTM2 (8). */
  permissions?: Rtm2Permissions | Rtm2Grant[];
}

/** A token as data. */
export interface TokenData {
  appId: string;
  appCertificate: string;
  /** Unix seconds; null/absent: now, at build. */
  issueTs?: Int | null;
  /** Seconds after issueTs. */
  expire: Int;
  /** null/absent: a fresh CSPRNG salt at build. */
  salt?: Int | null;
  services: ServiceData[];
  /** Services of a type outside 1..10 (npm's bare `new Service(999)`), packed as type and privileges, sorted among the others by type. */
  otherServices?: OtherServiceData[];
}

/** A service of a type outside 1..10 in the data form: 0 or 11..65535 (a documented type is `service`). */
export interface OtherServiceData {
  type: Int;
  /** `[id, value]`: ids 0..65535, unique (`privilege`); values u32 (`expire_ts`). */
  privileges: Array<[Int, Int]>;
}

/** Builds a token from data (every `invalid007` rule is checked by token-core). */
export declare function buildToken(token: TokenData): string;

/**
 * A service of an AccessToken2: its type and privileges. A bare `new
 * Service(type)` of a type outside 1..10 is built as its type and privileges
 * (as npm's); the documented types have their classes.
 */
export declare class Service {
  constructor(type: number);
  readonly type: number;
  /** privilege id -> seconds after issueTs (0: no limit of its own) */
  privileges: Map<number, Int>;
  service_type(): number;
  /** Adds or replaces a privilege. */
  add_privilege(privilege: Int, expire: Int): void;
  toData(): ServiceData;
}
/** `uid`: a numeric uid (0: any user) or a string account. */
export declare class ServiceRtc extends Service {
  static readonly kPrivilegeJoinChannel: 1;
  static readonly kPrivilegePublishAudioStream: 2;
  static readonly kPrivilegePublishVideoStream: 3;
  static readonly kPrivilegePublishDataStream: 4;
  constructor(channelName: string, uid: Int | string);
  channelName: string;
  uid: Int | string;
}
export declare class ServiceRtm extends Service {
  static readonly kPrivilegeLogin: 1;
  constructor(userId: string);
  userId: string;
}
export declare class ServiceStreaming extends Service {
  static readonly kPrivilegePublishMixStream: 1;
  static readonly kPrivilegePublishRawStream: 2;
  constructor(channelName: string, account: Int | string);
  channelName: string;
  uid: Int | string;
}
export declare class ServiceFpa extends Service {
  static readonly kPrivilegeLogin: 1;
  constructor();
}
/** `userId` empty (the default): an app token. */
export declare class ServiceChat extends Service {
  static readonly kPrivilegeUser: 1;
  static readonly kPrivilegeApp: 2;
  constructor(userId?: string);
  userId: string;
}
export declare class ServiceFCdn extends Service {
  static readonly kPrivilegePublish: 1;
  static readonly kPrivilegePlay: 2;
  constructor(channelName: string, account: Int | string);
  channelName: string;
  uid: Int | string;
}
export declare class ServiceApaas extends Service {
  static readonly kPrivilegeRoomUser: 1;
  static readonly kPrivilegeUser: 2;
  static readonly kPrivilegeApp: 3;
  static readonly PRIVILEGE_ROOM_USER: 1;
  static readonly PRIVILEGE_USER: 2;
  static readonly PRIVILEGE_APP: 3;
  constructor(roomUuid: string | undefined, userUuid: string | undefined, role: Int);
  roomUuid: string;
  userUuid: string;
  role: Int;
}
export declare class ServiceRtm2 extends Service {
  static readonly kPrivilegeLogin: 1;
  constructor(userId: string, permissions?: Rtm2Permissions | Rtm2Grant[]);
  userId: string;
  permissions: Rtm2Permissions | Rtm2Grant[];
}
export declare class ServiceConvoAI extends Service {
  constructor();
}
export declare class ServiceStt extends Service {
  constructor();
}

/**
 * A token described as services, shaped like npm agora-token's `AccessToken2`.
 * `issueTs` and `salt` are drawn at each build while null (a constructor issueTs
 * of 0 means now, as in npm; set the field to pin 0).
 */
export declare class AccessToken2 {
  constructor(appId?: string, appCertificate?: string, issueTs?: Int | null, expire?: Int);
  appId: string;
  /** Not enumerable: JSON.stringify and console.log never show it. */
  appCertificate: string;
  issueTs: Int | null;
  /** Seconds after issueTs. */
  expire: Int;
  salt: Int | null;
  services: Service[];
  add_service(service: Service): void;
  getServices(serviceType: number): Service[];
  /** Throws (code = category) where npm returns "". */
  build(): string;
  /** The token as `buildToken` takes it (bare `Service`s under `otherServices`). */
  toData(): TokenData;
  /**
   * Reads a token into this object: false when malformed (`parse` gives the
   * diagnosis). As npm's, reading stops at a service type outside 1..10,
   * keeping the services before it.
   */
  from_string(originToken: string): boolean;
  /** Whether the token read by from_string was signed with this certificate (expiry not checked). */
  verifySignature(appCertificate: string): boolean;
}

/** A parsed service (token order); which fields are present depends on `type`. */
export interface ParsedService {
  type: number;
  /** "ServiceRtc", ... */
  className: string;
  /** `[id, seconds after issueTs]`, in token order. */
  privileges: Array<[number, number]>;
  /** RTC, Streaming, FCDN. */
  channelName?: string;
  /** RTC, Streaming, FCDN: the packed user string ("" for uid 0, "42" for uid 42). */
  account?: string;
  /** RTM, Chat, RTM2. */
  userId?: string;
  /** APaaS. */
  roomUuid?: string;
  userUuid?: string;
  role?: number;
  /** RTM2, in token order. */
  permissions?: Array<[number, number, string[]]>;
}

/** Every field of a 007 token. */
export interface ParsedToken2 {
  appId: string;
  signatureHex: string;
  /** Unix seconds when the token was made. */
  issueTs: number;
  /** Seconds after issueTs: the token is valid until issueTs + expire. */
  expire: number;
  salt: number;
  services: ParsedService[];
  /** The decompressed content, lowercase hex. */
  contentHex: string;
  /** Only from a lenient read (`AccessToken2.from_string`): the service type where reading stopped. */
  unreadServiceType?: number | null;
}

/** Every field of a 007 token; throws (`version`, `base64`, `zlib`, `truncated`, ...) with the core's diagnosis. */
export declare function parse(token: string): ParsedToken2;

/** A 006 token read by `parseAny`. */
export type ParsedToken006 = { format: '006' } & ParsedToken;

/** A token of either format. */
export declare function parseAny(token: string): ParsedToken006 | ({ format: '007' } & ParsedToken2);

export type VerifyResult =
  | 'ok'
  | 'app_id_mismatch'
  | 'signature_mismatch'
  | 'expired'
  | 'service_missing'
  | 'channel_mismatch'
  | 'uid_mismatch'
  | 'privilege_expired';

/**
 * A numeric uid given as text (a query string's `uid`): canonical decimal
 * only, `"0"` or digits without a leading zero, at most 4294967295
 * (token-core's `uid_from_decimal`).
 * @throws Error code `uid` for anything else: `"007"` is not uid 7 (it may be
 *   a user account: pass it to an account builder), `"4294967296"` is beyond
 *   32 bits, `" 7"`, `"+7"`, `"7.0"` are not canonical.
 * @throws TypeError when `text` is not a string.
 */
export declare function uidFromDecimal(text: string): number;

/** What `verify` checks beyond the signature and the expiry. */
export interface Expected {
  /** An RTC check: a channel and a user (a uid, 0..2**32-1, or a string account). A uid-0 token admits any user. */
  channelName?: string;
  uid?: Int | string;
  /** An RTM check: an RTM or RTM2 service for this user id. */
  rtmUserId?: string;
  /** Checked first when given. */
  appId?: string;
  /** Unix SECONDS (not Date.now() milliseconds: that throws `now` and says so); defaults to the clock. */
  now?: Int;
}

/** "ok" or the first failing check; throws for a malformed token or certificate. */
export declare function verify(token: string, appCertificate: string, expected?: Expected): VerifyResult;

/** One parameter of a recipe (python3 names). */
export interface RecipeParam {
  name: string;
  kind: 'str' | 'uid' | 'rtc_role' | 'expire' | 'privilege_expire' | 'apaas_role' | 'permissions';
  default?: number;
}
/** The core's recipe table, one row per reference builder. */
export declare const recipes: ReadonlyArray<Readonly<{ index: number; name: string; params: ReadonlyArray<Readonly<RecipeParam>> }>>;
/** Every builder of the recipe table under its python3 name. */
export declare const builders: Readonly<Record<string, (appId: string, appCertificate: string, ...args: any[]) => string>>;
/** Test hook: runs `fn` with every builder's issue_ts and salt pinned (null: drawn). */
export declare function pinned<T>(issueTs: Int | null, salt: Int | null, fn: () => T): T;

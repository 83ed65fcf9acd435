// Type definitions of agoratoken/agora-token/src/AccessToken2: npm agora-token's
// AccessToken2 (007), its services and constants under their own names (hand-written;
// checked by `tsc --noEmit` in `make test-node`).
//
// The classes extend those of `agoratoken/v2` (its AccessToken2, ServiceRtc, ...) with
// npm's return values and npm's `__` fields, read-only views of v2's fields.
//
// Units: `expire` and every privilege value are SECONDS after `issueTs` (Unix
// seconds), not Unix times as in 006. A fractional number is truncated and canonical
// decimal text ("3600") is its number, as npm packs them. A privilege that outlives
// its token is cut short by it.
//
// Errors: `build()` returns "" where npm does (no service; an app id or certificate
// that is not 32 hex digits) and throws an `AgoraTokenError` (`code` = the token-core
// category: "channel_name", "uid", "user_account", "user_id", "privilege", "expire",
// "expire_ts", "issue_ts", "salt", "permission", "service", ...) where npm would
// build a token Agora rejects. A wrong type throws a `TypeError`.

// Buffer (the signature read by fromString / from_string) is Node's.
/// <reference types="node" />
import * as v2 from '../../../v2';
import type { Int } from '../../../v2';
export type { AgoraTokenError, ErrorCategory, Int, Rtm2Grant, ServiceData, TokenData } from '../../../v2';
export {
  Rtm2Permissions,
  kRtcServiceType,
  kRtmServiceType,
  kStreamingServiceType,
  kFpaServiceType,
  kChatServiceType,
  kFCdnServiceType,
  kApaasServiceType,
  kRtm2ServiceType,
  kConvoAIServiceType,
  kSttServiceType,
} from '../../../v2';

/** npm's fields every service has: read-only views of `type` and `privileges`. */
interface NpmServiceFields {
  /** `type`. */
  readonly __type: number;
  /** `privileges` as an object: privilege id -> seconds after issueTs. */
  readonly __privileges: { [privilege: number]: Int };
}

/** A bare service (npm's `new Service(type)`): a type outside 1..10 is packed as its type and privileges. */
export declare class Service extends v2.Service implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
}
/** RTC: `uid` a numeric uid (0: any user) or a string account. */
export declare class ServiceRtc extends v2.ServiceRtc implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __channel_name: string;
  /** The user as packed: "" for uid 0, else its decimal text or the account. */
  readonly __uid: string;
}
export declare class ServiceRtm extends v2.ServiceRtm implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __user_id: string;
}
export declare class ServiceStreaming extends v2.ServiceStreaming implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __channel_name: string;
  /** "" for uid 0, else its decimal text or the account. */
  readonly __account: string;
}
export declare class ServiceFpa extends v2.ServiceFpa implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
}
export declare class ServiceChat extends v2.ServiceChat implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __user_id: string;
}
export declare class ServiceFCdn extends v2.ServiceFCdn implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __channel_name: string;
  /** "" for uid 0, else its decimal text or the account. */
  readonly __account: string;
}
export declare class ServiceApaas extends v2.ServiceApaas implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __room_uuid: string;
  readonly __user_uuid: string;
  readonly __role: Int;
}
export declare class ServiceRtm2 extends v2.ServiceRtm2 implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
  readonly __user_id: string;
  readonly __permissions: v2.Rtm2Permissions | v2.Rtm2Grant[];
}
export declare class ServiceConvoAI extends v2.ServiceConvoAI implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
}
export declare class ServiceStt extends v2.ServiceStt implements NpmServiceFields {
  readonly __type: number;
  readonly __privileges: { [privilege: number]: Int };
}

/** `AccessToken2.kServices`: each documented service type and the class `from_string` makes for it. */
export interface ServiceClasses {
  1: typeof ServiceRtc;
  2: typeof ServiceRtm;
  3: typeof ServiceStreaming;
  4: typeof ServiceFpa;
  5: typeof ServiceChat;
  6: typeof ServiceFCdn;
  7: typeof ServiceApaas;
  8: typeof ServiceRtm2;
  9: typeof ServiceConvoAI;
  10: typeof ServiceStt;
  [serviceType: number]: (new (...args: any[]) => Service | v2.Service) | undefined;
}

/**
 * npm's `AccessToken2(appId, appCertificate, issueTs, expire)`: `issueTs` Unix seconds
 * (0 or null: now, at each build), `expire` seconds after it; `salt` null (a fresh
 * CSPRNG salt per build) until set. The certificate is not enumerable.
 */
export declare class AccessToken2 extends v2.AccessToken2 {
  /**
   * `issueTs` and `expire` as npm takes them: integers, fractional numbers (truncated)
   * or canonical decimal text (`"3600"`, as npm packs it; other text throws `issue_ts` /
   * `expire` at `build()`). The same holds at run time for `salt` and the privilege
   * values set later (their declared types stay those of `agoratoken/v2`).
   */
  constructor(appId?: string, appCertificate?: string, issueTs?: Int | string | null, expire?: Int | string);
  /** Type -> class, as npm's (a class added to it is not read: token-core reads the services). */
  static kServices: ServiceClasses;
  services: Service[];
  /** After `from_string`: a copy of the signature read; replacing it makes `verifySignature` false, as in npm. */
  __signature?: Buffer;
  /** Appends one of this module's services (several of one type keep their order). */
  add_service(service: Service): void;
  /** The services of one type, in order. */
  getServices(serviceType: 1): ServiceRtc[];
  getServices(serviceType: 2): ServiceRtm[];
  getServices(serviceType: 3): ServiceStreaming[];
  getServices(serviceType: 4): ServiceFpa[];
  getServices(serviceType: 5): ServiceChat[];
  getServices(serviceType: 6): ServiceFCdn[];
  getServices(serviceType: 7): ServiceApaas[];
  getServices(serviceType: 8): ServiceRtm2[];
  getServices(serviceType: 9): ServiceConvoAI[];
  getServices(serviceType: 10): ServiceStt[];
  getServices(serviceType: number): Service[];
  /**
   * The token: "" without a service or with an app id or certificate that is not 32 hex
   * digits (as npm); throws an `AgoraTokenError` for any other invalid value.
   */
  build(): string;
  /**
   * Reads a token into this object (this module's service classes): true, or false for
   * anything unreadable (`parse` of `agoratoken/v2` gives the reason). As npm's, reading
   * stops at a service type outside 1..10, keeping the services before it.
   */
  from_string(originToken: string): boolean;
  /** Whether the token read by `from_string` was signed with this certificate (expiry not checked); false for anything unreadable. */
  verifySignature(appCertificate: string): boolean;
}

'use strict';
// The modules of Agora's npm packages under their own names, so that code
// written for them moves by changing its require lines only:
//
//   require('agora-token')                  -> require('agoratoken/agora-token')
//   require('agora-token/src/AccessToken2') -> require('agoratoken/agora-token/src/AccessToken2')
//   require('agora-access-token')           -> require('agoratoken/agora-access-token')
//
// (the files under compat/ are one line each, naming a module of this file).
// The classes are thin over the binding: AccessToken (006) builds through
// SimpleTokenBuilder, AccessToken2 (007) through v2.js's AccessToken2; role
// privileges, defaults, checks and packing stay in token-core. What differs
// from npm is listed in README.md, "Differences from Agora's builders".

const index = require('./index.js');
const v2 = require('./v2.js');
const { native } = require('./native.js');

// ---- what npm's builders accept when the token is right ---------------------
//
// Migrating code passes what its web framework hands it. Each rule is
// token-core's, reached through the addon: a fractional number for an
// unsigned 32-bit field is truncated toward zero as npm packs it
// (`check_u32_f64`), a number for such a field may come as canonical decimal
// text (`u32_from_decimal`: "3600", never "03600" or "3600.5"; npm's
// Buffer.writeUInt32LE packs "3600" as 3600), a numeric uid likewise
// (`uid_from_decimal`: "42", never "042" or "4294967296"), a null RTC role
// builds the join-only token (`Role::JOIN_ONLY`). The 007 builders get them
// from the addon's accepting entry (v2.js's builderSet(true)).

/**
 * A u32 field of `category` as npm packs it: a JS number truncated by the
 * core, canonical decimal text as its number (anything else throws the
 * category); any other value unchanged (the builder checks it).
 */
const u32 = (category, v) => {
  if (typeof v === 'number') return native.checkF64(category, v);
  if (typeof v === 'string') return native.u32FromDecimal(category, v);
  return v;
};
/** A 006 uid: canonical decimal text becomes its number; anything else unchanged. */
const uid006 = (v) => (typeof v === 'string' ? native.uidFromDecimal(v) : v);
const JOIN_ONLY = native.joinOnlyRoles();
/** v2's 007 builders over the addon's accepting entry. */
const A = v2[Symbol.for('agoratoken.v2.acceptingBuilders')];

// ---- 006: AccessToken, priviledges (npm spells it so) -----------------------

/** Privilege ids under npm's `priviledges` names (kJoinChannel: 1, ..., kRtmLogin: 1000; agora-access-token spells 5 `kPublishAudiocdn`). */
const priviledges = Object.freeze({ ...index.Privileges, kPublishAudiocdn: index.Privileges.kPublishAudioCdn });
const userString = (v) => (v === 0 ? '' : `${v}`);
/** A 006 RTC role: null/undefined builds join only (npm); text is its canonical decimal number. */
const rtcRole006 = (v) => (v == null ? JOIN_ONLY.v006 : typeof v === 'string' ? native.u32FromDecimal('role', v) : v);

/**
 * npm's 006 `AccessToken`: fields `appID`, `channelName`, `uid` (as npm
 * keeps it: "" for 0, else the decimal or account string), `salt`, `ts`,
 * `messages` ({ privilege id: expire timestamp }); `addPriviledge`, `build`,
 * `fromString`. `salt` and `ts` are null until set: each build then draws a
 * fresh CSPRNG salt and expires 24 hours later (npm draws them once, at load
 * and at construction).
 */
class AccessToken {
  #appCertificate;
  #uid; // as given: a number builds through the uid path, whose range the core checks

  constructor(appID, appCertificate, channelName, uid) {
    this.appID = appID;
    this.#appCertificate = appCertificate;
    this.channelName = channelName;
    this.#uid = uid;
    this.uid = userString(uid);
    this.salt = null;
    this.ts = null;
    this.messages = {};
  }

  /** Kept out of enumeration, JSON and console.log. */
  get appCertificate() {
    return this.#appCertificate;
  }

  set appCertificate(value) {
    this.#appCertificate = value;
  }

  addPriviledge(priviledge, expireTimestamp) {
    this.messages[priviledge] = expireTimestamp;
  }

  /** The token; throws (code = the core's category) where npm would build one Agora rejects. */
  build() {
    // 006 signs the uid as its decimal string: a uid and that account string give one token.
    // A string is an account (npm's buildTokenWithAccount passes it here).
    let user = this.uid === userString(this.#uid) ? this.#uid : this.uid;
    if (user === '') user = 0;
    const b = new index.SimpleTokenBuilder(this.appID, this.#appCertificate, this.channelName, user);
    try {
      b.salt = u32('salt', this.salt);
      b.ts = u32('ts', this.ts);
      for (const [id, expire] of Object.entries(this.messages)) b.setPrivilege(Number(id), u32('expire_ts', expire));
      return b.buildToken();
    } finally {
      b.close();
    }
  }

  /** Reads a 006 token into this object: true, or false when it is malformed (`parse` says why). */
  fromString(originToken) {
    let t;
    try {
      t = index.parse(originToken);
    } catch {
      return false;
    }
    this.appID = t.appId;
    this.signature = Buffer.from(t.signatureHex, 'hex');
    this.crc_channel_name = t.crcChannelName;
    this.crc_uid = t.crcUid;
    this.salt = t.salt;
    this.ts = t.ts;
    this.messages = Object.fromEntries(t.privileges);
    return true;
  }
}

// agora-access-token's own tests spell the constructor `AccessToken.AccessToken`
// (its 2.0.4 code no longer has that name; code written against it still does).
AccessToken.AccessToken = AccessToken;

/**
 * npm's 006 `RtmTokenBuilder`: the static `buildToken(appID, appCertificate,
 * account, role, privilegeExpiredTs)`, and the instance form agora-access-token's
 * tests use: `new RtmTokenBuilder(appID, appCertificate, account)`, its
 * `key` (an AccessToken), `setPrivilege`, `buildToken()`.
 */
class RtmTokenBuilder006 extends index.RtmTokenBuilder {
  /**
   * Any `role` builds the login token: npm ignores it, and its own samples
   * pass the whole `RtmRole` object. The expiry may be fractional (truncated)
   * or canonical decimal text.
   */
  static buildToken(appID, appCertificate, account, role, privilegeExpiredTs) {
    return index.RtmTokenBuilder.buildToken(appID, appCertificate, account, index.RtmRole.Rtm_User, u32('expire_ts', privilegeExpiredTs));
  }

  constructor(appID, appCertificate, account) {
    super();
    // npm's RTM token: the account in the channel field, uid "".
    this.key = new AccessToken(appID, appCertificate, account, 0);
  }

  setPrivilege(privilege, expireTimestamp) {
    this.key.addPriviledge(privilege, expireTimestamp);
  }

  buildToken() {
    return this.key.build();
  }
}
Object.defineProperty(RtmTokenBuilder006, 'name', { value: 'RtmTokenBuilder' });

/**
 * npm's 006 `RtcTokenBuilder`, with what npm accepts when the token is
 * right: a uid as canonical decimal text ("42", the token of uid 42), a
 * null role (join only), a role or expiry as canonical decimal text ("1",
 * "3600"), a fractional expiry (truncated).
 */
class RtcTokenBuilder006 extends index.RtcTokenBuilder {
  static buildTokenWithUid(appID, appCertificate, channelName, uid, role, privilegeExpiredTs) {
    return index.RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, uid006(uid), rtcRole006(role), u32('expire_ts', privilegeExpiredTs));
  }

  static buildTokenWithAccount(appID, appCertificate, channelName, account, role, privilegeExpiredTs) {
    return index.RtcTokenBuilder.buildTokenWithAccount(appID, appCertificate, channelName, account, rtcRole006(role), u32('expire_ts', privilegeExpiredTs));
  }
}
Object.defineProperty(RtcTokenBuilder006, 'name', { value: 'RtcTokenBuilder' });

const accessToken006 = Object.freeze({ version: '006', AccessToken, priviledges });
const rtc006 = Object.freeze({ RtcTokenBuilder: RtcTokenBuilder006, Role: index.RtcRole });
const rtm006 = Object.freeze({ RtmTokenBuilder: RtmTokenBuilder006, Role: index.RtmRole });

// ---- 007: AccessToken2 and the services, with npm's fields ------------------

// npm's services keep their fields as `__channel_name`, `__uid`, `__privileges`, ...;
// tests and migrating code read them. Here they are read-only views of v2's fields.
const compat = (Base) =>
  class extends Base {
    get __type() {
      return this.type;
    }

    get __privileges() {
      return Object.fromEntries(this.privileges);
    }
  };
const Service = compat(v2.Service);
class ServiceRtc extends compat(v2.ServiceRtc) {
  get __channel_name() {
    return this.channelName;
  }

  get __uid() {
    return userString(this.uid);
  }
}
// Streaming and FCDN: npm names their user field `__account`.
const withAccount = (Base) =>
  class extends compat(Base) {
    get __channel_name() {
      return this.channelName;
    }

    get __account() {
      return userString(this.uid);
    }
  };
class ServiceStreaming extends withAccount(v2.ServiceStreaming) {}
class ServiceFCdn extends withAccount(v2.ServiceFCdn) {}
class ServiceRtm extends compat(v2.ServiceRtm) {
  get __user_id() {
    return this.userId;
  }
}
class ServiceChat extends compat(v2.ServiceChat) {
  get __user_id() {
    return this.userId;
  }
}
class ServiceRtm2 extends compat(v2.ServiceRtm2) {
  get __user_id() {
    return this.userId;
  }

  get __permissions() {
    return this.permissions;
  }
}
class ServiceApaas extends compat(v2.ServiceApaas) {
  get __room_uuid() {
    return this.roomUuid;
  }

  get __user_uuid() {
    return this.userUuid;
  }

  get __role() {
    return this.role;
  }
}
const ServiceFpa = compat(v2.ServiceFpa);
const ServiceConvoAI = compat(v2.ServiceConvoAI);
const ServiceStt = compat(v2.ServiceStt);
const SERVICES = {
  ServiceRtc, ServiceRtm, ServiceStreaming, ServiceFpa, ServiceChat, ServiceFCdn, ServiceApaas, ServiceRtm2, ServiceConvoAI, ServiceStt,
};
for (const [name, cls] of Object.entries(SERVICES)) {
  Object.defineProperty(cls, 'name', { value: name });
}

// The two checks npm's build makes before packing; it returns "" for them
// (every other invalid value throws here, where npm builds a token Agora rejects).
const EMPTY_ON = new Set(['app_id', 'app_certificate', 'service']);

/**
 * npm's `AccessToken2(appId, appCertificate, issueTs, expire)`: v2's
 * AccessToken2 with npm's return values (build: "" without a service or with
 * an app id or certificate that is not 32 hex digits; from_string and
 * verifySignature: false for anything unreadable) and npm's service fields.
 */
class AccessToken2 extends v2.AccessToken2 {
  #signature = null; // what from_string read, to notice a replaced __signature

  build() {
    if (this.services.length === 0) return '';
    try {
      return super.build();
    } catch (e) {
      if (EMPTY_ON.has(e?.code)) return '';
      throw e;
    }
  }

  /** v2's data form, with npm's fractional numbers truncated by the core. */
  toData() {
    const d = super.toData();
    const privileges = (list) => list.map(([id, value]) => [id, u32('expire_ts', value)]);
    return {
      ...d,
      issueTs: u32('issue_ts', d.issueTs),
      expire: u32('expire', d.expire),
      salt: u32('salt', d.salt),
      services: d.services.map((s) => ({ ...s, privileges: privileges(s.privileges) })),
      otherServices: d.otherServices.map((s) => ({ ...s, privileges: privileges(s.privileges) })),
    };
  }

  /** As npm's: reading stops at a service type outside 1..10, keeping the services before it. */
  from_string(originToken) {
    this.#signature = null;
    let t;
    try {
      t = typeof originToken === 'string' && super.from_string(originToken) ? native.parse007Lenient(originToken) : null;
    } catch {
      t = null;
    }
    if (t === null) {
      this.services = [];
      return false;
    }
    this.services = t.services.map((p) => {
      const s = SERVICES[p.className].fromParsed(p);
      for (const [id, value] of p.privileges) s.add_privilege(id, value);
      return s;
    });
    this.#signature = Buffer.from(t.signatureHex, 'hex');
    this.__signature = Buffer.from(this.#signature);
    return true;
  }

  verifySignature(appCertificate) {
    if (this.#signature === null || !Buffer.isBuffer(this.__signature) || !this.#signature.equals(this.__signature)) return false;
    try {
      return super.verifySignature(appCertificate);
    } catch {
      return false;
    }
  }
}

/**
 * npm's `AccessToken2.kServices`: service type -> its class, the classes
 * `from_string` makes (a plain object, as npm's; a class added to it is not
 * read, since token-core reads the services).
 */
AccessToken2.kServices = Object.fromEntries(
  Object.entries(SERVICES).map(([name, cls]) => [v2[`k${name.slice('Service'.length)}ServiceType`], cls]),
);

const accessToken2 = Object.freeze({
  AccessToken2,
  Rtm2Permissions: v2.Rtm2Permissions,
  Service,
  ...SERVICES,
  kRtcServiceType: v2.kRtcServiceType,
  kRtmServiceType: v2.kRtmServiceType,
  kStreamingServiceType: v2.kStreamingServiceType,
  kFpaServiceType: v2.kFpaServiceType,
  kChatServiceType: v2.kChatServiceType,
  kFCdnServiceType: v2.kFCdnServiceType,
  kApaasServiceType: v2.kApaasServiceType,
  kRtm2ServiceType: v2.kRtm2ServiceType,
  kConvoAIServiceType: v2.kConvoAIServiceType,
  kSttServiceType: v2.kSttServiceType,
});

// ---- 007 builders: npm's numeric user ids --------------------------------------

// npm's 007 builders take a number where they document an account or a user id
// and pack its decimal string (0: ""). An RTC account of digits is the uid's
// token, so a number goes to the uid builder (the core checks its range); an
// RTM user id becomes npm's string. Anything else goes through unchanged.
const isCount = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const userIdText = (v) => (isCount(v) ? (v === 0 ? '' : String(v)) : v);

class RtcTokenBuilder2 extends A.RtcTokenBuilder {
  static buildTokenWithUserAccount(appId, appCertificate, channelName, account, ...rest) {
    return isCount(account)
      ? A.RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, account, ...rest)
      : A.RtcTokenBuilder.buildTokenWithUserAccount(appId, appCertificate, channelName, account, ...rest);
  }

  static BuildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, ...rest) {
    return isCount(account)
      ? A.RtcTokenBuilder.buildTokenWithUidAndPrivilege(appId, appCertificate, channelName, account, ...rest)
      : A.RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, ...rest);
  }
}
Object.defineProperty(RtcTokenBuilder2, 'name', { value: 'RtcTokenBuilder' });

class RtmTokenBuilder2 extends A.RtmTokenBuilder {
  static buildToken(appId, appCertificate, userId, expire) {
    try {
      return A.RtmTokenBuilder.buildToken(appId, appCertificate, userIdText(userId), expire);
    } catch (e) {
      // The core refused the "" that npm packs for 0 (Agora rejects it); say what the caller passed.
      if (userId !== 0 || e?.code !== 'user_id') throw e;
      const err = new Error(`user_id: 0 is not an RTM user id (npm packs it as "", a token Agora rejects); pass the user's id as a string`, { cause: e });
      err.code = e.code;
      throw err;
    }
  }

  /**
   * A numeric user id (npm's `buildTokenWithPermissions(..., 0, ...)`) goes
   * to the core as a number, which packs its decimal string, "" for 0 (the
   * wildcard), as npm does.
   */
  static buildTokenWithPermissions(appId, appCertificate, userId, permissions, expire) {
    return A.RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, userId, permissions, expire);
  }
}
Object.defineProperty(RtmTokenBuilder2, 'name', { value: 'RtmTokenBuilder' });

// ---- the packages' modules ----------------------------------------------------

/** npm agora-access-token (006): its index and its src/ modules. */
const agoraAccessToken = Object.freeze({
  index: Object.freeze({
    RtcTokenBuilder: RtcTokenBuilder006,
    RtcRole: index.RtcRole,
    RtmTokenBuilder: RtmTokenBuilder006,
    RtmRole: index.RtmRole,
  }),
  AccessToken: accessToken006,
  RtcTokenBuilder: rtc006,
  RtmTokenBuilder: rtm006,
});

/** npm agora-token (007 at its index, 006 under src/): its index and its src/ modules. */
const agoraToken = Object.freeze({
  index: Object.freeze({
    ApaasTokenBuilder: A.ApaasTokenBuilder,
    ChatTokenBuilder: A.ChatTokenBuilder,
    ConvoAITokenBuilder: A.ConvoAITokenBuilder,
    EducationTokenBuilder: A.EducationTokenBuilder,
    FpaTokenBuilder: A.FpaTokenBuilder,
    RtcRole: v2.RtcRole,
    RtcTokenBuilder: RtcTokenBuilder2,
    RtmTokenBuilder: RtmTokenBuilder2,
    Rtm2Permissions: v2.Rtm2Permissions,
    SttTokenBuilder: A.SttTokenBuilder,
  }),
  AccessToken: accessToken006,
  AccessToken2: accessToken2,
  RtcTokenBuilder: rtc006,
  RtmTokenBuilder: rtm006,
  RtcTokenBuilder2: Object.freeze({ RtcTokenBuilder: RtcTokenBuilder2, Role: v2.RtcRole }),
  RtmTokenBuilder2: Object.freeze({ RtmTokenBuilder: RtmTokenBuilder2 }),
  ApaasTokenBuilder: Object.freeze({ ApaasTokenBuilder: A.ApaasTokenBuilder }),
  ChatTokenBuilder: Object.freeze({ ChatTokenBuilder: A.ChatTokenBuilder }),
  ConvoAITokenBuilder: Object.freeze({ ConvoAITokenBuilder: A.ConvoAITokenBuilder }),
  EducationTokenBuilder: Object.freeze({ EducationTokenBuilder: A.EducationTokenBuilder }),
  FpaTokenBuilder: Object.freeze({ FpaTokenBuilder: A.FpaTokenBuilder }),
  SttTokenBuilder: Object.freeze({ SttTokenBuilder: A.SttTokenBuilder }),
});

module.exports = { agoraToken, agoraAccessToken };

'use strict';
// agoratoken/v2: Agora AccessToken2 ("007") for Node.js, under the names
// npm agora-token's index uses for its 007 builders. (The package's main
// entry, `agoratoken`, keeps the 006 builders: requiring this subpath is
// what switches format, never a silent change.)
//
// Every reference builder is one line over the addon's one generic entry,
// `build007(index, appId, appCertificate, ...args)`, where `index` is the
// builder's row in token-core's recipe table: role privileges, defaults,
// range checks and packing all live in the core. The addon checks argument
// types too (TypeError naming the argument). Lifetimes are seconds from now.

const { native, wrongType, str, text, num, optional, fromTable } = require('./native.js');
const { ErrorCode, errorName, version } = require('./index.js');

const tables = native.tables007();

// ---- the reference builders --------------------------------------------------

/** The row index of a recipe, by its python3 name (as the builder007 vectors spell it). */
const INDEX = new Map(tables.recipes.map((r) => [r.name, r.index]));
function row(name) {
  const index = INDEX.get(name);
  if (index === undefined) throw new Error(`agoratoken: the addon has no 007 builder ${name}; rebuild it`);
  return index;
}
const RTC_UID = row('rtc.build_token_with_uid');
const RTC_ACCOUNT = row('rtc.build_token_with_user_account');
const RTC_UID_PRIVILEGE = row('rtc.build_token_with_uid_and_privilege');
const RTC_ACCOUNT_PRIVILEGE = row('rtc.build_token_with_user_account_and_privilege');
const RTC_RTM = row('rtc.build_token_with_rtm');
const RTC_RTM2 = row('rtc.build_token_with_rtm2');
const RTM = row('rtm.build_token');
const RTM_PERMISSIONS = row('rtm.build_token_with_permissions');
const CHAT_USER = row('chat.build_user_token');
const CHAT_APP = row('chat.build_app_token');
const FPA = row('fpa.build_token');
const APAAS_ROOM_USER = row('apaas.build_room_user_token');
const APAAS_USER = row('apaas.build_user_token');
const APAAS_APP = row('apaas.build_app_token');
const EDU_ROOM_USER = row('education.build_room_user_token');
const EDU_USER = row('education.build_user_token');
const EDU_APP = row('education.build_app_token');
const CONVOAI = row('convoai.build_token');
const STT = row('stt.build_token');

/** RTC roles: PUBLISHER (1) gets JoinChannel and the three publish privileges, SUBSCRIBER (2) JoinChannel only. */
const RtcRole = fromTable(tables.rtcRoles);

/**
 * The reference builders over one entry: `build` (strict: the documented
 * ranges and types), or, with `accepting`, the entry the
 * `agoratoken/agora-token` modules use, which also takes what npm's builders
 * accept when the token is right (token-core's rules: a numeric uid as
 * canonical decimal text, a fractional expiry truncated, a null RTC role
 * for join only).
 */
function builderSet(accepting) {
  class RtcTokenBuilder {
    static buildTokenWithUid(appId, appCertificate, channelName, uid, role, tokenExpire, privilegeExpire) {
      return (accepting ? buildAccepting : build)(RTC_UID, appId, appCertificate, channelName, uid, role, tokenExpire, privilegeExpire);
    }

    static buildTokenWithUserAccount(appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire) {
      return (accepting ? buildAccepting : build)(RTC_ACCOUNT, appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire);
    }

    static buildTokenWithUidAndPrivilege(appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire) {
      return (accepting ? buildAccepting : build)(RTC_UID_PRIVILEGE, appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    // Capital B, as npm agora-token spells it.
    static BuildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire) {
      return (accepting ? buildAccepting : build)(RTC_ACCOUNT_PRIVILEGE, appId, appCertificate, channelName, account, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    static buildTokenWithRtm(appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire) {
      return (accepting ? buildAccepting : build)(RTC_RTM, appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire);
    }

    static buildTokenWithRtm2(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire) {
      return (accepting ? buildAccepting : build)(RTC_RTM2, appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }
  }

  class RtmTokenBuilder {
    static buildToken(appId, appCertificate, userId, expire) {
      return (accepting ? buildAccepting : build)(RTM, appId, appCertificate, userId, expire);
    }

    /** `permissions`: an Rtm2Permissions, or `[[resourceType, permissionType, [resources]], ...]`. */
    static buildTokenWithPermissions(appId, appCertificate, userId, permissions, expire) {
      return (accepting ? buildAccepting : build)(RTM_PERMISSIONS, appId, appCertificate, userId, grants(permissions), expire);
    }
  }

  class ChatTokenBuilder {
    static buildUserToken(appId, appCertificate, userId, expire) {
      return (accepting ? buildAccepting : build)(CHAT_USER, appId, appCertificate, userId, expire);
    }

    static buildAppToken(appId, appCertificate, expire) {
      return (accepting ? buildAccepting : build)(CHAT_APP, appId, appCertificate, expire);
    }
  }

  class FpaTokenBuilder {
    static buildToken(appId, appCertificate) {
      return (accepting ? buildAccepting : build)(FPA, appId, appCertificate);
    }
  }

  /** APaaS and Education: the same three builders (the references share the code), each its own rows. */
  function classroomBuilders(roomUser, user, app) {
    return {
      buildRoomUserToken(appId, appCertificate, roomUuid, userUuid, role, expire) {
        return (accepting ? buildAccepting : build)(roomUser, appId, appCertificate, roomUuid, userUuid, role, expire);
      },
      buildUserToken(appId, appCertificate, userUuid, expire) {
        return (accepting ? buildAccepting : build)(user, appId, appCertificate, userUuid, expire);
      },
      buildAppToken(appId, appCertificate, expire) {
        return (accepting ? buildAccepting : build)(app, appId, appCertificate, expire);
      },
    };
  }

  class ApaasTokenBuilder {}
  Object.assign(ApaasTokenBuilder, classroomBuilders(APAAS_ROOM_USER, APAAS_USER, APAAS_APP));

  class EducationTokenBuilder {}
  Object.assign(EducationTokenBuilder, classroomBuilders(EDU_ROOM_USER, EDU_USER, EDU_APP));

  class ConvoAITokenBuilder {
    static buildToken(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire) {
      return (accepting ? buildAccepting : build)(CONVOAI, appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }
  }

  class SttTokenBuilder {
    static buildToken(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire) {
      return (accepting ? buildAccepting : build)(STT, appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }
  }

  return { RtcTokenBuilder, RtmTokenBuilder, ChatTokenBuilder, FpaTokenBuilder, ApaasTokenBuilder, EducationTokenBuilder, ConvoAITokenBuilder, SttTokenBuilder };
}

// The entry every strict builder calls; `pinned()` swaps it for the pinned one.
let build = native.build007;
const buildAccepting = native.build007Accepting;

const {
  RtcTokenBuilder, RtmTokenBuilder, ChatTokenBuilder, FpaTokenBuilder, ApaasTokenBuilder, EducationTokenBuilder, ConvoAITokenBuilder, SttTokenBuilder,
} = builderSet(false);

/** Every builder of the core's recipe table under its python3 name (`builders['rtc.build_token_with_uid']`). */
const builders = Object.freeze({
  'rtc.build_token_with_uid': RtcTokenBuilder.buildTokenWithUid,
  'rtc.build_token_with_user_account': RtcTokenBuilder.buildTokenWithUserAccount,
  'rtc.build_token_with_uid_and_privilege': RtcTokenBuilder.buildTokenWithUidAndPrivilege,
  'rtc.build_token_with_user_account_and_privilege': RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege,
  'rtc.build_token_with_rtm': RtcTokenBuilder.buildTokenWithRtm,
  'rtc.build_token_with_rtm2': RtcTokenBuilder.buildTokenWithRtm2,
  'rtm.build_token': RtmTokenBuilder.buildToken,
  'rtm.build_token_with_permissions': RtmTokenBuilder.buildTokenWithPermissions,
  'chat.build_user_token': ChatTokenBuilder.buildUserToken,
  'chat.build_app_token': ChatTokenBuilder.buildAppToken,
  'fpa.build_token': FpaTokenBuilder.buildToken,
  'apaas.build_room_user_token': ApaasTokenBuilder.buildRoomUserToken,
  'apaas.build_user_token': ApaasTokenBuilder.buildUserToken,
  'apaas.build_app_token': ApaasTokenBuilder.buildAppToken,
  'education.build_room_user_token': EducationTokenBuilder.buildRoomUserToken,
  'education.build_user_token': EducationTokenBuilder.buildUserToken,
  'education.build_app_token': EducationTokenBuilder.buildAppToken,
  'convoai.build_token': ConvoAITokenBuilder.buildToken,
  'stt.build_token': SttTokenBuilder.buildToken,
});

/** The core's recipe table: `[{ index, name, params: [{ name, kind, default }] }]` (python3 names). */
const recipes = Object.freeze(tables.recipes.map((r) => Object.freeze({ ...r, params: Object.freeze(r.params.map(Object.freeze)) })));

/**
 * Test hook: runs `fn` with every builder's issue_ts and salt pinned (null:
 * drawn as usual), as the builder007 vectors need. Tokens are otherwise
 * made at the current second with a fresh CSPRNG salt.
 */
function pinned(issueTs, salt, fn) {
  const saved = build;
  build = (index, ...args) => native.build007Pinned(index, issueTs, salt, ...args);
  try {
    return fn();
  } finally {
    build = saved;
  }
}

// ---- RTM2 permissions, services and AccessToken2 (a token as data) ----------

/** RTM2 grants, shaped like npm agora-token's `Rtm2Permissions`. */
class Rtm2Permissions {
  constructor() {
    /** `{ [resourceType]: { [permissionType]: resources } }` */
    this.details = {};
  }

  /** Adds or replaces the resources of a (resource type, permission type) pair. */
  add(resourceType, permissionType, resources) {
    num(resourceType, 'resourceType');
    num(permissionType, 'permissionType');
    if (resources === null || typeof resources !== 'object' || !(Symbol.iterator in resources)) {
      throw wrongType('resources', 'an array of strings', resources);
    }
    (this.details[resourceType] ??= {})[permissionType] = Array.from(resources);
  }

  /** `[[resourceType, permissionType, [resources]], ...]` */
  toArray() {
    return Object.entries(this.details).flatMap(([resourceType, byPermission]) =>
      Object.entries(byPermission).map(([permissionType, resources]) => [Number(resourceType), Number(permissionType), resources]));
  }
}
Object.assign(Rtm2Permissions, fromTable(tables.rtm2Resources), fromTable(tables.rtm2Permissions));

/** RTM2 grants as the addon takes them: `[[resourceType, permissionType, [resources]], ...]`. */
function grants(permissions, name = 'permissions') {
  // Also npm agora-token's own Rtm2Permissions (same `details` shape).
  const isGrantSet = permissions instanceof Rtm2Permissions || (permissions?.details !== undefined && !Array.isArray(permissions));
  const list = isGrantSet ? Rtm2Permissions.prototype.toArray.call(permissions) : permissions;
  if (!Array.isArray(list)) return permissions; // the addon throws the TypeError
  return list.map((grant, i) => {
    const at = `${name}[${i}]`;
    if (!Array.isArray(grant) || grant.length !== 3) throw wrongType(at, 'a [resourceType, permissionType, [resources]] triple', grant);
    if (!Array.isArray(grant[2])) throw wrongType(`${at}[2]`, 'an array of strings', grant[2]);
    return [num(grant[0], `${at}[0]`), num(grant[1], `${at}[1]`), grant[2].map((r, j) => text(r, `${at}[2][${j}]`))];
  });
}

const TYPE = fromTable(tables.services.map((s) => ({ name: s.className, value: s.type })));

/**
 * A service of a token: its type and privileges (`[id, seconds after
 * issueTs]`). A bare `new Service(type)` of a type outside 1..10 (npm's
 * `new Service(999)`, one Agora may add later) is built as its type and
 * privileges, the layout every service starts with; the documented types
 * have their classes (ServiceRtc, ...).
 */
class Service {
  constructor(type) {
    this.type = type;
    /** privilege id -> seconds after issueTs (0: no limit of its own) */
    this.privileges = new Map();
  }

  service_type() {
    return this.type;
  }

  /** Adds or replaces a privilege (seconds after issueTs). */
  add_privilege(privilege, expire) {
    this.privileges.set(privilege, expire);
  }

  /** The data form `buildToken` takes. */
  toData() {
    return { type: this.type, privileges: [...this.privileges] };
  }
}

/** RTC, Streaming, FCDN: a channel and a user (a numeric uid, or a string account). */
class ChannelService extends Service {
  constructor(type, channelName, uid) {
    super(type);
    this.channelName = channelName;
    this.uid = uid;
  }

  toData() {
    const user = typeof this.uid === 'string' ? { userAccount: this.uid } : { uid: this.uid };
    return { ...super.toData(), channelName: this.channelName, ...user };
  }

  static fromParsed(p) {
    return new this(p.channelName, p.account === '' ? 0 : p.account);
  }
}

class ServiceRtc extends ChannelService {
  constructor(channelName, uid) {
    super(TYPE.ServiceRtc, channelName, uid);
  }
}

class ServiceStreaming extends ChannelService {
  constructor(channelName, account) {
    super(TYPE.ServiceStreaming, channelName, account);
  }
}

class ServiceFCdn extends ChannelService {
  constructor(channelName, account) {
    super(TYPE.ServiceFCdn, channelName, account);
  }
}

/** RTM and Chat: a user id (Chat: empty for an app token). */
class UserService extends Service {
  constructor(type, userId) {
    super(type);
    this.userId = userId ?? '';
  }

  toData() {
    return { ...super.toData(), userId: this.userId };
  }

  static fromParsed(p) {
    return new this(p.userId);
  }
}

class ServiceRtm extends UserService {
  constructor(userId) {
    super(TYPE.ServiceRtm, userId);
  }
}

class ServiceChat extends UserService {
  constructor(userId) {
    super(TYPE.ServiceChat, userId);
  }
}

class ServiceRtm2 extends UserService {
  constructor(userId, permissions) {
    super(TYPE.ServiceRtm2, userId);
    this.permissions = permissions ?? new Rtm2Permissions();
  }

  toData() {
    return { ...super.toData(), permissions: grants(this.permissions, 'permissions') };
  }

  static fromParsed(p) {
    const permissions = new Rtm2Permissions();
    for (const [resourceType, permissionType, resources] of p.permissions) permissions.add(resourceType, permissionType, resources);
    return new this(p.userId, permissions);
  }
}

class ServiceApaas extends Service {
  constructor(roomUuid, userUuid, role) {
    super(TYPE.ServiceApaas);
    this.roomUuid = roomUuid ?? '';
    this.userUuid = userUuid ?? '';
    this.role = role;
  }

  toData() {
    return { ...super.toData(), roomUuid: this.roomUuid, userUuid: this.userUuid, role: this.role };
  }

  static fromParsed(p) {
    return new this(p.roomUuid, p.userUuid, p.role);
  }
}

/** FPA, ConvoAI and STT carry no field. */
class EmptyService extends Service {
  static fromParsed() {
    return new this();
  }
}

class ServiceFpa extends EmptyService {
  constructor() {
    super(TYPE.ServiceFpa);
  }
}

class ServiceConvoAI extends EmptyService {
  constructor() {
    super(TYPE.ServiceConvoAI);
  }
}

class ServiceStt extends EmptyService {
  constructor() {
    super(TYPE.ServiceStt);
  }
}

const SERVICES = {
  ServiceRtc, ServiceRtm, ServiceStreaming, ServiceFpa, ServiceChat, ServiceFCdn, ServiceApaas, ServiceRtm2, ServiceConvoAI, ServiceStt,
};
// The privilege ids under the core's reference names (ServiceRtc.kPrivilegeJoinChannel = 1, ...);
// APaaS also under npm's (ServiceApaas.PRIVILEGE_ROOM_USER = 1, ...).
const screaming = (name) => name.slice(1).replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
for (const s of tables.services) {
  const cls = SERVICES[s.className];
  if (cls === undefined) throw new Error(`agoratoken: no class for service ${s.className}; update v2.js`);
  Object.assign(cls, fromTable(s.privileges));
  if (cls === ServiceApaas) Object.assign(cls, fromTable(s.privileges, screaming));
}
// The service type numbers under npm's names.
const kRtcServiceType = TYPE.ServiceRtc;
const kRtmServiceType = TYPE.ServiceRtm;
const kStreamingServiceType = TYPE.ServiceStreaming;
const kFpaServiceType = TYPE.ServiceFpa;
const kChatServiceType = TYPE.ServiceChat;
const kFCdnServiceType = TYPE.ServiceFCdn;
const kApaasServiceType = TYPE.ServiceApaas;
const kRtm2ServiceType = TYPE.ServiceRtm2;
const kConvoAIServiceType = TYPE.ServiceConvoAI;
const kSttServiceType = TYPE.ServiceStt;

/**
 * A token described as data, shaped like npm agora-token's `AccessToken2`.
 * `issueTs` (Unix seconds) and `salt` are drawn at each build while null
 * (as npm, a constructor issueTs of 0 means now; set the field for 0).
 * `expire` and every privilege value are seconds after issueTs.
 */
class AccessToken2 {
  #appCertificate;
  #read = null; // from_string: the token text and its issue_ts

  constructor(appId, appCertificate, issueTs, expire) {
    this.appId = appId;
    this.#appCertificate = appCertificate;
    this.issueTs = issueTs || null;
    this.expire = expire;
    this.salt = null;
    this.services = [];
  }

  /** Kept out of enumeration, JSON and console.log. */
  get appCertificate() {
    return this.#appCertificate;
  }

  set appCertificate(value) {
    this.#appCertificate = value;
  }

  /** Appends a service; several of one type keep their order. */
  add_service(service) {
    if (!(service instanceof Service)) throw wrongType('service', 'a Service (ServiceRtc, ServiceRtm, ...)', service);
    this.services.push(service);
  }

  /** The services of one type, in order. */
  getServices(serviceType) {
    return this.services.filter((s) => s.type === serviceType);
  }

  /** Builds the token; throws (code = category) on invalid input, where npm returns "". */
  build() {
    return buildToken(this.toData());
  }

  /**
   * The token as `buildToken` takes it: the documented services under
   * `services`, bare `Service`s (a type outside 1..10) under `otherServices`.
   */
  toData() {
    const bare = (s) => s instanceof Service && !(s instanceof ChannelService || s instanceof UserService || s instanceof ServiceApaas || s instanceof EmptyService);
    return {
      appId: this.appId,
      appCertificate: this.#appCertificate,
      issueTs: this.issueTs,
      expire: this.expire,
      salt: this.salt,
      services: this.services.filter((s) => !bare(s)).map((s) => (s instanceof Service ? s.toData() : s)),
      otherServices: this.services.filter(bare).map((s) => ({ type: s.type, privileges: [...s.privileges] })),
    };
  }

  /**
   * Reads a token into this object: true, or false when it is malformed
   * (`parse` says why). As npm's, reading stops at a service type outside
   * 1..10 and keeps the services before it; `verifySignature` still covers
   * the whole token.
   */
  from_string(originToken) {
    let t;
    try {
      t = native.parse007Lenient(str(originToken, 'token'));
    } catch {
      this.#read = null;
      return false;
    }
    Object.assign(this, { appId: t.appId, issueTs: t.issueTs, expire: t.expire, salt: t.salt });
    this.services = t.services.map((p) => SERVICES[p.className].fromParsed(p));
    for (const [service, p] of this.services.map((s, i) => [s, t.services[i]])) {
      for (const [id, value] of p.privileges) service.add_privilege(id, value);
    }
    this.#read = { token: originToken, issueTs: t.issueTs };
    return true;
  }

  /** Whether the token read by `from_string` was signed with this certificate (expiry not checked). */
  verifySignature(appCertificate) {
    if (this.#read === null) return false;
    const { token, issueTs } = this.#read;
    return native.verify007Lenient(token, str(appCertificate, 'appCertificate'), { now: issueTs }) === 'ok';
  }
}

/** Checks the data form's types and shapes it for the addon (which checks every value). */
function serviceData(s, i) {
  const at = `services[${i}]`;
  if (s === null || typeof s !== 'object') throw wrongType(at, 'an object', s);
  if (!Array.isArray(s.privileges)) throw wrongType(`${at}.privileges`, 'an array of [id, expire] pairs', s.privileges);
  const privileges = s.privileges.map((p, j) => {
    if (!Array.isArray(p) || p.length !== 2) throw wrongType(`${at}.privileges[${j}]`, 'an [id, expire] pair', p);
    return [num(p[0], `${at}.privileges[${j}][0]`), num(p[1], `${at}.privileges[${j}][1]`)];
  });
  return {
    type: num(s.type, `${at}.type`),
    privileges,
    channelName: optional(str, s.channelName, `${at}.channelName`),
    uid: optional(num, s.uid, `${at}.uid`),
    userAccount: optional(str, s.userAccount, `${at}.userAccount`),
    userId: optional(text, s.userId, `${at}.userId`),
    roomUuid: optional(text, s.roomUuid, `${at}.roomUuid`),
    userUuid: optional(text, s.userUuid, `${at}.userUuid`),
    role: optional(num, s.role, `${at}.role`),
    permissions: optional(grants, s.permissions, `${at}.permissions`),
  };
}

/** A service of a type outside 1..10 in the data form: `{ type, privileges }` only. */
function otherServiceData(s, i) {
  const at = `otherServices[${i}]`;
  if (s === null || typeof s !== 'object') throw wrongType(at, 'an object', s);
  if (!Array.isArray(s.privileges)) throw wrongType(`${at}.privileges`, 'an array of [id, value] pairs', s.privileges);
  const privileges = s.privileges.map((p, j) => {
    if (!Array.isArray(p) || p.length !== 2) throw wrongType(`${at}.privileges[${j}]`, 'an [id, value] pair', p);
    return [num(p[0], `${at}.privileges[${j}][0]`), num(p[1], `${at}.privileges[${j}][1]`)];
  });
  return { type: num(s.type, `${at}.type`), privileges };
}

/**
 * Builds a token from data: `{ appId, appCertificate, issueTs?, expire, salt?,
 * services: [{ type, privileges: [[id, expire]], ...fields }],
 * otherServices?: [{ type, privileges }] }` (`otherServices`: types outside
 * 1..10, packed as type and privileges, sorted among the others by type).
 */
function buildToken(token) {
  if (token === null || typeof token !== 'object') throw wrongType('token', 'an object', token);
  if (!Array.isArray(token.services)) throw wrongType('services', 'an array', token.services);
  const others = token.otherServices ?? [];
  if (!Array.isArray(others)) throw wrongType('otherServices', 'an array', token.otherServices);
  return native.buildToken007(
    str(token.appId, 'appId'),
    str(token.appCertificate, 'appCertificate'),
    optional(num, token.issueTs, 'issueTs'),
    num(token.expire, 'expire'),
    optional(num, token.salt, 'salt'),
    token.services.map(serviceData),
    others.map(otherServiceData),
  );
}

// ---- reading -----------------------------------------------------------------

/** Every field of a 007 token; throws with the core's category and diagnosis when it is malformed. */
function parse(token) {
  return native.parse007(str(token, 'token'));
}

/** A token of either format: `{ format: '006' | '007', ...the fields of parse (006) or parse (007) }`. */
function parseAny(token) {
  const t = native.parseAny(str(token, 'token'));
  return { format: t.format, ...(t.format === '006' ? t.v006 : t.v007) };
}

/**
 * A numeric uid given as text (a query string's `uid`): canonical decimal
 * only, `"0"` or digits without a leading zero, at most 4294967295
 * (token-core's `uid_from_decimal`). Anything else throws code `uid`:
 * `"007"` is not uid 7 but may be a user account (pass it to an account
 * builder), `"4294967296"` is beyond 32 bits.
 */
function uidFromDecimal(text) {
  return native.uidFromDecimal(str(text, 'uid'));
}

/**
 * Verifies a 007 token: "ok" or the first failing check. Without
 * `expected.channelName`/`uid` and `rtmUserId`, only the signature and the
 * expiry are checked. `expected.now` is Unix seconds (not milliseconds).
 */
function verify(token, appCertificate, expected) {
  const e = expected ?? {};
  if (typeof e !== 'object') throw wrongType('expected', 'an object', expected);
  const data = {
    appId: optional(str, e.appId, 'expected.appId'),
    now: optional(num, e.now, 'expected.now'),
    rtmUserId: optional(str, e.rtmUserId, 'expected.rtmUserId'),
  };
  if ((e.channelName ?? e.uid ?? null) !== null) {
    data.channelName = str(e.channelName, 'expected.channelName');
    if (typeof e.uid === 'string') data.account = e.uid;
    else if (typeof e.uid === 'number' || typeof e.uid === 'bigint') data.uid = Number(e.uid);
    else throw wrongType('expected.uid', 'a number (uid) or a string (user account)', e.uid);
  }
  return native.verify007(str(token, 'token'), str(appCertificate, 'appCertificate'), data);
}

// For agora.js (the agoratoken/agora-token modules) only: the builders over the accepting entry.
const ACCEPTING = Symbol.for('agoratoken.v2.acceptingBuilders');

// Every name written out, so that Node's ESM loader sees them all (v2.mjs re-exports this object).
module.exports = {
  RtcTokenBuilder,
  RtcRole,
  RtmTokenBuilder,
  ChatTokenBuilder,
  FpaTokenBuilder,
  ApaasTokenBuilder,
  EducationTokenBuilder,
  ConvoAITokenBuilder,
  SttTokenBuilder,
  Rtm2Permissions,
  AccessToken2,
  Service,
  ServiceRtc,
  ServiceRtm,
  ServiceStreaming,
  ServiceFpa,
  ServiceChat,
  ServiceFCdn,
  ServiceApaas,
  ServiceRtm2,
  ServiceConvoAI,
  ServiceStt,
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
  buildToken,
  parse,
  parseAny,
  verify,
  uidFromDecimal,
  builders,
  recipes,
  pinned,
  ErrorCode,
  errorName,
  version,
};
Object.defineProperty(module.exports, ACCEPTING, { value: Object.freeze(builderSet(true)) });

package io.agora.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * AccessToken2 ("007"), the format Agora issues today for every service, as data: an app id and
 * certificate, issue_ts, expire, salt and services, with the names of Agora's Java class
 * ({@link #addService}, {@link #build}, {@link #parse}, {@link #verifySignature}, {@link
 * #getServices}, the {@code Service*} classes and {@code Privilege*} enums).
 *
 * <pre>{@code
 * AccessToken2 t = new AccessToken2(appId, appCertificate, 3600);   // the token lives 3600 s
 * AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("room-1", 42);
 * rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 3600);
 * t.addService(rtc);
 * String token = t.build();
 * }</pre>
 *
 * <p><b>Units.</b> {@code expire} and every privilege value are <b>seconds after issue_ts</b> (not
 * Unix times, as in 006); the token is valid until {@code issueTs + expire}. A privilege value of 0
 * has no limit of its own; the token's expire bounds every privilege. issue_ts (Unix seconds)
 * defaults to now and the salt to a fresh CSPRNG value in 1..99999999, both drawn at each
 * {@link #build()} unless set. An {@code int} is read as its 32 unsigned bits (as Agora's Java
 * writes it); a {@code long} must be in 0..2^32-1.
 *
 * <p><b>Errors.</b> {@link #build()} throws {@link AgoraTokenException} naming the first field
 * that breaks token-core's rules (the {@code invalid007} categories: {@code app_id}, {@code
 * no_service}, {@code privilege}, {@code channel_name}, {@code user_id}, {@code permission},
 * {@code expire}, ...). Where Agora's builders return {@code ""} instead, wrap the call in
 * {@link #orEmpty}. The certificate never appears in a message or in {@link #toString()}.
 *
 * <p>Services are packed sorted by type; several of one type keep the order added. Reading back:
 * {@link #parseToken} (an immutable {@link ParsedToken2}) or {@link #parse} (fills this object);
 * checking: {@link #verify}. Not thread-safe (a value, like Agora's class); the static methods are.
 */
public class AccessToken2 {
    public static final short SERVICE_TYPE_RTC = 1;
    public static final short SERVICE_TYPE_RTM = 2;
    public static final short SERVICE_TYPE_STREAMING = 3;
    public static final short SERVICE_TYPE_FPA = 4;
    public static final short SERVICE_TYPE_CHAT = 5;
    public static final short SERVICE_TYPE_FCDN = 6;
    public static final short SERVICE_TYPE_APAAS = 7;
    public static final short SERVICE_TYPE_RTM2 = 8;
    public static final short SERVICE_TYPE_CONVOAI = 9;
    public static final short SERVICE_TYPE_STT = 10;

    /**
     * A privilege of one service type. Its wire id is its position in its enum, from 1 (the ids of
     * every service are 1..n; the tests check each enum against token-core's table).
     */
    public interface Privilege {
        /** The wire id within its service. */
        default short id() {
            return (short) (((Enum<?>) this).ordinal() + 1);
        }
    }

    /** RTC (1) privileges. */
    public enum PrivilegeRtc implements Privilege {
        PRIVILEGE_JOIN_CHANNEL, PRIVILEGE_PUBLISH_AUDIO_STREAM, PRIVILEGE_PUBLISH_VIDEO_STREAM, PRIVILEGE_PUBLISH_DATA_STREAM
    }

    /** RTM (2) and RTM2 (8) privileges. */
    public enum PrivilegeRtm implements Privilege {
        PRIVILEGE_LOGIN
    }

    /** Streaming (3) privileges. */
    public enum PrivilegeStreaming implements Privilege {
        PRIVILEGE_PUBLISH_MIX_STREAM, PRIVILEGE_PUBLISH_RAW_STREAM
    }

    /** FPA (4) privileges. */
    public enum PrivilegeFpa implements Privilege {
        PRIVILEGE_LOGIN
    }

    /** Chat (5) privileges. */
    public enum PrivilegeChat implements Privilege {
        PRIVILEGE_CHAT_USER, PRIVILEGE_CHAT_APP
    }

    /** FCDN (6) privileges. */
    public enum PrivilegeFcdn implements Privilege {
        PRIVILEGE_PUBLISH, PRIVILEGE_PLAY
    }

    /** APaaS / Education (7) privileges. */
    public enum PrivilegeApaas implements Privilege {
        PRIVILEGE_ROOM_USER, PRIVILEGE_USER, PRIVILEGE_APP
    }

    /** The privileges documented for a service type (empty for ConvoAI, STT and unknown types). */
    static Privilege[] privilegesOf(int serviceType) {
        switch (serviceType) {
            case SERVICE_TYPE_RTC: return PrivilegeRtc.values();
            case SERVICE_TYPE_RTM: case SERVICE_TYPE_RTM2: return PrivilegeRtm.values();
            case SERVICE_TYPE_STREAMING: return PrivilegeStreaming.values();
            case SERVICE_TYPE_FPA: return PrivilegeFpa.values();
            case SERVICE_TYPE_CHAT: return PrivilegeChat.values();
            case SERVICE_TYPE_FCDN: return PrivilegeFcdn.values();
            case SERVICE_TYPE_APAAS: return PrivilegeApaas.values();
            default: return new Privilege[0];
        }
    }

    /**
     * One RTM2 grant: a resource type (0..4, {@link #MESSAGE_CHANNELS} ...), a permission type
     * ({@link #READ} or {@link #WRITE}) and its resources, in order. Ranges are checked when the
     * token is built (category {@code permission}).
     */
    public record Permission(int resourceType, int permissionType, List<String> resources) {
        public static final int MESSAGE_CHANNELS = 0;
        public static final int STREAM_CHANNELS = 1;
        public static final int GROUP_CHANNELS = 2;
        public static final int SERVER_GROUPS = 3;
        public static final int USERS = 4;
        public static final int READ = 0;
        public static final int WRITE = 1;

        /** Copies {@code resources} (null: {@code null_argument}). */
        public Permission {
            if (resources == null) {
                throw Native.nullArgument("resources");
            }
            resources = Collections.unmodifiableList(new ArrayList<>(resources));
        }

        /** A grant of these resources. */
        public Permission(int resourceType, int permissionType, String... resources) {
            this(resourceType, permissionType, resources == null ? null : Arrays.asList(resources));
        }
    }

    /**
     * One service of a token: its type, privileges (id and seconds after issue_ts) and fields.
     * Which fields a type uses and every check on them are token-core's ({@code RawService}),
     * applied at {@link AccessToken2#build()}: an id not documented for the type, or one given
     * twice, is refused there (category {@code privilege}).
     */
    public abstract static class Service {
        final int type;
        /** {@code {id, expire}} pairs, in the order added (a parsed token's: token order). */
        final List<long[]> privileges = new ArrayList<>();
        String channelName;
        String account;
        String userId;
        String roomUuid;
        String userUuid;
        long uid = Native.NONE;
        long role = Native.NONE;
        final List<Permission> permissions = new ArrayList<>();

        Service(int type) {
            this.type = type;
        }

        /** A service of this type with no fields set, for the native parse. */
        static Service ofType(int type) {
            switch (type) {
                case SERVICE_TYPE_RTC: return new ServiceRtc();
                case SERVICE_TYPE_RTM: return new ServiceRtm();
                case SERVICE_TYPE_STREAMING: return new ServiceStreaming();
                case SERVICE_TYPE_FPA: return new ServiceFpa();
                case SERVICE_TYPE_CHAT: return new ServiceChat();
                case SERVICE_TYPE_FCDN: return new ServiceFCdn();
                case SERVICE_TYPE_APAAS: return new ServiceApaas();
                case SERVICE_TYPE_RTM2: return new ServiceRtm2();
                case SERVICE_TYPE_CONVOAI: return new ServiceConvoAI();
                case SERVICE_TYPE_STT: return new ServiceStt();
                default: throw new IllegalStateException("agoratoken: the library read service type " + type);
            }
        }

        /** The service type (1..10). */
        public short getServiceType() {
            return (short) type;
        }

        /** Privilege id to seconds after issue_ts, in the order added (a parsed token's: token order); a snapshot. */
        public Map<Integer, Long> getPrivileges() {
            Map<Integer, Long> map = new LinkedHashMap<>();
            for (long[] p : privileges) {
                map.put((int) p[0], p[1]);
            }
            return Collections.unmodifiableMap(map);
        }

        /**
         * Grants privilege {@code privilegeId} for {@code expire} seconds after issue_ts: any id
         * and value, checked at build (the type's documented ids, 0..2^32-1).
         */
        public void addPrivilege(int privilegeId, long expire) {
            privileges.add(new long[] {privilegeId, expire});
        }

        /** Grants a privilege for {@code expire} seconds after issue_ts (0: no limit of its own); int read unsigned. */
        public void addPrivilege(Privilege privilege, int expire) {
            addPrivilege(privilege, Integer.toUnsignedLong(expire));
        }

        /** As {@link #addPrivilege(Privilege, int)}; {@code expire} in 0..2^32-1 (else {@code expire_ts} at build). */
        public void addPrivilege(Privilege privilege, long expire) {
            if (privilege == null) {
                throw Native.nullArgument("privilege");
            }
            addPrivilege(privilege.id(), expire);
        }

        /** Agora's name: {@link #addPrivilege(Privilege, int)} for an RTC privilege. */
        public void addPrivilegeRtc(PrivilegeRtc privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege(Privilege, int)} for an RTM or RTM2 privilege. */
        public void addPrivilegeRtm(PrivilegeRtm privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege(Privilege, int)} for an FPA privilege. */
        public void addPrivilegeFpa(PrivilegeFpa privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege(Privilege, int)} for a Chat privilege. */
        public void addPrivilegeChat(PrivilegeChat privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege(Privilege, int)} for an APaaS privilege. */
        public void addPrivilegeApaas(PrivilegeApaas privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** The user string of a channel service: an account as it is, a uid in decimal, {@code ""} for uid 0. */
        String userString() {
            if (account != null) {
                return account;
            }
            return uid == 0 ? "" : uid == Native.NONE ? null : Long.toString(uid);
        }

        /** The fields, for {@link #toString()}. */
        abstract String fields();

        /** e.g. {@code ServiceRtc[channelName=room-1, uid=42, privileges={PRIVILEGE_JOIN_CHANNEL=3600}]}. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('[').append(fields());
            s.append(s.charAt(s.length() - 1) == '[' ? "" : ", ").append("privileges={");
            String sep = "";
            for (long[] e : privileges) {
                String name = Long.toString(e[0]);
                for (Privilege p : privilegesOf(type)) {
                    name = p.id() == e[0] ? ((Enum<?>) p).name() : name;
                }
                s.append(sep).append(name).append('=').append(e[1]);
                sep = ", ";
            }
            return s.append("}]").toString();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Service) || o.getClass() != getClass()) {
                return false;
            }
            Service t = (Service) o;
            return type == t.type && getPrivileges().equals(t.getPrivileges()) && privileges.size() == t.privileges.size() && Objects.equals(channelName, t.channelName)
                    && Objects.equals(userString(), t.userString()) && Objects.equals(userId, t.userId)
                    && Objects.equals(roomUuid, t.roomUuid) && Objects.equals(userUuid, t.userUuid) && role == t.role
                    && permissions.equals(t.permissions);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, getPrivileges(), channelName, userString(), userId, roomUuid, userUuid, role);
        }
    }

    /** A service with a channel name and a user (RTC, Streaming, FCDN). */
    abstract static class ChannelService extends Service {
        ChannelService(int type) {
            super(type);
        }

        ChannelService(int type, String channelName, String account) {
            super(type);
            this.channelName = channelName;
            this.account = account;
        }

        ChannelService(int type, String channelName, long uid) {
            super(type);
            this.channelName = channelName;
            this.uid = uid;
        }

        public String getChannelName() {
            return channelName;
        }

        /** The user string the token carries: the account, the uid in decimal, or {@code ""} for uid 0. */
        public String getUid() {
            return userString();
        }

        @Override
        String fields() {
            return "channelName=" + channelName + ", uid=" + userString();
        }
    }

    /**
     * RTC (1): a channel name and a user: a user account (1..255 bytes; the account {@code "7"}
     * and uid 7 are the same user), or a numeric uid (int read unsigned; uid 0 admits any user).
     */
    public static class ServiceRtc extends ChannelService {
        public ServiceRtc() {
            super(SERVICE_TYPE_RTC);
        }

        public ServiceRtc(String channelName, String account) {
            super(SERVICE_TYPE_RTC, channelName, account);
        }

        public ServiceRtc(String channelName, int uid) {
            super(SERVICE_TYPE_RTC, channelName, Integer.toUnsignedLong(uid));
        }

        public ServiceRtc(String channelName, long uid) {
            super(SERVICE_TYPE_RTC, channelName, uid);
        }
    }

    /** Streaming (3): as {@link ServiceRtc}. */
    public static class ServiceStreaming extends ChannelService {
        public ServiceStreaming() {
            super(SERVICE_TYPE_STREAMING);
        }

        public ServiceStreaming(String channelName, String account) {
            super(SERVICE_TYPE_STREAMING, channelName, account);
        }

        public ServiceStreaming(String channelName, long uid) {
            super(SERVICE_TYPE_STREAMING, channelName, uid);
        }
    }

    /** FCDN (6): as {@link ServiceRtc}. */
    public static class ServiceFCdn extends ChannelService {
        public ServiceFCdn() {
            super(SERVICE_TYPE_FCDN);
        }

        public ServiceFCdn(String channelName, String account) {
            super(SERVICE_TYPE_FCDN, channelName, account);
        }

        public ServiceFCdn(String channelName, long uid) {
            super(SERVICE_TYPE_FCDN, channelName, uid);
        }
    }

    /** A service with a user id (RTM, Chat, RTM2). */
    abstract static class UserService extends Service {
        UserService(int type, String userId) {
            super(type);
            this.userId = userId;
        }

        public String getUserId() {
            return userId;
        }

        @Override
        String fields() {
            return "userId=" + userId;
        }
    }

    /** RTM (2): a user id (1..255 bytes). */
    public static class ServiceRtm extends UserService {
        public ServiceRtm() {
            this(null);
        }

        public ServiceRtm(String userId) {
            super(SERVICE_TYPE_RTM, userId);
        }
    }

    /** Chat (5): a user id (empty for an app token). */
    public static class ServiceChat extends UserService {
        public ServiceChat() {
            this("");
        }

        public ServiceChat(String userId) {
            super(SERVICE_TYPE_CHAT, userId);
        }
    }

    /** RTM2 (8): a user id and {@link Permission}s. */
    public static class ServiceRtm2 extends UserService {
        public ServiceRtm2() {
            this(null);
        }

        public ServiceRtm2(String userId) {
            super(SERVICE_TYPE_RTM2, userId);
        }

        /** Grants {@code permissionType} on {@code resources} of {@code resourceType}. */
        public void addPermission(int resourceType, int permissionType, String... resources) {
            addPermission(new Permission(resourceType, permissionType, resources));
        }

        public void addPermission(Permission permission) {
            if (permission == null) {
                throw Native.nullArgument("permission");
            }
            permissions.add(permission);
        }

        /** The grants, in the order added (a parsed token's: token order). */
        public List<Permission> getPermissions() {
            return Collections.unmodifiableList(permissions);
        }

        @Override
        String fields() {
            return super.fields() + ", permissions=" + permissions;
        }
    }

    /** APaaS / Education (7): a room uuid, a user uuid and a role (-32768..32767; -1 for user and app tokens). */
    public static class ServiceApaas extends Service {
        public ServiceApaas() {
            super(SERVICE_TYPE_APAAS);
        }

        /** {@code role} is an int so that any value reaches the core's range check (category {@code role}). */
        public ServiceApaas(String roomUuid, String userUuid, int role) {
            super(SERVICE_TYPE_APAAS);
            this.roomUuid = roomUuid;
            this.userUuid = userUuid;
            this.role = role;
        }

        public String getRoomUuid() {
            return roomUuid;
        }

        public String getUserUuid() {
            return userUuid;
        }

        public int getRole() {
            return (int) role;
        }

        @Override
        String fields() {
            return "roomUuid=" + roomUuid + ", userUuid=" + userUuid + ", role=" + role;
        }
    }

    /** A service without fields (FPA, ConvoAI, STT). */
    abstract static class EmptyService extends Service {
        EmptyService(int type) {
            super(type);
        }

        @Override
        String fields() {
            return "";
        }
    }

    /** FPA (4): no fields. */
    public static class ServiceFpa extends EmptyService {
        public ServiceFpa() {
            super(SERVICE_TYPE_FPA);
        }
    }

    /** ConvoAI (9, npm agora-token 2.0.6): no fields, no privileges. */
    public static class ServiceConvoAI extends EmptyService {
        public ServiceConvoAI() {
            super(SERVICE_TYPE_CONVOAI);
        }
    }

    /** Speech-to-text (10, npm agora-token 2.0.6): no fields, no privileges. */
    public static class ServiceStt extends EmptyService {
        public ServiceStt() {
            super(SERVICE_TYPE_STT);
        }
    }

    private String appId;
    private String appCertificate;
    private long expire;
    private long issueTs = Native.NONE;
    private long salt = Native.NONE;
    private final List<Service> services = new ArrayList<>();
    /** The token {@link #parse} read, for {@link #verifySignature}. */
    private String parsedToken;

    /** An empty token, for {@link #parse}. */
    public AccessToken2() {}

    /** A token of an app that lives {@code expire} seconds after issue_ts (int read unsigned). */
    public AccessToken2(String appId, String appCertificate, int expire) {
        this(appId, appCertificate, Integer.toUnsignedLong(expire));
    }

    /** As {@link #AccessToken2(String, String, int)}; {@code expire} in 0..2^32-1 (else {@code expire} at build). */
    public AccessToken2(String appId, String appCertificate, long expire) {
        this.appId = appId;
        this.appCertificate = appCertificate;
        this.expire = expire;
    }

    /** Appends a service (services are packed sorted by type; one type keeps the order added). */
    public void addService(Service service) {
        if (service == null) {
            throw Native.nullArgument("service");
        }
        services.add(service);
    }

    /** The services, in the order added or read. */
    public List<Service> getServices() {
        return Collections.unmodifiableList(services);
    }

    public String getAppId() {
        return appId;
    }

    /** Seconds after issue_ts until the token expires. */
    public long getExpire() {
        return expire;
    }

    /** Fixes issue_ts (Unix seconds, 0..2^32-1, else {@code issue_ts} at build); tests and reproducible tokens. */
    public void setIssueTs(long issueTs) {
        this.issueTs = issueTs == Native.NONE ? -1 : issueTs;
    }

    /** issue_ts, or empty for "now, at each build". */
    public OptionalLong getIssueTs() {
        return issueTs == Native.NONE ? OptionalLong.empty() : OptionalLong.of(issueTs);
    }

    /** Fixes the salt (0..2^32-1, else {@code salt} at build); tests and reproducible tokens. */
    public void setSalt(long salt) {
        this.salt = salt == Native.NONE ? -1 : salt;
    }

    /** The salt, or empty for "a fresh CSPRNG salt at each build". */
    public OptionalLong getSalt() {
        return salt == Native.NONE ? OptionalLong.empty() : OptionalLong.of(salt);
    }

    /**
     * Builds the token: {@code "007"} and the base64 of the zlib-compressed content (stock zlib,
     * level 6: byte for byte Agora's python3, PHP, Java and C++ output). Throws {@link
     * AgoraTokenException} naming the first field token-core refuses (app id and certificate:
     * 32 hex digits; at least one service; each service's fields and privileges).
     */
    public String build() {
        Wire w = new Wire().add(expire).add(services.size());
        for (Service s : services) {
            w.service(s);
        }
        return token007(Native.DATA, appId, appCertificate, w, issueTs, salt);
    }

    /** The native build of {@code w}'s arguments with builder {@code recipe} (or {@link Native#DATA}). */
    static String token007(int recipe, String appId, String appCertificate, Wire w, long issueTs, long salt) {
        String[] strings = w.strings();
        long[] ints = w.ints();
        byte[] out = new byte[512];
        int n = Native.build007(recipe, appId, appCertificate, strings, ints, issueTs, salt, out);
        while (n < 0) { // a long token: again, with room to spare (another salt may compress longer)
            out = new byte[-n + 256];
            n = Native.build007(recipe, appId, appCertificate, strings, ints, issueTs, salt, out);
        }
        return new String(out, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Agora's {@code parse}: reads {@code token} into this object (app id, issue_ts, expire,
     * salt, services; the certificate is left as it is) and returns {@code true}, or returns
     * {@code false} and leaves the object unchanged when the token is not a well-formed 007
     * token. {@link #parseToken} says why instead.
     */
    public boolean parse(String token) {
        ParsedToken2 t;
        try {
            t = parseToken(token);
        } catch (AgoraTokenException e) {
            return false;
        }
        appId = t.getAppId();
        issueTs = t.getIssueTs();
        expire = t.getExpire();
        salt = t.getSalt();
        services.clear();
        services.addAll(t.getServices());
        parsedToken = token;
        return true;
    }

    /**
     * Whether the token {@link #parse} read is signed with {@code appCertificate} (expiry is not
     * checked: {@link #verify} checks both). Throws {@link IllegalStateException} when nothing
     * was parsed.
     */
    public boolean verifySignature(String appCertificate) {
        if (parsedToken == null) {
            throw new IllegalStateException("AccessToken2.verifySignature: parse a token first");
        }
        return ParsedToken2.signatureOk(parsedToken, appCertificate, issueTs);
    }

    /**
     * Reads every field of a 007 token, strictly, in token-core's order; throws {@link
     * AgoraTokenException} with the category of the first defect ({@code too_long}, {@code
     * version}, {@code base64}, {@code zlib}, {@code truncated}, {@code signature}, {@code
     * app_id}, {@code no_service}, {@code service}, {@code privilege}, {@code permission}, {@code
     * utf8}, {@code trailing}) and a diagnosis of a damaged token. Any valid zlib stream is read.
     */
    public static ParsedToken2 parseToken(String token) {
        return (ParsedToken2) Wire.parsed(Native.parse(Native.V007, token), token);
    }

    /**
     * Checks a 007 token's signature and expiry at {@code now} (Unix seconds): {@link
     * VerifyResult#OK}, {@code SIGNATURE_MISMATCH} or {@code EXPIRED} ({@code now > issueTs +
     * expire}). A malformed token or certificate throws; {@code now} outside 0..2^32-1 throws
     * category {@code now} (its message says when it looks like milliseconds).
     */
    public static VerifyResult verify(String token, String appCertificate, long now) {
        return VerifyResult.fromValue(Native.verify(Native.V007, token, null, appCertificate, null, null, 0, null, now));
    }

    /**
     * As {@link #verify(String, String, long)}, then an RTC check for a channel and numeric uid
     * (0..2^32-1): {@code SERVICE_MISSING}, {@code CHANNEL_MISMATCH}, {@code UID_MISMATCH}, {@code
     * PRIVILEGE_EXPIRED} (JoinChannel). An RTC service for uid 0 admits any uid.
     */
    public static VerifyResult verify(String token, String appCertificate, String channelName, long uid, long now) {
        if (channelName == null) {
            throw Native.nullArgument("channelName");
        }
        return VerifyResult.fromValue(
                Native.verify(Native.V007, token, null, appCertificate, channelName, null, uid, null, now));
    }

    /** As above; the int's 32 bits are read as an unsigned uid. */
    public static VerifyResult verify(String token, String appCertificate, String channelName, int uid, long now) {
        return verify(token, appCertificate, channelName, Integer.toUnsignedLong(uid), now);
    }

    /** As above, for a user account (uid N and account "N" are the same user). */
    public static VerifyResult verify(String token, String appCertificate, String channelName, String account,
            long now) {
        if (channelName == null || account == null) {
            throw Native.nullArgument(channelName == null ? "channelName" : "account");
        }
        return VerifyResult.fromValue(
                Native.verify(Native.V007, token, null, appCertificate, channelName, account, 0, null, now));
    }

    /**
     * As {@link #verify(String, String, long)}, then an RTM check for a user id: {@code
     * SERVICE_MISSING} (no RTM or RTM2 service), {@code UID_MISMATCH}, {@code PRIVILEGE_EXPIRED}
     * (Login).
     */
    public static VerifyResult verifyRtm(String token, String appCertificate, String userId, long now) {
        if (userId == null) {
            throw Native.nullArgument("userId");
        }
        return VerifyResult.fromValue(
                Native.verify(Native.V007, token, null, appCertificate, null, null, 0, userId, now));
    }

    /**
     * The references' convention: {@code ""} instead of an exception. Runs {@code build} and
     * returns its token, or {@code ""} when it throws {@link AgoraTokenException}, as Agora's
     * builders return {@code ""} for an invalid app id or certificate:
     * {@code AccessToken2.orEmpty(() -> builder.buildTokenWithUid(...))}.
     */
    public static String orEmpty(Supplier<String> build) {
        try {
            return build.get();
        } catch (AgoraTokenException e) {
            return "";
        }
    }

    /** e.g. {@code AccessToken2[appId=..., appCertificate=***, issueTs=now, expire=3600, salt=fresh, services=[...]]}. */
    @Override
    public String toString() {
        return "AccessToken2[appId=" + appId + ", appCertificate=" + (appCertificate == null ? null : "***")
                + ", issueTs=" + (issueTs == Native.NONE ? "now" : Long.toString(issueTs)) + ", expire=" + expire
                + ", salt=" + (salt == Native.NONE ? "fresh" : Long.toString(salt)) + ", services=" + services + "]";
    }
}

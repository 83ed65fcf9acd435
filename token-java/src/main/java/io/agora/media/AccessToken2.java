package io.agora.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * AccessToken2 ("007"), the format Agora issues today for every service: Agora's Java class
 * {@code io.agora.media.AccessToken2}, with its public fields ({@link #appId}, {@link #appCert},
 * {@link #expire}, {@link #issueTs}, {@link #salt}, {@link #services}), {@link #addService},
 * {@link #build}, {@link #parse}, {@link #verifySignature}, {@link #getServices(short)}, the
 * {@code Service*} classes and the {@code Privilege*} enums, over token-core (one native call
 * per build or read).
 *
 * <pre>{@code
 * AccessToken2 t = new AccessToken2(appId, appCertificate, 3600);   // the token lives 3600 s
 * AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("room-1", "42");   // or ("room-1", 42)
 * rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 3600);
 * t.addService(rtc);
 * String token = t.build();
 * }</pre>
 *
 * <p><b>Units.</b> {@code expire} and every privilege value are <b>seconds after issue_ts</b> (not
 * Unix times, as in 006); the token is valid until {@code issueTs + expire}. A privilege value of 0
 * has no limit of its own; the token's expire bounds every privilege. As in Agora's class, the
 * three-argument constructor draws issue_ts (now, Unix seconds) and the salt (a CSPRNG value in
 * 1..99999999), both from token-core, once: every build of one object gives the same token until
 * a field changes. Each {@code int} (fields, privilege values) is read as its 32 unsigned bits,
 * as Agora's Java writes it; the {@code long} setters and constructor take 0..2^32-1, checked by
 * the core at build.
 *
 * <p><b>Errors.</b> {@link #build()} returns {@code ""} where Agora's does (an app id or
 * certificate that is not 32 hex digits, no service: categories {@code app_id}, {@code
 * app_certificate}, {@code no_service}) and otherwise throws {@link AgoraTokenException} naming
 * the first field that breaks token-core's rules (a channel name with {@code /}, an empty user id,
 * a privilege id the service does not have, ...), where Agora's would build a token Agora's servers
 * reject. The certificate never appears in a message or in {@link #toString()}.
 *
 * <p>Services are packed sorted by type (unsigned); several of one type keep the order added. A
 * privilege map is a {@link TreeMap}, as Agora's: adding an id again replaces its value. Reading
 * back: {@link #parse} (fills this object, Agora's way) or {@link #parseToken} (an immutable
 * {@link ParsedToken2}, strict, throws the reason); checking: {@link #verify}. Not thread-safe (a
 * value, like Agora's class); the static methods are.
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

    /** A privilege of one service type: its wire id within the service ({@code intValue}). */
    public interface Privilege {
        /** The wire id within its service. */
        short id();
    }

    /** RTC (1) privileges. */
    public enum PrivilegeRtc implements Privilege {
        PRIVILEGE_JOIN_CHANNEL(1), PRIVILEGE_PUBLISH_AUDIO_STREAM(2), PRIVILEGE_PUBLISH_VIDEO_STREAM(3),
        PRIVILEGE_PUBLISH_DATA_STREAM(4);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeRtc(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** RTM (2) privileges. */
    public enum PrivilegeRtm implements Privilege {
        PRIVILEGE_LOGIN(1);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeRtm(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** Streaming (3) privileges. */
    public enum PrivilegeStreaming implements Privilege {
        PRIVILEGE_PUBLISH_MIX_STREAM(1), PRIVILEGE_PUBLISH_RAW_STREAM(2);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeStreaming(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** FPA (4) privileges. */
    public enum PrivilegeFpa implements Privilege {
        PRIVILEGE_LOGIN(1);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeFpa(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** Chat (5) privileges. */
    public enum PrivilegeChat implements Privilege {
        PRIVILEGE_CHAT_USER(1), PRIVILEGE_CHAT_APP(2);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeChat(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** FCDN (6) privileges (Agora's name; formerly {@code PrivilegeFcdn}, see CHANGELOG.md). */
    public enum PrivilegeFCdn implements Privilege {
        PRIVILEGE_PUBLISH(1), PRIVILEGE_PLAY(2);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeFCdn(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** APaaS / Education (7) privileges. */
    public enum PrivilegeApaas implements Privilege {
        PRIVILEGE_ROOM_USER(1), PRIVILEGE_USER(2), PRIVILEGE_APP(3);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeApaas(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** RTM2 (8) privileges. */
    public enum PrivilegeRtm2 implements Privilege {
        PRIVILEGE_LOGIN(1);

        /** The wire id (Agora's field). */
        public final short intValue;

        PrivilegeRtm2(int value) {
            intValue = (short) value;
        }

        @Override
        public short id() {
            return intValue;
        }
    }

    /** The privileges documented for a service type (empty for ConvoAI, STT and unknown types). */
    static Privilege[] privilegesOf(int serviceType) {
        switch (serviceType) {
            case SERVICE_TYPE_RTC: return PrivilegeRtc.values();
            case SERVICE_TYPE_RTM: return PrivilegeRtm.values();
            case SERVICE_TYPE_RTM2: return PrivilegeRtm2.values();
            case SERVICE_TYPE_STREAMING: return PrivilegeStreaming.values();
            case SERVICE_TYPE_FPA: return PrivilegeFpa.values();
            case SERVICE_TYPE_CHAT: return PrivilegeChat.values();
            case SERVICE_TYPE_FCDN: return PrivilegeFCdn.values();
            case SERVICE_TYPE_APAAS: return PrivilegeApaas.values();
            default: return new Privilege[0];
        }
    }

    /**
     * One RTM2 grant for the builders ({@link io.agora.rtm.RtmTokenBuilder2}, {@link Recipes}): a
     * resource type (0..4, {@link #MESSAGE_CHANNELS} ...), a permission type ({@link #READ} or
     * {@link #WRITE}) and its resources, in order. Ranges are checked when the token is built
     * (category {@code permission}). A service object holds its grants in {@link
     * ServiceRtm2.Permissions}, as Agora's.
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

    /** The user string of a numeric uid (int read unsigned): its decimal form, {@code ""} for 0 (any user). */
    public static String getUidStr(int uid) {
        return uidString(Integer.toUnsignedLong(uid));
    }

    static String uidString(long uid) {
        return uid == 0 ? "" : Long.toString(uid);
    }

    /** {@code "007"}. */
    public static String getVersion() {
        return "007";
    }

    /**
     * A service: its type and privileges (id to seconds after issue_ts), Agora's base class. An
     * instance of this class itself is packed as Agora's base class packs it (type, privileges)
     * and is meant for types without a class of their own (0, 11..65535, which readers skip);
     * token-core refuses it for a type that has one (1..10: category {@code service}), because a
     * service of a known type without its fields is a token no reader can read. Which fields each
     * subclass's type uses and every check on them are token-core's, applied at {@link
     * AccessToken2#build()}.
     */
    public static class Service {
        /** The service type (Agora's field; read unsigned). */
        public short type;
        /** Privilege id to seconds after issue_ts (Agora's field), sorted by id. */
        public TreeMap<Short, Integer> privileges = new TreeMap<>();
        /** A parsed service's {@code {id, expire}} pairs in token order (the conformance vectors compare it); else null. */
        List<long[]> privilegesAsRead;

        /** A service of type 0. */
        public Service() {}

        /** A service of this type. */
        public Service(short serviceType) {
            this.type = serviceType;
        }

        /** A service of this type with no fields set, for the native parse. */
        static Service ofType(int type) {
            Service s = forType(type);
            if (s == null) {
                throw new IllegalStateException("agoratoken: the library read service type " + type);
            }
            return s;
        }

        static Service forType(int type) {
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
                default: return null;
            }
        }

        /** The service type. */
        public short getServiceType() {
            return type;
        }

        /** The privilege map itself (Agora's: changes to it change the service). */
        public TreeMap<Short, Integer> getPrivileges() {
            return privileges;
        }

        /** Grants {@code privilege} for {@code expire} seconds after issue_ts (0: no limit of its own; int read unsigned); again replaces. */
        public void addPrivilege(Privilege privilege, int expire) {
            if (privilege == null) {
                throw Native.nullArgument("privilege");
            }
            privileges.put(privilege.id(), expire);
        }

        /** Agora's name: {@link #addPrivilege} for an RTC privilege. */
        public void addPrivilegeRtc(PrivilegeRtc privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for an RTM privilege. */
        public void addPrivilegeRtm(PrivilegeRtm privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for a Streaming privilege. */
        public void addPrivilegeStreaming(PrivilegeStreaming privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for an FPA privilege. */
        public void addPrivilegeFpa(PrivilegeFpa privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for a Chat privilege. */
        public void addPrivilegeChat(PrivilegeChat privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for an FCDN privilege. */
        public void addPrivilegeFCdn(PrivilegeFCdn privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for an APaaS privilege. */
        public void addPrivilegeApaas(PrivilegeApaas privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /** Agora's name: {@link #addPrivilege} for an RTM2 privilege. */
        public void addPrivilegeRtm2(PrivilegeRtm2 privilege, int expire) {
            addPrivilege(privilege, expire);
        }

        /**
         * Writes this service in the data layout of its type ({@link Wire}) and returns true, or
         * returns false for Agora's base class (an "other" service: type and privileges only).
         */
        boolean putKnown(Wire w) {
            return false;
        }

        /** Fills the fields from what the native parse read ({@link Wire.Reader}). */
        void read(String channelName, String account, String userId, String roomUuid, String userUuid, long role,
                List<Permission> permissions) {}

        /** The fields, for {@link #toString()}. */
        String fields() {
            return "type=" + Short.toUnsignedInt(type);
        }

        /** e.g. {@code ServiceRtc[channelName=room-1, uid=42, privileges={PRIVILEGE_JOIN_CHANNEL=3600}]}. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('[').append(fields());
            s.append(s.charAt(s.length() - 1) == '[' ? "" : ", ").append("privileges={");
            String sep = "";
            for (Map.Entry<Short, Integer> e : privileges.entrySet()) {
                String name = String.valueOf(e.getKey());
                for (Privilege p : privilegesOf(Short.toUnsignedInt(type))) {
                    name = Objects.equals(e.getKey(), p.id()) ? ((Enum<?>) p).name() : name;
                }
                s.append(sep).append(name).append('=').append(e.getValue() == null ? null : Integer.toUnsignedString(e.getValue()));
                sep = ", ";
            }
            return s.append("}]").toString();
        }

        /** Same class, type, privileges and fields. */
        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && toString().equals(o.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }

    /** The data layout of a known service (see {@link Wire}). */
    static void put(Wire w, Service s, long uid, long role, String channelName, String account, String userId,
            String roomUuid, String userUuid, List<Permission> permissions) {
        w.add(Short.toUnsignedInt(s.type)).add(uid).add(role);
        w.privileges(s.privileges);
        w.add(channelName).add(account).add(userId).add(roomUuid).add(userUuid);
        w.permissions(permissions);
    }

    /**
     * A channel service's user as data: {@code ""} is uid 0 (any user); the uid given to a numeric
     * constructor, while the string still shows it, goes as that number (so the core checks its
     * range); any other string is a user account (the account "7" and uid 7 are the same user).
     */
    static long wireUid(String user, long numericUid) {
        if (numericUid != Native.NONE && uidString(numericUid).equals(user)) {
            return numericUid;
        }
        return "".equals(user) ? 0 : Native.NONE;
    }

    static String wireAccount(String user, long numericUid) {
        return wireUid(user, numericUid) == Native.NONE ? user : null;
    }

    /**
     * RTC (1): a channel name and a user string ({@link #uid}): a user account, a uid in decimal,
     * or {@code ""} for uid 0 (any user). The numeric constructors write the uid's string (an int
     * read unsigned) and keep the number, so an out-of-range {@code long} is refused (category
     * {@code uid}) rather than signed as an account.
     */
    public static class ServiceRtc extends Service {
        /** The channel name (Agora's field). */
        public String channelName;
        /** The user string (Agora's field): an account, a decimal uid, or {@code ""} for uid 0. */
        public String uid;
        private long numericUid = Native.NONE;

        /** An RTC service with no fields (for a parser). */
        public ServiceRtc() {
            this.type = SERVICE_TYPE_RTC;
        }

        /** An RTC service for a user string (Agora's constructor). */
        public ServiceRtc(String channelName, String uid) {
            this();
            this.channelName = channelName;
            this.uid = uid;
        }

        /** For a numeric uid (int read unsigned). */
        public ServiceRtc(String channelName, int uid) {
            this(channelName, Integer.toUnsignedLong(uid));
        }

        /** For a numeric uid in 0..2^32-1 (else {@code uid} at build). */
        public ServiceRtc(String channelName, long uid) {
            this(channelName, uidString(uid));
            this.numericUid = uid;
        }

        public String getChannelName() {
            return channelName;
        }

        public String getUid() {
            return uid;
        }

        @Override
        boolean putKnown(Wire w) {
            put(w, this, wireUid(uid, numericUid), Native.NONE, channelName, wireAccount(uid, numericUid), null, null,
                    null, List.of());
            return true;
        }

        @Override
        void read(String channelName, String account, String userId, String roomUuid, String userUuid, long role,
                List<Permission> permissions) {
            this.channelName = channelName;
            this.uid = account;
        }

        @Override
        String fields() {
            return "channelName=" + channelName + ", uid=" + uid;
        }
    }

    /**
     * What Streaming and FCDN share: a channel name and a user string ({@link #account}), as
     * {@link ServiceRtc} has (Agora declares the two classes separately, with the same members).
     */
    public abstract static class ChannelAccountService extends Service {
        /** The channel name (Agora's field). */
        public String channelName;
        /** The user string (Agora's field): an account, a decimal uid, or {@code ""} for uid 0. */
        public String account;
        private long numericUid = Native.NONE;

        ChannelAccountService(short type, String channelName, String account) {
            this.type = type;
            this.channelName = channelName;
            this.account = account;
        }

        ChannelAccountService(short type, String channelName, long uid) {
            this(type, channelName, uidString(uid));
            this.numericUid = uid;
        }

        public String getChannelName() {
            return channelName;
        }

        public String getAccount() {
            return account;
        }

        @Override
        boolean putKnown(Wire w) {
            put(w, this, wireUid(account, numericUid), Native.NONE, channelName, wireAccount(account, numericUid), null,
                    null, null, List.of());
            return true;
        }

        @Override
        void read(String channelName, String account, String userId, String roomUuid, String userUuid, long role,
                List<Permission> permissions) {
            this.channelName = channelName;
            this.account = account;
        }

        @Override
        String fields() {
            return "channelName=" + channelName + ", account=" + account;
        }
    }

    /** Streaming (3): a channel name and a user string, as {@link ServiceRtc}. */
    public static class ServiceStreaming extends ChannelAccountService {
        /** A Streaming service with empty fields (Agora's). */
        public ServiceStreaming() {
            this("", "");
        }

        public ServiceStreaming(String channelName, String account) {
            super(SERVICE_TYPE_STREAMING, channelName, account);
        }

        /** For a numeric uid in 0..2^32-1 (else {@code uid} at build); 0 is {@code ""}. */
        public ServiceStreaming(String channelName, long uid) {
            super(SERVICE_TYPE_STREAMING, channelName, uid);
        }
    }

    /** FCDN (6): as {@link ServiceStreaming}. */
    public static class ServiceFCdn extends ChannelAccountService {
        /** An FCDN service with empty fields (Agora's). */
        public ServiceFCdn() {
            this("", "");
        }

        public ServiceFCdn(String channelName, String account) {
            super(SERVICE_TYPE_FCDN, channelName, account);
        }

        /** For a numeric uid in 0..2^32-1 (else {@code uid} at build); 0 is {@code ""}. */
        public ServiceFCdn(String channelName, long uid) {
            super(SERVICE_TYPE_FCDN, channelName, uid);
        }
    }

    /**
     * What RTM and Chat share: a user id (Agora declares the two classes separately, with the same
     * members).
     */
    public abstract static class UserIdService extends Service {
        /** The user id (Agora's field). */
        public String userId;

        UserIdService(short type, String userId) {
            this.type = type;
            this.userId = userId;
        }

        public String getUserId() {
            return userId;
        }

        @Override
        boolean putKnown(Wire w) {
            put(w, this, Native.NONE, Native.NONE, null, null, userId, null, null, List.of());
            return true;
        }

        @Override
        void read(String channelName, String account, String userId, String roomUuid, String userUuid, long role,
                List<Permission> permissions) {
            this.userId = userId;
        }

        @Override
        String fields() {
            return "userId=" + userId;
        }
    }

    /** RTM (2): a user id (1..255 bytes). */
    public static class ServiceRtm extends UserIdService {
        /** A service with no user id yet (Agora's). */
        public ServiceRtm() {
            super(SERVICE_TYPE_RTM, null);
        }

        public ServiceRtm(String userId) {
            super(SERVICE_TYPE_RTM, userId);
        }
    }

    /** Chat (5): a user id ({@code ""} for an app token). */
    public static class ServiceChat extends UserIdService {
        /** An app-token service (user id {@code ""}). */
        public ServiceChat() {
            this("");
        }

        public ServiceChat(String userId) {
            super(SERVICE_TYPE_CHAT, userId);
        }
    }

    /** RTM2 (8): a user id and {@link Permissions}. */
    public static class ServiceRtm2 extends Service {
        /** The user id (Agora's field). */
        public String userId;
        /** The grants (Agora's field). */
        public Permissions permissions;

        /**
         * RTM2 grants, Agora's class: resource type to permission type to resources, both maps
         * sorted (so packed in that order); {@link #add} replaces a pair's resources. The ranges
         * (resource 0..4, permission 0..1) are token-core's, checked at build ({@code permission}).
         */
        public static class Permissions {
            public static final short MESSAGE_CHANNELS = 0;
            public static final short STREAM_CHANNELS = 1;
            public static final short GROUP_CHANNELS = 2;
            public static final short SERVER_GROUPS = 3;
            public static final short USERS = 4;
            public static final short READ = 0;
            public static final short WRITE = 1;

            /** Agora's field. */
            public TreeMap<Short, TreeMap<Short, List<String>>> details = new TreeMap<>();

            /** Grants {@code permissionType} on a copy of {@code resources} (null: {@code null_argument}); again replaces. */
            public void add(short resourceType, short permissionType, List<String> resources) {
                if (resources == null) {
                    throw Native.nullArgument("resources");
                }
                details.computeIfAbsent(resourceType, k -> new TreeMap<>()).put(permissionType, new ArrayList<>(resources));
            }

            /** The grants as {@link Permission}s, in packing order. */
            public List<Permission> toList() {
                List<Permission> list = new ArrayList<>();
                for (Map.Entry<Short, TreeMap<Short, List<String>>> r : details.entrySet()) {
                    if (r.getValue() == null) {
                        throw Native.nullArgument("permissions");
                    }
                    for (Map.Entry<Short, List<String>> p : r.getValue().entrySet()) {
                        list.add(new Permission(Short.toUnsignedInt(r.getKey()), Short.toUnsignedInt(p.getKey()),
                                p.getValue()));
                    }
                }
                return list;
            }

            @Override
            public String toString() {
                return details.toString();
            }
        }

        /** An RTM2 service with user id {@code ""} and no grants (Agora's). */
        public ServiceRtm2() {
            this("", new Permissions());
        }

        /** For a user id, without grants. */
        public ServiceRtm2(String userId) {
            this(userId, new Permissions());
        }

        /** Agora's constructor (null permissions: none). */
        public ServiceRtm2(String userId, Permissions permissions) {
            this.type = SERVICE_TYPE_RTM2;
            this.userId = userId;
            this.permissions = permissions == null ? new Permissions() : permissions;
        }

        public String getUserId() {
            return userId;
        }

        @Override
        boolean putKnown(Wire w) {
            put(w, this, Native.NONE, Native.NONE, null, null, userId, null, null,
                    permissions == null ? List.of() : permissions.toList());
            return true;
        }

        @Override
        void read(String channelName, String account, String userId, String roomUuid, String userUuid, long role,
                List<Permission> permissions) {
            this.userId = userId;
            this.permissions = new Permissions();
            for (Permission p : permissions) {
                this.permissions.add((short) p.resourceType(), (short) p.permissionType(), p.resources());
            }
        }

        @Override
        String fields() {
            return "userId=" + userId + ", permissions=" + permissions;
        }
    }

    /**
     * APaaS / Education (7): a room uuid, a user uuid and a role (-32768..32767); Agora's user and
     * app services have empty uuids and role -1 (their constructors' values).
     */
    public static class ServiceApaas extends Service {
        /** Agora's fields. */
        public String roomUuid;
        public String userUuid;
        public Short role;

        /** An app-token service: empty uuids, role -1 (Agora's). */
        public ServiceApaas() {
            this("", "", (short) -1);
        }

        /** A room-user service. */
        public ServiceApaas(String roomUuid, String userUuid, Short role) {
            this.type = SERVICE_TYPE_APAAS;
            this.roomUuid = roomUuid;
            this.userUuid = userUuid;
            this.role = role;
        }

        /** A user-token service: empty room uuid, role -1 (Agora's). */
        public ServiceApaas(String userUuid) {
            this("", userUuid, (short) -1);
        }

        public String getRoomUuid() {
            return roomUuid;
        }

        public String getUserUuid() {
            return userUuid;
        }

        public Short getRole() {
            return role;
        }

        @Override
        boolean putKnown(Wire w) {
            put(w, this, Native.NONE, role == null ? Native.NONE : role, null, null, null, roomUuid, userUuid, List.of());
            return true;
        }

        @Override
        void read(String channelName, String account, String userId, String roomUuid, String userUuid, long role,
                List<Permission> permissions) {
            this.roomUuid = roomUuid;
            this.userUuid = userUuid;
            this.role = (short) role;
        }

        @Override
        String fields() {
            return "roomUuid=" + roomUuid + ", userUuid=" + userUuid + ", role=" + role;
        }
    }

    /** A service without fields (FPA, ConvoAI, STT). */
    abstract static class EmptyService extends Service {
        EmptyService(int type) {
            super((short) type);
        }

        @Override
        boolean putKnown(Wire w) {
            put(w, this, Native.NONE, Native.NONE, null, null, null, null, null, List.of());
            return true;
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

    /** The app certificate (Agora's field; never printed). */
    public String appCert = "";
    /** The app id (Agora's field). */
    public String appId = "";
    /** Seconds after issue_ts until the token expires (Agora's field; read unsigned). */
    public int expire;
    /** Unix seconds (Agora's field; read unsigned). */
    public int issueTs;
    /** Agora's field (read unsigned). */
    public int salt;
    /** The services, in the order added or read (Agora's field). */
    public List<Service> services = new ArrayList<>();

    /**
     * What the {@code long} setters were given: used at build while the int field still holds
     * their low 32 bits, so that an out-of-range value reaches the core's check instead of
     * wrapping.
     */
    private long expireGiven;
    private long issueTsGiven;
    private long saltGiven;
    /** The token {@link #parse} read, for {@link #verifySignature}, and its issue_ts. */
    private String parsedToken;
    private long parsedIssueTs;

    /** An empty token, for {@link #parse}: empty strings, zeros, no services (Agora's). */
    public AccessToken2() {}

    /**
     * A token of an app that lives {@code expire} seconds after issue_ts (int read unsigned);
     * issue_ts is now and the salt fresh, both drawn here by token-core (Agora's constructor).
     */
    public AccessToken2(String appId, String appCertificate, int expire) {
        this(appId, appCertificate, Integer.toUnsignedLong(expire));
    }

    /** As {@link #AccessToken2(String, String, int)}; {@code expire} in 0..2^32-1 (else {@code expire} at build). */
    public AccessToken2(String appId, String appCertificate, long expire) {
        this.appId = appId;
        this.appCert = appCertificate;
        this.expire = (int) expire;
        this.expireGiven = expire;
        long[] d = Native.defaults();
        setIssueTs(d[Native.DEFAULT_ISSUE_TS]);
        setSalt(d[Native.DEFAULT_SALT_007]);
    }

    /** The value for the core: what a setter was given while the field still holds it, else the field unsigned. */
    private static long given(long given, int field) {
        long v = (int) given == field ? given : Integer.toUnsignedLong(field);
        return v == Native.NONE ? -1 : v; // Native.NONE would read as "not fixed": an out-of-range value stays one
    }

    /** Appends a service (null: {@code null_argument}). Services of one type keep the order added. */
    public void addService(Service service) {
        if (service == null) {
            throw Native.nullArgument("service");
        }
        services.add(service);
    }

    /** The services of {@code serviceType}, in the order added or read (a new list; Agora's). */
    public List<Service> getServices(short serviceType) {
        List<Service> result = new ArrayList<>();
        for (Service s : services) {
            if (s.getServiceType() == serviceType) {
                result.add(s);
            }
        }
        return result;
    }

    /** Every service, in the order added or read (a read-only view). */
    public List<Service> getServices() {
        return Collections.unmodifiableList(services);
    }

    /** A new, empty service of this type, or null for a type without a class (Agora's). */
    public Service getService(short serviceType) {
        return Service.forType(Short.toUnsignedInt(serviceType));
    }

    public String getAppId() {
        return appId;
    }

    /** Seconds after issue_ts until the token expires. */
    public long getExpire() {
        return given(expireGiven, expire);
    }

    /** Sets the expire (seconds after issue_ts, 0..2^32-1, else {@code expire} at build). */
    public void setExpire(long expire) {
        this.expire = (int) expire;
        this.expireGiven = expire;
    }

    /** Sets issue_ts (Unix seconds, 0..2^32-1, else {@code issue_ts} at build); tests and reproducible tokens. */
    public void setIssueTs(long issueTs) {
        this.issueTs = (int) issueTs;
        this.issueTsGiven = issueTs;
    }

    /** issue_ts, Unix seconds. */
    public long getIssueTs() {
        return given(issueTsGiven, issueTs);
    }

    /** Sets the salt (0..2^32-1, else {@code salt} at build); tests and reproducible tokens. */
    public void setSalt(long salt) {
        this.salt = (int) salt;
        this.saltGiven = salt;
    }

    public long getSalt() {
        return given(saltGiven, salt);
    }

    /** The categories for which Agora's {@code build} returns {@code ""}. */
    private static final List<String> EMPTY_TOKEN = List.of("app_id", "app_certificate", "no_service");

    /**
     * Builds the token: {@code "007"} and the base64 of the zlib-compressed content (stock zlib,
     * level 6: byte for byte Agora's python3, PHP, Java and C++ output). Returns {@code ""} where
     * Agora's does: app id or certificate not 32 hex digits, no service. Throws {@link
     * AgoraTokenException} naming the first other field token-core refuses (each service's
     * fields and privileges, issue_ts, expire, salt; null: {@code null_argument}).
     */
    public String build() {
        try {
            return buildOrThrow();
        } catch (AgoraTokenException e) {
            if (EMPTY_TOKEN.contains(e.getCategory())) {
                return "";
            }
            throw e;
        }
    }

    /** As {@link #build()}, but every refusal throws (also {@code app_id}, {@code app_certificate}, {@code no_service}). */
    public String buildOrThrow() {
        if (services == null) {
            throw Native.nullArgument("services");
        }
        List<Service> other = new ArrayList<>();
        Wire known = new Wire();
        int count = 0;
        for (Service s : services) {
            if (s == null) {
                throw Native.nullArgument("service");
            }
            if (s.putKnown(known)) {
                count++;
            } else {
                other.add(s);
            }
        }
        Wire w = new Wire().add(given(expireGiven, expire)).add(count).append(known).add(other.size());
        for (Service s : other) {
            w.add(Short.toUnsignedInt(s.type)).privileges(s.privileges);
        }
        return token007(Native.DATA, appId, appCert, w, given(issueTsGiven, issueTs), given(saltGiven, salt));
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
     * Agora's {@code parse}: clears this object's token fields (app id {@code ""}, issue_ts,
     * expire and salt 0, no services; the certificate is kept), then reads {@code token} into
     * it and returns {@code true}, or returns {@code false} when the token is not a well-formed
     * 007 token (null included). Read as Agora's readers read: services up to the first of a type
     * without a class (0, 11..65535) are kept, the rest is skipped (and still covered by the
     * signature). {@link #parseToken} reads strictly and says why instead.
     */
    public boolean parse(String token) {
        parsedToken = null;
        appId = "";
        setIssueTs(0);
        setExpire(0);
        setSalt(0);
        services.clear();
        if (token == null) {
            return false;
        }
        ParsedToken2 t;
        try {
            t = (ParsedToken2) Wire.parsed(Native.parse(Native.V007_LENIENT, token), token);
        } catch (AgoraTokenException e) {
            return false;
        }
        appId = t.getAppId();
        setIssueTs(t.getIssueTs());
        setExpire(t.getExpire());
        setSalt(t.getSalt());
        services.addAll(t.getServices());
        parsedToken = token;
        parsedIssueTs = t.getIssueTs();
        return true;
    }

    /**
     * Whether the token {@link #parse} last read is signed with {@code appCertificate} (expiry is
     * not checked: {@link #verify} checks both). {@code false} when nothing was parsed, the last
     * parse failed, or the certificate is null or not 32 hex digits (Agora's).
     */
    public boolean verifySignature(String appCertificate) {
        if (parsedToken == null || appCertificate == null) {
            return false;
        }
        try {
            return Native.verify(Native.V007_LENIENT, parsedToken, null, appCertificate, null, null, 0, null,
                    parsedIssueTs) == VerifyResult.OK.value();
        } catch (AgoraTokenException e) {
            return false;
        }
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

    /** e.g. {@code AccessToken2[appId=..., appCertificate=***, issueTs=1111111, expire=3600, salt=1, services=[...]]}. */
    @Override
    public String toString() {
        return "AccessToken2[appId=" + appId + ", appCertificate=" + (appCert == null ? null : "***") + ", issueTs="
                + getIssueTs() + ", expire=" + getExpire() + ", salt=" + getSalt() + ", services=" + services + "]";
    }
}

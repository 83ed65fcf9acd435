package io.agora.media;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * AccessToken "006", Agora's Java class {@code io.agora.media.AccessToken}: a builder and parser
 * with public fields ({@link #appId}, {@link #appCertificate}, {@link #channelName}, {@link #uid},
 * {@link #message} with {@code salt}, {@code ts} and the privilege map {@code messages}, and what
 * {@link #build} and {@link #fromString} fill in: {@link #signature}, {@link #crcChannelName},
 * {@link #crcUid}), {@link #addPrivilege}, {@link #build}, {@link #fromString}, over token-core
 * (the checks, the signature, the CRCs and the packing are the core's).
 *
 * <pre>{@code
 * AccessToken token = new AccessToken(appId, appCertificate, "room-1", "2882341273");  // "" = uid 0
 * token.addPrivilege(AccessToken.Privileges.kJoinChannel, expireTimestamp);              // Unix time
 * String built = token.build();
 * }</pre>
 *
 * <p><b>Units.</b> 006 times are <b>Unix times</b> in seconds: {@code message.ts} is when the token
 * expires (the constructor sets now + 24 h, drawn by token-core, as Agora's does) and each
 * privilege value is when that privilege expires (0: never). {@code salt} is drawn by token-core
 * at construction (Agora's). Each {@code int} is read as its 32 unsigned bits.
 *
 * <p><b>Errors.</b> {@link #build} returns {@code ""} where Agora's does (app id or certificate not
 * 32 hex digits) and throws {@link AgoraTokenException} naming the field for the rest token-core
 * refuses (an empty channel name or one with characters Agora does not allow, a user account of
 * more than 255 bytes, a privilege id 006 does not have), where Agora's would build a token its
 * servers reject. {@link #fromString} answers {@code false} for a token it cannot read.
 *
 * <p>The static methods ({@link #parse}, {@link #verify}, {@link #verifyRtm}, {@link #version})
 * read and check tokens without an instance; building with renewal is {@link SimpleTokenBuilder},
 * one-shot RTC tokens {@link RtcTokenBuilder}. An instance is a plain value (not thread-safe,
 * like Agora's); the static methods are thread-safe.
 */
public class AccessToken {
    /** The privileges a 006 token grants, with their wire ids (the reference builders' names). */
    public enum Privileges {
        kJoinChannel(1),
        kPublishAudioStream(2),
        kPublishVideoStream(3),
        kPublishDataStream(4),
        kPublishAudioCdn(5),
        kPublishVideoCdn(6),
        kRequestPublishAudioStream(7),
        kRequestPublishVideoStream(8),
        kRequestPublishDataStream(9),
        kInvitePublishAudioStream(10),
        kInvitePublishVideoStream(11),
        kInvitePublishDataStream(12),
        kAdministrateChannel(101),
        kRtmLogin(1000);

        /** The wire id (the reference builder's field). */
        public final short intValue;

        Privileges(int value) {
            this.intValue = (short) value;
        }

        /** The wire id. */
        public int id() {
            return intValue;
        }

        /** The privilege with this wire id, or null. */
        public static Privileges fromId(int id) {
            for (Privileges p : values()) {
                if (p.intValue == id) {
                    return p;
                }
            }
            return null;
        }
    }


    /** The app id (Agora's field). */
    public String appId;
    /** The app certificate (Agora's field; never printed). */
    public String appCertificate;
    /** The channel name (Agora's field); an RTM token carries the user account here. */
    public String channelName;
    /** The user string (Agora's field): a decimal uid, a user account, or {@code ""} for uid 0 (any user). */
    public String uid;
    /** The signature of the last {@link #build} or {@link #fromString} (Agora's field). */
    public byte[] signature;
    /** Agora's field; not filled by this library (the packed message is token-core's). Always null. */
    public byte[] messageRawContent;
    /** The CRC32 of the channel name, of the last {@link #build} or {@link #fromString} (Agora's field). */
    public int crcChannelName;
    /** The CRC32 of the uid string, of the last {@link #build} or {@link #fromString} (Agora's field). */
    public int crcUid;
    /** The salt, ts and privileges (Agora's field). */
    public PrivilegeMessage message;
    /** Agora's field (unused, as in Agora's class). */
    public int expireTimestamp;

    /**
     * The signed message of a 006 token (Agora's class): {@code salt}, {@code ts} (Unix time the
     * token expires) and {@code messages} (privilege id to the Unix time it expires). A new one
     * has a fresh salt and ts = now + 24 h, drawn by token-core.
     */
    public class PrivilegeMessage {
        public int salt;
        public int ts;
        public TreeMap<Short, Integer> messages;

        public PrivilegeMessage() {
            long[] d = Native.defaults();
            salt = (int) d[Native.DEFAULT_SALT_006];
            ts = (int) d[Native.DEFAULT_TS_006];
            messages = new TreeMap<>();
        }
    }

    /**
     * Agora's constructor. Nothing is checked here (Agora's accepts anything, e.g. empty strings
     * for a parser): {@link #build} checks.
     */
    public AccessToken(String appId, String appCertificate, String channelName, String uid) {
        this.appId = appId;
        this.appCertificate = appCertificate;
        this.channelName = channelName;
        this.uid = uid;
        this.message = new PrivilegeMessage();
    }

    /** Grants {@code privilege} until {@code expireTimestamp} (Unix seconds, 0: never; int read unsigned); again replaces. */
    public void addPrivilege(Privileges privilege, int expireTimestamp) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        message.messages.put(privilege.intValue, expireTimestamp);
    }

    /** {@code "006"}. */
    public static String getVersion() {
        return "006";
    }

    /**
     * Builds the token from the fields, and sets {@link #signature}, {@link #crcChannelName} and
     * {@link #crcUid} to the built token's. {@code ""} when the app id or certificate is not 32
     * hex digits (Agora's); any other refusal throws {@link AgoraTokenException} naming the field
     * (null fields: {@code null_argument}).
     */
    public String build() {
        try {
            return buildOrThrow();
        } catch (AgoraTokenException e) {
            if (e.getCategory().equals("app_id") || e.getCategory().equals("app_certificate")) {
                return "";
            }
            throw e;
        }
    }

    /** As {@link #build}, but an invalid app id or certificate throws too. */
    public String buildOrThrow() {
        if (uid == null || message == null || message.messages == null) {
            throw Native.nullArgument(uid == null ? "uid" : "message");
        }
        long handle = Native.builderNew(appId, appCertificate, channelName, uid.isEmpty() ? null : uid, 0);
        String token;
        try {
            Native.builderSet(handle, Native.SET_SALT, 0, Integer.toUnsignedLong(message.salt));
            Native.builderSet(handle, Native.SET_TS, 0, Integer.toUnsignedLong(message.ts));
            for (Map.Entry<Short, Integer> e : message.messages.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw Native.nullArgument(e.getKey() == null ? "privilege" : "expireTimestamp");
                }
                Native.builderSet(handle, Native.SET_PRIVILEGE, Short.toUnsignedInt(e.getKey()),
                        Integer.toUnsignedLong(e.getValue()));
            }
            byte[] out = new byte[Native.TOKEN_BUFFER];
            int n = Native.builderBuildToken(handle, out, out.length);
            if (n < 0) {
                out = new byte[-n];
                n = Native.builderBuildToken(handle, out, out.length);
            }
            token = new String(out, 0, n, StandardCharsets.ISO_8859_1);
        } finally {
            Native.builderFree(handle);
        }
        ParsedToken p = parse(token);
        signature = p.getSignature();
        crcChannelName = (int) p.getCrcChannelName();
        crcUid = (int) p.getCrcUid();
        return token;
    }

    /**
     * Agora's {@code fromString}: reads a 006 token into {@link #appId}, {@link #signature}, the
     * CRCs and {@link #message} (salt, ts, privileges) and returns {@code true}, or returns {@code
     * false} (and changes nothing) when it is not a well-formed 006 token (null included). The
     * channel name, uid and certificate are not in a token and stay as they are.
     */
    public boolean fromString(String token) {
        ParsedToken p;
        try {
            p = parse(token);
        } catch (AgoraTokenException e) {
            return false;
        }
        appId = p.getAppId();
        signature = p.getSignature();
        crcChannelName = (int) p.getCrcChannelName();
        crcUid = (int) p.getCrcUid();
        PrivilegeMessage m = new PrivilegeMessage();
        m.salt = (int) p.getSalt();
        m.ts = (int) p.getTs();
        p.getPrivileges().forEach((id, expire) -> m.messages.put((short) (int) id, (int) (long) expire));
        message = m;
        return true;
    }

    /** e.g. {@code AccessToken[appId=..., appCertificate=***, channelName=room-1, uid=42, salt=1, ts=..., messages={1=...}]}. */
    @Override
    public String toString() {
        return "AccessToken[appId=" + appId + ", appCertificate=" + (appCertificate == null ? null : "***")
                + ", channelName=" + channelName + ", uid=" + uid + (message == null ? ", message=null"
                : ", salt=" + Integer.toUnsignedString(message.salt) + ", ts=" + Integer.toUnsignedString(message.ts)
                        + ", messages=" + message.messages) + "]";
    }

    /** The library version (the workspace version, e.g. "0.1.0"). */
    public static String version() {
        return Native.version();
    }

    /**
     * Reads every field of a 006 token; fails with category {@code too_long}, {@code version},
     * {@code app_id}, {@code base64}, {@code truncated} or {@code trailing} (or {@code
     * null_argument}), with a message that diagnoses a damaged token (quotes, whitespace, JSON or
     * URL escapes, a cut-short copy, another token generation: token-core's diagnosis, positions
     * counted from the token's first character). For a token of either format use
     * {@link AnyToken#parse}; for a 007 token {@link AccessToken2#parseToken}.
     */
    public static ParsedToken parse(String token) {
        return (ParsedToken) Wire.parsed(Native.parse(Native.V006, token), token);
    }

    /**
     * Checks a token for a channel and numeric uid at {@code now} (Unix seconds): the first
     * failing check, or {@link VerifyResult#OK}. The int's 32 bits are read as an unsigned uid.
     * A uid-0 token admits any uid (Agora documents uid 0 as "any user"). A malformed token or
     * certificate throws; a {@code now} outside 0..2^32-1 throws category {@code now} (its
     * message says when it looks like milliseconds: {@code System.currentTimeMillis()} is not
     * {@code now}).
     */
    public static VerifyResult verify(String token, String appCertificate, String channelName, int uid, long now) {
        return verify(token, null, appCertificate, channelName, Integer.toUnsignedLong(uid), now);
    }

    /**
     * As {@link #verify(String, String, String, int, long)}; uid in 0..2^32-1, else category
     * {@code uid} (whose message says when a negative value may be a signed Java int).
     */
    public static VerifyResult verify(String token, String appCertificate, String channelName, long uid, long now) {
        return verify(token, null, appCertificate, channelName, uid, now);
    }

    /** Checks a token for a channel and user account at {@code now} (Unix seconds). */
    public static VerifyResult verify(
            String token, String appCertificate, String channelName, String userAccount, long now) {
        return verify(token, null, appCertificate, channelName, userAccount, now);
    }

    /** As above, and also checks the app id unless {@code appId} is null. */
    public static VerifyResult verify(
            String token, String appId, String appCertificate, String channelName, int uid, long now) {
        return verify(token, appId, appCertificate, channelName, Integer.toUnsignedLong(uid), now);
    }

    /** As above, and also checks the app id unless {@code appId} is null. */
    public static VerifyResult verify(
            String token, String appId, String appCertificate, String channelName, long uid, long now) {
        return VerifyResult.fromValue(Native.verify(Native.V006, token, appId, appCertificate, channelName, null, uid, null, now));
    }

    /** As above, and also checks the app id unless {@code appId} is null. */
    public static VerifyResult verify(
            String token, String appId, String appCertificate, String channelName, String userAccount, long now) {
        if (userAccount == null) {
            throw Native.nullArgument("userAccount");
        }
        return VerifyResult.fromValue(
                Native.verify(Native.V006, token, appId, appCertificate, channelName, userAccount, 0, null, now));
    }

    /**
     * Checks an RTM token ({@link RtmTokenBuilder}: the account in the channel field, an empty
     * uid) for {@code userAccount} at {@code now} (Unix seconds); its {@code kRtmLogin} expiry is
     * checked.
     */
    public static VerifyResult verifyRtm(String token, String appCertificate, String userAccount, long now) {
        if (userAccount == null) {
            throw Native.nullArgument("userAccount");
        }
        return VerifyResult.fromValue(Native.verify(Native.V006, token, null, appCertificate, null, null, 0, userAccount, now));
    }
}

package io.agora.media;

/**
 * AccessToken "006": the privilege ids, and reading tokens back ({@link #parse}, {@link #verify}).
 *
 * <p>Building is done by {@link SimpleTokenBuilder}, {@link RtcTokenBuilder} and
 * {@link RtmTokenBuilder}. Every method throws {@link AgoraTokenException} on invalid input
 * (null included).
 */
public final class AccessToken {
    private AccessToken() {}

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

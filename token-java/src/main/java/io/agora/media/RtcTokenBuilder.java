package io.agora.media;

/**
 * RTC tokens (AccessToken 006) for a role, as the reference {@code RtcTokenBuilder}: the role's
 * privileges, each expiring at {@code privilegeTs} (a Unix time in seconds, 0 = never), a fresh
 * salt and ts = now + 24 h (the lifetime rule: the token itself lives 24 hours, and a privilege
 * that outlives it is cut short by it). Invalid input throws {@link AgoraTokenException}. The
 * role table is token-core's: Attendee, Publisher and Admin may publish, Subscriber may only
 * join (Agora's Java {@code RtcTokenBuilder} differs, see the README); a null role grants
 * JoinChannel only, as Agora's builders do. Stateless and
 * thread-safe. For AccessToken2 (007), what Agora issues today, use {@link RtcTokenBuilder2}.
 */
public class RtcTokenBuilder {
    /** The RTC roles. Publisher, Attendee and Admin may publish; Subscriber may only join. */
    public enum Role {
        Role_Attendee(0),
        Role_Publisher(1),
        Role_Subscriber(2),
        Role_Admin(101);

        /** The role's numeric value (the reference builder's field). */
        public final int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    /** The role's value; null (Agora's builders then grant JoinChannel only) is token-core's JOIN_ONLY, sent as {@link Native#NULL_ROLE}. */
    private static int roleValue(Role role) {
        return role == null ? Native.NULL_ROLE : role.initValue;
    }

    /**
     * A token for a numeric uid. The int's 32 bits are read as unsigned (uid 2882341273 passed as
     * an int signs "2882341273", not "-1412626023"), and so are {@code privilegeTs}'s.
     */
    public String buildTokenWithUid(
            String appId, String appCertificate, String channelName, int uid, Role role, int privilegeTs) {
        return buildTokenWithUid(appId, appCertificate, channelName, Integer.toUnsignedLong(uid), role,
                Integer.toUnsignedLong(privilegeTs));
    }

    /** A token for a numeric uid in 0..2^32-1 ({@code uid} error otherwise), privilegeTs likewise. */
    public String buildTokenWithUid(
            String appId, String appCertificate, String channelName, long uid, Role role, long privilegeTs) {
        return Native.oneShot006(false, appId, appCertificate, channelName, null, uid, roleValue(role), privilegeTs);
    }

    /** A token for a user account (string uid). {@code privilegeTs}'s 32 bits are read as unsigned. */
    public String buildTokenWithUserAccount(
            String appId, String appCertificate, String channelName, String account, Role role, int privilegeTs) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, role,
                Integer.toUnsignedLong(privilegeTs));
    }

    /** A token for a user account; {@code privilegeTs} in 0..2^32-1. */
    public String buildTokenWithUserAccount(
            String appId, String appCertificate, String channelName, String account, Role role, long privilegeTs) {
        if (account == null) {
            throw Native.nullArgument("account");
        }
        return Native.oneShot006(false, appId, appCertificate, channelName, account, 0, roleValue(role), privilegeTs);
    }
}

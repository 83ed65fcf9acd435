package io.agora.media;

/**
 * RTM login tokens, as the reference {@code RtmTokenBuilder}: the user account in the channel
 * field, an empty uid and {@code kRtmLogin} expiring at {@code privilegeTs}. Invalid input throws
 * {@link AgoraTokenException}. Stateless and thread-safe.
 */
public class RtmTokenBuilder {
    /** The RTM role. */
    public enum Role {
        Rtm_User(1);

        /** The role's numeric value. */
        public final int value;

        Role(int value) {
            this.value = value;
        }
    }

    /** An RTM token for user account {@code uid}; {@code privilegeTs}'s 32 bits are read as unsigned. */
    public String buildToken(String appId, String appCertificate, String uid, Role role, int privilegeTs) {
        return buildToken(appId, appCertificate, uid, role, Integer.toUnsignedLong(privilegeTs));
    }

    /** An RTM token for user account {@code uid}; {@code privilegeTs} in 0..2^32-1. */
    public String buildToken(String appId, String appCertificate, String uid, Role role, long privilegeTs) {
        if (role == null) {
            throw Native.nullArgument("role");
        }
        int roleValue = role.value;
        return Native.token(new byte[Native.TOKEN_BUFFER], out ->
                Native.rtmBuildToken(appId, appCertificate, uid, roleValue, privilegeTs, out));
    }
}

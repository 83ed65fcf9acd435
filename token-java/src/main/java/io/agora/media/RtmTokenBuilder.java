package io.agora.media;

/**
 * RTM login tokens, as the reference {@code RtmTokenBuilder}: the user account in the channel
 * field, an empty uid and {@code kRtmLogin} expiring at {@code privilegeTs} (a Unix time in
 * seconds, 0 = never); ts = now + 24 h. The role is ignored (null too), as Agora's builders
 * ignore it. Invalid input throws {@link AgoraTokenException}.
 * Stateless and thread-safe. Check one with {@link AccessToken#verifyRtm}. For AccessToken2 (007)
 * use {@link io.agora.rtm.RtmTokenBuilder2}.
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
        return Native.oneShot006(true, appId, appCertificate, uid, null, 0, role == null ? Native.NULL_ROLE : role.value,
                privilegeTs);
    }
}

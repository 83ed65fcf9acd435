package io.agora.media;

import static java.lang.Integer.toUnsignedLong;

/**
 * The builders whose arguments are {@link RtcTokenBuilder2#buildTokenWithRtm2}'s (npm {@code
 * agora-token}'s ConvoAI and STT): RTC for {@code rtcAccount} (JoinChannel, and for a publisher
 * the publish privileges, each for its own seconds), RTM login for {@code rtmUserId} for {@code
 * rtmTokenExpire}, and the builder's own service; the token lives {@code rtcTokenExpire}. Every
 * expire is seconds from now; the {@code int} overload reads each int's 32 unsigned bits.
 * Errors as {@link RtcTokenBuilder2}. Stateless and thread-safe.
 */
abstract class RtcRtm2Builder {
    private final int recipe;

    RtcRtm2Builder(int recipe) {
        this.recipe = recipe;
    }

    /** A token for these arguments (see the class documentation). */
    public String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
            RtcTokenBuilder2.Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire,
            int pubAudioPrivilegeExpire, int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire,
            String rtmUserId, int rtmTokenExpire) {
        return buildToken(appId, appCertificate, channelName, rtcAccount, rtcRole, toUnsignedLong(rtcTokenExpire),
                toUnsignedLong(joinChannelPrivilegeExpire), toUnsignedLong(pubAudioPrivilegeExpire),
                toUnsignedLong(pubVideoPrivilegeExpire), toUnsignedLong(pubDataStreamPrivilegeExpire), rtmUserId,
                toUnsignedLong(rtmTokenExpire));
    }

    /** As the int overload, each value in 0..2^32-1. */
    public String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
            RtcTokenBuilder2.Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire,
            long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire,
            String rtmUserId, long rtmTokenExpire) {
        return RtcTokenBuilder2.rtm2(recipe, appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }
}

package io.agora.media;

import static java.lang.Integer.toUnsignedLong;

/**
 * Speech-to-text tokens in AccessToken2 (007), as npm {@code agora-token}'s {@code
 * SttTokenBuilder} (no Java reference has one): {@link RtcTokenBuilder2#buildTokenWithRtm2}'s
 * services plus the STT service. Every expire is seconds from now; errors as
 * {@link RtcTokenBuilder2}. Stateless and thread-safe.
 */
public class SttTokenBuilder {
    /** RTC for {@code rtcAccount}, RTM login for {@code rtmUserId} and STT; the token lives {@code rtcTokenExpire}. */
    public String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
            RtcTokenBuilder2.Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire,
            int pubAudioPrivilegeExpire, int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire,
            String rtmUserId, int rtmTokenExpire) {
        return buildToken(appId, appCertificate, channelName, rtcAccount, rtcRole, toUnsignedLong(rtcTokenExpire),
                toUnsignedLong(joinChannelPrivilegeExpire), toUnsignedLong(pubAudioPrivilegeExpire),
                toUnsignedLong(pubVideoPrivilegeExpire), toUnsignedLong(pubDataStreamPrivilegeExpire), rtmUserId,
                toUnsignedLong(rtmTokenExpire));
    }

    /** As the int overload, with range-checked longs. */
    public String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
            RtcTokenBuilder2.Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire,
            long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire,
            String rtmUserId, long rtmTokenExpire) {
        return RtcTokenBuilder2.rtm2(Recipes.STT_BUILD_TOKEN, appId, appCertificate, channelName, rtcAccount,
                rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }
}

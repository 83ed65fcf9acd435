package io.agora.media;

import static java.lang.Integer.toUnsignedLong;

/**
 * RTC tokens in AccessToken2 (007), with the names of Agora's Java {@code RtcTokenBuilder2}.
 *
 * <pre>{@code
 * String token = new RtcTokenBuilder2().buildTokenWithUid(appId, appCertificate, "room-1", 42,
 *         RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
 * }</pre>
 *
 * <p><b>Units:</b> {@code tokenExpire} and every privilege expire are <b>seconds from now</b>
 * (from issue_ts), not Unix times; a privilege expire of 0 has no limit of its own, and the
 * token's expire bounds every privilege ("the privilege is limited by the token expiration
 * time", Agora's builder docs). The {@code int} overloads are Agora's signatures and read each
 * int as its 32 unsigned bits ({@code (int) 2882341273L} is uid 2882341273); the {@code long}
 * overloads take 0..2^32-1 and refuse anything else.
 *
 * <p><b>Rules</b> (token-core's, README "The 007 format in brief"): Publisher gets JoinChannel
 * and the three publish privileges, Subscriber JoinChannel only, a null role JoinChannel only
 * (as Agora's builders); uid 0 is a token any user may
 * use; a fresh salt and issue_ts = now for each token. <b>Errors:</b> invalid input throws
 * {@link AgoraTokenException} naming the field (Agora's builder returns {@code ""}: see
 * {@link AccessToken2#orEmpty}). Stateless and thread-safe.
 */
public class RtcTokenBuilder2 {
    /** The RTC roles of the 007 builders. */
    public enum Role {
        /** JoinChannel and PublishAudio/Video/DataStream. */
        ROLE_PUBLISHER(1),
        /** JoinChannel only. */
        ROLE_SUBSCRIBER(2);

        /** The role's value (Agora's field name). */
        public final int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    /** The role's value, or null: token-core's JOIN_ONLY (JoinChannel only, as Agora's builders grant for a null role). */
    static Integer value(Role role) {
        return role == null ? null : role.initValue;
    }

    /** A token for a numeric uid (0: any user) with the role's privileges for {@code privilegeExpire} seconds. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int tokenExpire, int privilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, toUnsignedLong(uid), role,
                toUnsignedLong(tokenExpire), toUnsignedLong(privilegeExpire));
    }

    /** As the int overload; uid and expiries in 0..2^32-1 (categories {@code uid}, {@code expire}, {@code expire_ts}). */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
            long tokenExpire, long privilegeExpire) {
        return Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, appId, appCertificate, channelName, uid, value(role),
                tokenExpire, privilegeExpire);
    }

    /** A token for a user account (1..255 bytes of the documented characters). */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            Role role, int tokenExpire, int privilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, role,
                toUnsignedLong(tokenExpire), toUnsignedLong(privilegeExpire));
    }

    /** As the int overload, with range-checked longs. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            Role role, long tokenExpire, long privilegeExpire) {
        return Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_USER_ACCOUNT, appId, appCertificate, channelName, account,
                value(role), tokenExpire, privilegeExpire);
    }

    /** python3's {@code build_token_with_uid_and_privilege}: all four privileges, each for its own seconds, whatever the role. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, toUnsignedLong(uid), toUnsignedLong(tokenExpire),
                toUnsignedLong(joinChannelPrivilegeExpire), toUnsignedLong(pubAudioPrivilegeExpire),
                toUnsignedLong(pubVideoPrivilegeExpire), toUnsignedLong(pubDataStreamPrivilegeExpire));
    }

    /** As the int overload, with range-checked longs. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid,
            long tokenExpire, long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
            long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire) {
        return Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID_AND_PRIVILEGE, appId, appCertificate, channelName, uid,
                tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire);
    }

    /** python3's {@code build_token_with_user_account_and_privilege}. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, toUnsignedLong(tokenExpire),
                toUnsignedLong(joinChannelPrivilegeExpire), toUnsignedLong(pubAudioPrivilegeExpire),
                toUnsignedLong(pubVideoPrivilegeExpire), toUnsignedLong(pubDataStreamPrivilegeExpire));
    }

    /** As the int overload, with range-checked longs. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            long tokenExpire, long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
            long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire) {
        return Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_USER_ACCOUNT_AND_PRIVILEGE, appId, appCertificate,
                channelName, account, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire,
                pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    /** RTC for {@code account} plus RTM login for the same account, which lasts {@code tokenExpire}. */
    public String buildTokenWithRtm(String appId, String appCertificate, String channelName, String account,
            Role role, int tokenExpire, int privilegeExpire) {
        return buildTokenWithRtm(appId, appCertificate, channelName, account, role, toUnsignedLong(tokenExpire),
                toUnsignedLong(privilegeExpire));
    }

    /** As the int overload, with range-checked longs. */
    public String buildTokenWithRtm(String appId, String appCertificate, String channelName, String account,
            Role role, long tokenExpire, long privilegeExpire) {
        return Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_RTM, appId, appCertificate, channelName, account, value(role),
                tokenExpire, privilegeExpire);
    }

    /**
     * RTC for {@code rtcAccount} (JoinChannel, and for a publisher the publish privileges, each
     * for its own seconds) plus RTM login for {@code rtmUserId} for {@code rtmTokenExpire}; the
     * token lives {@code rtcTokenExpire}.
     */
    public String buildTokenWithRtm2(String appId, String appCertificate, String channelName, String rtcAccount,
            Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, String rtmUserId, int rtmTokenExpire) {
        return buildTokenWithRtm2(appId, appCertificate, channelName, rtcAccount, rtcRole, toUnsignedLong(rtcTokenExpire),
                toUnsignedLong(joinChannelPrivilegeExpire), toUnsignedLong(pubAudioPrivilegeExpire),
                toUnsignedLong(pubVideoPrivilegeExpire), toUnsignedLong(pubDataStreamPrivilegeExpire), rtmUserId,
                toUnsignedLong(rtmTokenExpire));
    }

    /** As the int overload, with range-checked longs. */
    public String buildTokenWithRtm2(String appId, String appCertificate, String channelName, String rtcAccount,
            Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
            long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire, String rtmUserId, long rtmTokenExpire) {
        return rtm2(Recipes.RTC_BUILD_TOKEN_WITH_RTM2, appId, appCertificate, channelName, rtcAccount, rtcRole,
                rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }

    /** {@code buildTokenWithRtm2}'s arguments through builder {@code recipe} (also ConvoAI and STT). */
    static String rtm2(int recipe, String appId, String appCertificate, String channelName, String rtcAccount,
            Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
            long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire, String rtmUserId, long rtmTokenExpire) {
        return Recipes.build(recipe, appId, appCertificate, channelName, rtcAccount, value(rtcRole), rtcTokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire);
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\AgoraTokenException;
use AgoraToken\Internal\Token2;

/**
 * Agora's PHP `RtcTokenBuilder2` (007) as the reference takes its arguments:
 * the global class `RtcTokenBuilder2` once `aliases.php` is required. Each
 * method is one call of libagoratoken's generic builder (role table,
 * defaults and checks are token-core's). Lifetimes are seconds from now.
 *
 * Accepted as the reference accepts them: a uid as an int or a canonical
 * decimal string ("42"; "042" is refused), an account as a string or an int
 * (written in decimal), fractional lifetimes (truncated), a null role (join
 * only). Anything else invalid throws an {@see AgoraTokenException} naming
 * the field.
 */
final class RtcTokenBuilder2
{
    /** JoinChannel and the three publish privileges. */
    public const ROLE_PUBLISHER = 1;
    /** JoinChannel only. */
    public const ROLE_SUBSCRIBER = 2;

    private function __construct()
    {
    }

    /**
     * RTC for a uid (0: any user, written as "").
     *
     * @param int|string    $uid             0..4294967295, or its canonical decimal string
     * @param int|null      $role            ROLE_PUBLISHER, ROLE_SUBSCRIBER, or null (join only)
     * @param int|float     $tokenExpire     seconds from now
     * @param int|float     $privilegeExpire seconds from now (0: as long as the token)
     */
    public static function buildTokenWithUid($appId, #[\SensitiveParameter] $appCertificate, $channelName, $uid, $role, $tokenExpire, $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_uid', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name')],
            [Args::uid($uid), Args::role($role), Args::expire($tokenExpire), Args::privilegeExpire($privilegeExpire)]);
    }

    /**
     * As {@see buildTokenWithUid()}, for a user account.
     *
     * @param string|int $account a user account (an int is written in decimal)
     */
    public static function buildTokenWithUserAccount($appId, #[\SensitiveParameter] $appCertificate, $channelName, $account, $role, $tokenExpire, $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_user_account', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name'), Args::account($account, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'account')],
            [Args::role($role), Args::expire($tokenExpire), Args::privilegeExpire($privilegeExpire)]);
    }

    /** All four RTC privileges with their own lifetimes (seconds from now), for a uid. */
    public static function buildTokenWithUidAndPrivilege($appId, #[\SensitiveParameter] $appCertificate, $channelName, $uid, $tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire): string
    {
        return Token2::build('rtc.build_token_with_uid_and_privilege', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name')],
            [Args::uid($uid), Args::expire($tokenExpire), Args::privilegeExpire($joinChannelPrivilegeExpire, 'join_channel_privilege_expire'),
                Args::privilegeExpire($pubAudioPrivilegeExpire, 'pub_audio_privilege_expire'), Args::privilegeExpire($pubVideoPrivilegeExpire, 'pub_video_privilege_expire'),
                Args::privilegeExpire($pubDataStreamPrivilegeExpire, 'pub_data_stream_privilege_expire')]);
    }

    /** As {@see buildTokenWithUidAndPrivilege()}, for a user account. */
    public static function buildTokenWithUserAccountAndPrivilege($appId, #[\SensitiveParameter] $appCertificate, $channelName, $account, $tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire): string
    {
        return Token2::build('rtc.build_token_with_user_account_and_privilege', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name'), Args::account($account, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'account')],
            [Args::expire($tokenExpire), Args::privilegeExpire($joinChannelPrivilegeExpire, 'join_channel_privilege_expire'),
                Args::privilegeExpire($pubAudioPrivilegeExpire, 'pub_audio_privilege_expire'), Args::privilegeExpire($pubVideoPrivilegeExpire, 'pub_video_privilege_expire'),
                Args::privilegeExpire($pubDataStreamPrivilegeExpire, 'pub_data_stream_privilege_expire')]);
    }

    /** The user-account token plus RTM Login for the same account, for $tokenExpire seconds. */
    public static function buildTokenWithRtm($appId, #[\SensitiveParameter] $appCertificate, $channelName, $account, $role, $tokenExpire, $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_rtm', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name'), Args::account($account, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'account')],
            [Args::role($role), Args::expire($tokenExpire), Args::privilegeExpire($privilegeExpire)]);
    }

    /** RTC for $rtcAccount with its own privilege lifetimes, plus RTM Login for $rtmUserId for $rtmTokenExpire seconds. */
    public static function buildTokenWithRtm2($appId, #[\SensitiveParameter] $appCertificate, $channelName, $rtcAccount, $rtcRole, $rtcTokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire, $rtmUserId, $rtmTokenExpire): string
    {
        return Token2::build('rtc.build_token_with_rtm2', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name'), Args::account($rtcAccount, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'rtc_account'),
                Args::account($rtmUserId, 'AGORA_TOKEN_ERR_USER_ID', 'rtm_user_id')],
            [Args::role($rtcRole), Args::expire($rtcTokenExpire, 'rtc_token_expire'), Args::privilegeExpire($joinChannelPrivilegeExpire, 'join_channel_privilege_expire'),
                Args::privilegeExpire($pubAudioPrivilegeExpire, 'pub_audio_privilege_expire'), Args::privilegeExpire($pubVideoPrivilegeExpire, 'pub_video_privilege_expire'),
                Args::privilegeExpire($pubDataStreamPrivilegeExpire, 'pub_data_stream_privilege_expire'), Args::expire($rtmTokenExpire, 'rtm_token_expire')]);
    }
}

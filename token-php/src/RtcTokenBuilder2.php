<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * Agora's `RtcTokenBuilder2` (AccessToken2 "007"): RTC tokens. Every method
 * is one call of libagoratoken's generic builder; role tables, defaults and
 * checks live in token-core. Lifetimes are seconds from now.
 *
 * Wrong PHP types are a \TypeError; invalid values an AgoraTokenException
 * naming the field (category "channel_name", "role", "expire", ...).
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

    /** RTC for a numeric uid (0: any user), the role's privileges for $privilegeExpire seconds. */
    public static function buildTokenWithUid(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, int $uid, int $role, int $tokenExpire, int $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_uid', $appId, $appCertificate, [$channelName], [$uid, $role, $tokenExpire, $privilegeExpire]);
    }

    /** As {@see buildTokenWithUid()}, for a user account. */
    public static function buildTokenWithUserAccount(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $account, int $role, int $tokenExpire, int $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_user_account', $appId, $appCertificate, [$channelName, $account], [$role, $tokenExpire, $privilegeExpire]);
    }

    /** All four RTC privileges with their own lifetimes, whatever the role. */
    public static function buildTokenWithUidAndPrivilege(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, int $uid, int $tokenExpire, int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire, int $pubDataStreamPrivilegeExpire): string
    {
        return Token2::build('rtc.build_token_with_uid_and_privilege', $appId, $appCertificate, [$channelName],
            [$uid, $tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire]);
    }

    /** As {@see buildTokenWithUidAndPrivilege()}, for a user account. */
    public static function buildTokenWithUserAccountAndPrivilege(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $account, int $tokenExpire, int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire, int $pubDataStreamPrivilegeExpire): string
    {
        return Token2::build('rtc.build_token_with_user_account_and_privilege', $appId, $appCertificate, [$channelName, $account],
            [$tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire]);
    }

    /** The user-account token plus RTM Login for the same account, for $tokenExpire seconds. */
    public static function buildTokenWithRtm(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $account, int $role, int $tokenExpire, int $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_rtm', $appId, $appCertificate, [$channelName, $account], [$role, $tokenExpire, $privilegeExpire]);
    }

    /** RTC for $rtcAccount with its own privilege lifetimes, plus RTM Login for $rtmUserId. */
    public static function buildTokenWithRtm2(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $rtcAccount, int $rtcRole, int $rtcTokenExpire, int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire, int $pubDataStreamPrivilegeExpire, string $rtmUserId, int $rtmTokenExpire): string
    {
        return Token2::build('rtc.build_token_with_rtm2', $appId, $appCertificate, [$channelName, $rtcAccount, $rtmUserId],
            [$rtcRole, $rtcTokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire, $rtmTokenExpire]);
    }
}

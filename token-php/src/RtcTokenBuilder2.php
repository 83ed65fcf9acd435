<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * Agora's `RtcTokenBuilder2` (AccessToken2 "007"): RTC tokens. Every method
 * is one call of libagoratoken's generic builder; role tables, defaults and
 * checks live in token-core. Lifetimes are seconds from now.
 *
 * Numbers (uid, role, lifetimes) are ints or text in canonical decimal form
 * ("42", "3600", as `$_GET` hands them over), read by the library's rule
 * whether or not the calling file declares strict_types: "007", " 1", "1e3"
 * are errors of the field's category ("uid", "role", "expire", "expire_ts"),
 * never PHP's reading of them (uid "007" is not uid 7; a user account goes
 * to the *WithUserAccount builders).
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

    /** RTC for a numeric uid (0: any user; an int or its canonical decimal text), the role's privileges for $privilegeExpire seconds. */
    public static function buildTokenWithUid(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, int|string $uid, int|string $role, int|string $tokenExpire, int|string $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_uid', $appId, $appCertificate, [$channelName], [$uid, $role, $tokenExpire, $privilegeExpire]);
    }

    /** As {@see buildTokenWithUid()}, for a user account. */
    public static function buildTokenWithUserAccount(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $account, int|string $role, int|string $tokenExpire, int|string $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_user_account', $appId, $appCertificate, [$channelName, $account], [$role, $tokenExpire, $privilegeExpire]);
    }

    /** All four RTC privileges with their own lifetimes, whatever the role. */
    public static function buildTokenWithUidAndPrivilege(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, int|string $uid, int|string $tokenExpire, int|string $joinChannelPrivilegeExpire, int|string $pubAudioPrivilegeExpire, int|string $pubVideoPrivilegeExpire, int|string $pubDataStreamPrivilegeExpire): string
    {
        return Token2::build('rtc.build_token_with_uid_and_privilege', $appId, $appCertificate, [$channelName],
            [$uid, $tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire]);
    }

    /** As {@see buildTokenWithUidAndPrivilege()}, for a user account. */
    public static function buildTokenWithUserAccountAndPrivilege(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $account, int|string $tokenExpire, int|string $joinChannelPrivilegeExpire, int|string $pubAudioPrivilegeExpire, int|string $pubVideoPrivilegeExpire, int|string $pubDataStreamPrivilegeExpire): string
    {
        return Token2::build('rtc.build_token_with_user_account_and_privilege', $appId, $appCertificate, [$channelName, $account],
            [$tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire]);
    }

    /** The user-account token plus RTM Login for the same account, for $tokenExpire seconds. */
    public static function buildTokenWithRtm(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $account, int|string $role, int|string $tokenExpire, int|string $privilegeExpire = 0): string
    {
        return Token2::build('rtc.build_token_with_rtm', $appId, $appCertificate, [$channelName, $account], [$role, $tokenExpire, $privilegeExpire]);
    }

    /** RTC for $rtcAccount with its own privilege lifetimes, plus RTM Login for $rtmUserId. */
    public static function buildTokenWithRtm2(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $rtcAccount, int|string $rtcRole, int|string $rtcTokenExpire, int|string $joinChannelPrivilegeExpire, int|string $pubAudioPrivilegeExpire, int|string $pubVideoPrivilegeExpire, int|string $pubDataStreamPrivilegeExpire, string $rtmUserId, int|string $rtmTokenExpire): string
    {
        return Token2::build('rtc.build_token_with_rtm2', $appId, $appCertificate, [$channelName, $rtcAccount, $rtmUserId],
            [$rtcRole, $rtcTokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire, $rtmTokenExpire]);
    }
}

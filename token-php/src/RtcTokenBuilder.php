<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Native;

/**
 * Agora's documented `RtcTokenBuilder`: an RTC token for a role in one call.
 *
 * Attendee, Publisher and Admin get kJoinChannel and kPublishAudio/Video/DataStream,
 * Subscriber gets kJoinChannel; each privilege expires at $privilegeExpireTs
 * (0: never). The salt is random and the token expires 24 hours after it was built.
 */
final class RtcTokenBuilder
{
    public const RoleAttendee = 0;
    public const RolePublisher = 1;
    public const RoleSubscriber = 2;
    public const RoleAdmin = 101;

    private function __construct()
    {
    }

    /**
     * @param string $appID
     * @param string $appCertificate
     * @param string $channelName
     * @param int    $uid               0..4294967295 (0: any user)
     * @param int    $role              one of the Role* constants
     * @param int    $privilegeExpireTs Unix seconds, 0..4294967295
     * @throws AgoraTokenException with the category of an invalid argument (type-level problems first)
     */
    public static function buildTokenWithUid($appID, #[\SensitiveParameter] $appCertificate, $channelName, $uid, $role, $privilegeExpireTs): string
    {
        $ffi = Native::$ffi ?? Library::ffi();
        if (!\is_string($appID) || \str_contains($appID, "\0")) {
            throw Native::badString($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        }
        if (!\is_string($appCertificate) || \str_contains($appCertificate, "\0")) {
            throw Native::badString($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        }
        if (!\is_string($channelName) || \str_contains($channelName, "\0")) {
            throw Native::badString($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name');
        }
        if (!\is_int($uid) || $uid < 0 || $uid > Native::U32_MAX) {
            throw Native::badU32($uid, 'AGORA_TOKEN_ERR_UID', 'uid');
        }
        if (!\is_int($role) || $role < Native::I32_MIN || $role > Native::I32_MAX) {
            throw Native::badI32($role, 'AGORA_TOKEN_ERR_ROLE', 'role');
        }
        if (!\is_int($privilegeExpireTs) || $privilegeExpireTs < 0 || $privilegeExpireTs > Native::U32_MAX) {
            throw Native::badU32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts');
        }
        return Native::takeOut($ffi, $ffi->agora_rtc_token_builder_build_token_with_uid(
            $appID, $appCertificate, $channelName, $uid, $role, $privilegeExpireTs, Native::$outAddr
        ));
    }

    /**
     * As {@see buildTokenWithUid()}, for a user account (string uid).
     *
     * @param string $userAccount 1 to 255 bytes of the documented characters
     * @throws AgoraTokenException with the category of an invalid argument (type-level problems first)
     */
    public static function buildTokenWithUserAccount($appID, #[\SensitiveParameter] $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs): string
    {
        $ffi = Native::$ffi ?? Library::ffi();
        if (!\is_string($appID) || \str_contains($appID, "\0")) {
            throw Native::badString($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        }
        if (!\is_string($appCertificate) || \str_contains($appCertificate, "\0")) {
            throw Native::badString($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        }
        if (!\is_string($channelName) || \str_contains($channelName, "\0")) {
            throw Native::badString($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name');
        }
        if (!\is_string($userAccount) || \str_contains($userAccount, "\0")) {
            throw Native::badString($userAccount, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'user_account');
        }
        if (!\is_int($role) || $role < Native::I32_MIN || $role > Native::I32_MAX) {
            throw Native::badI32($role, 'AGORA_TOKEN_ERR_ROLE', 'role');
        }
        if (!\is_int($privilegeExpireTs) || $privilegeExpireTs < 0 || $privilegeExpireTs > Native::U32_MAX) {
            throw Native::badU32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts');
        }
        return Native::takeOut($ffi, $ffi->agora_rtc_token_builder_build_token_with_user_account(
            $appID, $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs, Native::$outAddr
        ));
    }
}

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
     * @throws AgoraTokenException with the category of the first invalid argument
     */
    public static function buildTokenWithUid($appID, $appCertificate, $channelName, $uid, $role, $privilegeExpireTs): string
    {
        $ffi = Library::ffi();
        $appID = Native::str($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        $appCertificate = Native::str($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        $channelName = Native::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name');
        $uid = Native::u32($uid, 'AGORA_TOKEN_ERR_UID', 'uid');
        $role = Native::i32($role, 'AGORA_TOKEN_ERR_ROLE', 'role');
        $privilegeExpireTs = Native::u32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts');
        $out = $ffi->new('char*');
        Native::check($ffi->agora_rtc_token_builder_build_token_with_uid(
            $appID, $appCertificate, $channelName, $uid, $role, $privilegeExpireTs, \FFI::addr($out)
        ));
        return Native::take($ffi, $out);
    }

    /**
     * As {@see buildTokenWithUid()}, for a user account (string uid).
     *
     * @param string $userAccount 1 to 255 bytes of the documented characters
     * @throws AgoraTokenException with the category of the first invalid argument
     */
    public static function buildTokenWithUserAccount($appID, $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs): string
    {
        $ffi = Library::ffi();
        $appID = Native::str($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        $appCertificate = Native::str($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        $channelName = Native::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name');
        $userAccount = Native::str($userAccount, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'user_account');
        $role = Native::i32($role, 'AGORA_TOKEN_ERR_ROLE', 'role');
        $privilegeExpireTs = Native::u32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts');
        $out = $ffi->new('char*');
        Native::check($ffi->agora_rtc_token_builder_build_token_with_user_account(
            $appID, $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs, \FFI::addr($out)
        ));
        return Native::take($ffi, $out);
    }
}

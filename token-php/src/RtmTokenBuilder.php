<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Native;

/**
 * Agora's documented `RtmTokenBuilder`: an RTM login token (006) whose channel
 * field is the user account, with kRtmLogin until $privilegeExpireTs.
 */
final class RtmTokenBuilder
{
    public const RoleRtmUser = 1;

    private function __construct()
    {
    }

    /**
     * @param string $appID
     * @param string $appCertificate
     * @param string $userAccount       1 to 255 bytes of the documented characters
     * @param int    $role              RoleRtmUser (1)
     * @param int    $privilegeExpireTs Unix seconds, 0..4294967295 (0: never)
     * @throws AgoraTokenException with the category of an invalid argument (type-level problems first)
     */
    public static function buildToken($appID, #[\SensitiveParameter] $appCertificate, $userAccount, $role, $privilegeExpireTs): string
    {
        $ffi = Native::$ffi ?? Library::ffi();
        if (!\is_string($appID) || \str_contains($appID, "\0")) {
            throw Native::badString($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        }
        if (!\is_string($appCertificate) || \str_contains($appCertificate, "\0")) {
            throw Native::badString($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
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
        return Native::takeOut($ffi, $ffi->agora_rtm_token_builder_build_token(
            $appID, $appCertificate, $userAccount, $role, $privilegeExpireTs, Native::$outAddr
        ));
    }
}

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
     * @throws AgoraTokenException with the category of the first invalid argument
     */
    public static function buildToken($appID, $appCertificate, $userAccount, $role, $privilegeExpireTs): string
    {
        $ffi = Library::ffi();
        $appID = Native::str($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        $appCertificate = Native::str($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        $userAccount = Native::str($userAccount, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'user_account');
        $role = Native::i32($role, 'AGORA_TOKEN_ERR_ROLE', 'role');
        $privilegeExpireTs = Native::u32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts');
        $out = $ffi->new('char*');
        Native::check($ffi->agora_rtm_token_builder_build_token(
            $appID, $appCertificate, $userAccount, $role, $privilegeExpireTs, \FFI::addr($out)
        ));
        return Native::take($ffi, $out);
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\Internal\Native;
use AgoraToken\RtmTokenBuilder as Strict;

/**
 * Agora's PHP `RtmTokenBuilder` (006) as the reference takes its arguments:
 * the global class `RtmTokenBuilder` once `aliases.php` is required. Built by
 * {@see \AgoraToken\RtmTokenBuilder}; invalid values throw an
 * AgoraTokenException naming the field.
 */
final class RtmTokenBuilder
{
    public const RoleRtmUser = Strict::RoleRtmUser;

    private function __construct()
    {
    }

    /**
     * RTM Login for $userAccount until $privilegeExpireTs (Unix seconds, 0: never).
     *
     * @param mixed     $role              ignored, as the reference ignores it (an int goes to
     *                                     the library, which takes every role as RTM user)
     * @param int|float|string $privilegeExpireTs a float is truncated; a string must be canonical decimal ("3600")
     */
    public static function buildToken($appID, #[\SensitiveParameter] $appCertificate, $userAccount, $role, $privilegeExpireTs): string
    {
        $role = \is_int($role) && $role >= Native::I32_MIN && $role <= Native::I32_MAX ? $role : self::RoleRtmUser;
        return Strict::buildToken($appID, $appCertificate, $userAccount, $role,
            Native::looseU32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts'));
    }
}

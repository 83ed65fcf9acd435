<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\AgoraTokenException;
use AgoraToken\Internal\Native;
use AgoraToken\RtcTokenBuilder as Strict;

/**
 * Agora's PHP `RtcTokenBuilder` (006) as the reference takes its arguments:
 * the global class `RtcTokenBuilder` once `aliases.php` is required. The
 * token is built by {@see \AgoraToken\RtcTokenBuilder} (token-core's role
 * table; privileges expire at $privilegeExpireTs, Unix seconds, 0: never;
 * the token lives 24 hours).
 *
 * Accepted as the reference accepts them: a uid, role or expiry as an int or
 * a canonical decimal string ("42", "1", "3600"; "042" is refused), an
 * account as a string or an int uid, a fractional expiry (truncated). Invalid values throw an
 * {@see AgoraTokenException} naming the field.
 */
final class RtcTokenBuilder
{
    public const RoleAttendee = Strict::RoleAttendee;
    public const RolePublisher = Strict::RolePublisher;
    public const RoleSubscriber = Strict::RoleSubscriber;
    public const RoleAdmin = Strict::RoleAdmin;

    private function __construct()
    {
    }

    /**
     * @param int|string $uid               0..4294967295 (0: any user), or its canonical decimal string
     * @param int|string $role              one of the Role* constants, or its decimal string ("1"; null
     *                                      is refused: the reference grants it the Attendee's privileges, null == 0)
     * @param int|float|string $privilegeExpireTs Unix seconds (0: never); a float is truncated, a string
     *                                      must be canonical decimal ("3600")
     */
    public static function buildTokenWithUid($appID, #[\SensitiveParameter] $appCertificate, $channelName, $uid, $role, $privilegeExpireTs): string
    {
        return Strict::buildTokenWithUid($appID, $appCertificate, $channelName, Native::looseUid($uid), Args::role($role),
            Native::looseU32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts'));
    }

    /**
     * As {@see buildTokenWithUid()}, for a user account.
     *
     * @param string|int $userAccount a user account, or an int uid (as the reference takes it)
     */
    public static function buildTokenWithUserAccount($appID, #[\SensitiveParameter] $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs): string
    {
        $expire = Native::looseU32($privilegeExpireTs, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'privilege_expire_ts');
        return \is_int($userAccount)
            ? Strict::buildTokenWithUid($appID, $appCertificate, $channelName, $userAccount, Args::role($role), $expire)
            : Strict::buildTokenWithUserAccount($appID, $appCertificate, $channelName, $userAccount, Args::role($role), $expire);
    }
}

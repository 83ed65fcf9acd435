<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\Internal\Token2;
use AgoraToken\Rtm2Permissions;

/**
 * Agora's PHP `RtmTokenBuilder2` (007) as the reference takes its arguments
 * (a user id string or int, fractional lifetimes truncated): the global class
 * `RtmTokenBuilder2` once `aliases.php` is required. Lifetimes are seconds
 * from now; invalid values throw an AgoraTokenException naming the field.
 */
final class RtmTokenBuilder2
{
    private function __construct()
    {
    }

    /** RTM Login for $userId (1 to 255 bytes) for $expire seconds. */
    public static function buildToken($appId, #[\SensitiveParameter] $appCertificate, $userId, $expire): string
    {
        return Token2::build('rtm.build_token', Args::appId($appId), Args::certificate($appCertificate),
            [Args::account($userId, 'AGORA_TOKEN_ERR_USER_ID', 'user_id')], [Args::expire($expire)]);
    }

    /**
     * RTM2 Login for $userId with resource grants (null: none), for $expire seconds.
     *
     * @param Rtm2Permissions|null $permissions
     */
    public static function buildTokenWithPermissions($appId, #[\SensitiveParameter] $appCertificate, $userId, $permissions, $expire): string
    {
        if ($permissions !== null && !$permissions instanceof Rtm2Permissions) {
            throw \AgoraToken\Internal\Native::invalid('AGORA_TOKEN_ERR_PERMISSION', 'permissions', 'must be an Rtm2Permissions or null, got ' . get_debug_type($permissions));
        }
        return Token2::build('rtm.build_token_with_permissions', Args::appId($appId), Args::certificate($appCertificate),
            [Args::account($userId, 'AGORA_TOKEN_ERR_USER_ID', 'user_id')], [Args::expire($expire)], $permissions?->grants() ?? []);
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\Internal\Token2;

/**
 * Agora's PHP `ChatTokenBuilder2` (007) as the reference takes its arguments
 * (a user id string or int, fractional lifetimes truncated): the global class
 * `ChatTokenBuilder2` once `aliases.php` is required. Lifetimes are seconds
 * from now; invalid values throw an AgoraTokenException naming the field.
 */
final class ChatTokenBuilder2
{
    private function __construct()
    {
    }

    /** Chat User for $userId (1 to 255 bytes) for $expire seconds. */
    public static function buildUserToken($appId, #[\SensitiveParameter] $appCertificate, $userId, $expire): string
    {
        return Token2::build('chat.build_user_token', Args::appId($appId), Args::certificate($appCertificate),
            [Args::account($userId, 'AGORA_TOKEN_ERR_USER_ID', 'user_id')], [Args::expire($expire)]);
    }

    /** Chat App for $expire seconds. */
    public static function buildAppToken($appId, #[\SensitiveParameter] $appCertificate, $expire): string
    {
        return Token2::build('chat.build_app_token', Args::appId($appId), Args::certificate($appCertificate), [], [Args::expire($expire)]);
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\Internal\Token2;

/**
 * Agora's PHP `ApaasTokenBuilder` (007) as the reference takes its arguments
 * (fractional lifetimes truncated): the global class `ApaasTokenBuilder` once
 * `aliases.php` is required. Lifetimes are seconds from now; invalid values
 * throw an AgoraTokenException naming the field.
 */
final class ApaasTokenBuilder
{
    private function __construct()
    {
    }

    /**
     * APaaS RoomUser, RTM Login for $userUuid and Chat User for its MD5 (token-core computes it), each for $expire seconds.
     *
     * @param int $role -32768..32767
     */
    public static function buildRoomUserToken($appId, #[\SensitiveParameter] $appCertificate, $roomUuid, $userUuid, $role, $expire): string
    {
        return Token2::build('apaas.build_room_user_token', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($roomUuid, 'AGORA_TOKEN_ERR_ROOM_UUID', 'room_uuid'), Args::str($userUuid, 'AGORA_TOKEN_ERR_USER_UUID', 'user_uuid')],
            [Args::role($role), Args::expire($expire)]);
    }

    /** APaaS User for $userUuid for $expire seconds. */
    public static function buildUserToken($appId, #[\SensitiveParameter] $appCertificate, $userUuid, $expire): string
    {
        return Token2::build('apaas.build_user_token', Args::appId($appId), Args::certificate($appCertificate),
            [Args::str($userUuid, 'AGORA_TOKEN_ERR_USER_UUID', 'user_uuid')], [Args::expire($expire)]);
    }

    /** APaaS App for $expire seconds. */
    public static function buildAppToken($appId, #[\SensitiveParameter] $appCertificate, $expire): string
    {
        return Token2::build('apaas.build_app_token', Args::appId($appId), Args::certificate($appCertificate), [], [Args::expire($expire)]);
    }
}

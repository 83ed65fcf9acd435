<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * Agora's `EducationTokenBuilder` (AccessToken2 "007").
 *
 * Lifetimes and roles are ints or text in canonical decimal form ("3600"),
 * read by the library's rule as in {@see RtcTokenBuilder2} ("1e3", " 60" are
 * errors of the field's category, not PHP's reading of them).
 */
final class EducationTokenBuilder
{
    private function __construct()
    {
    }

    /** APaaS RoomUser, RTM Login for $userUuid and Chat User for its MD5, each for $expire seconds. */
    public static function buildRoomUserToken(string $appId, #[\SensitiveParameter] string $appCertificate, string $roomUuid, string $userUuid, int|string $role, int|string $expire): string
    {
        return Token2::build('education.build_room_user_token', $appId, $appCertificate, [$roomUuid, $userUuid], [$role, $expire]);
    }

    /** APaaS User for $userUuid for $expire seconds. */
    public static function buildUserToken(string $appId, #[\SensitiveParameter] string $appCertificate, string $userUuid, int|string $expire): string
    {
        return Token2::build('education.build_user_token', $appId, $appCertificate, [$userUuid], [$expire]);
    }

    /** APaaS App for $expire seconds. */
    public static function buildAppToken(string $appId, #[\SensitiveParameter] string $appCertificate, int|string $expire): string
    {
        return Token2::build('education.build_app_token', $appId, $appCertificate, [], [$expire]);
    }
}

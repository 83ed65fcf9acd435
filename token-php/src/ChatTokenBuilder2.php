<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * Agora's `ChatTokenBuilder2` (AccessToken2 "007"): Chat user and app tokens.
 *
 * Lifetimes are ints or text in canonical decimal form ("3600"),
 * read by the library's rule as in {@see RtcTokenBuilder2} ("1e3", " 60" are
 * errors of the field's category, not PHP's reading of them).
 */
final class ChatTokenBuilder2
{
    private function __construct()
    {
    }

    /** Chat User for $userId (1 to 255 bytes) for $expire seconds. */
    public static function buildUserToken(string $appId, #[\SensitiveParameter] string $appCertificate, string $userId, int|string $expire): string
    {
        return Token2::build('chat.build_user_token', $appId, $appCertificate, [$userId], [$expire]);
    }

    /** Chat App for $expire seconds. */
    public static function buildAppToken(string $appId, #[\SensitiveParameter] string $appCertificate, int|string $expire): string
    {
        return Token2::build('chat.build_app_token', $appId, $appCertificate, [], [$expire]);
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * Agora's `RtmTokenBuilder2` (AccessToken2 "007"): RTM Login, RTM2 with permissions.
 *
 * Lifetimes are ints or text in canonical decimal form ("3600"),
 * read by the library's rule as in {@see RtcTokenBuilder2} ("1e3", " 60" are
 * errors of the field's category, not PHP's reading of them).
 */
final class RtmTokenBuilder2
{
    private function __construct()
    {
    }

    /** RTM Login for $userId (1 to 255 bytes) for $expire seconds. */
    public static function buildToken(string $appId, #[\SensitiveParameter] string $appCertificate, string $userId, int|string $expire): string
    {
        return Token2::build('rtm.build_token', $appId, $appCertificate, [$userId], [$expire]);
    }

    /** RTM2 Login for $userId with resource grants (null: none), for $expire seconds. */
    public static function buildTokenWithPermissions(string $appId, #[\SensitiveParameter] string $appCertificate, string $userId, ?Rtm2Permissions $permissions, int|string $expire = 0): string
    {
        return Token2::build('rtm.build_token_with_permissions', $appId, $appCertificate, [$userId], [$expire], $permissions?->grants() ?? []);
    }
}

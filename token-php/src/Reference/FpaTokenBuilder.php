<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\Internal\Token2;

/**
 * Agora's PHP `FpaTokenBuilder` (007): the global class `FpaTokenBuilder`
 * once `aliases.php` is required. Invalid values throw an
 * AgoraTokenException naming the field.
 */
final class FpaTokenBuilder
{
    private function __construct()
    {
    }

    /** FPA Login in a token that lives 24 hours (token-core's default). */
    public static function buildToken($appId, #[\SensitiveParameter] $appCertificate): string
    {
        return Token2::build('fpa.build_token', Args::appId($appId), Args::certificate($appCertificate), [], []);
    }
}

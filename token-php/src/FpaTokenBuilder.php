<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/** Agora's `FpaTokenBuilder` (AccessToken2 "007"). */
final class FpaTokenBuilder
{
    private function __construct()
    {
    }

    /** FPA Login in a token that lives 24 hours. */
    public static function buildToken(string $appId, #[\SensitiveParameter] string $appCertificate): string
    {
        return Token2::build('fpa.build_token', $appId, $appCertificate, [], []);
    }
}

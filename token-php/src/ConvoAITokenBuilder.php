<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * npm agora-token 2.0.6's `ConvoAITokenBuilder` (no PHP reference has one):
 * the token of {@see RtcTokenBuilder2::buildTokenWithRtm2()} plus a ConvoAI service.
 */
final class ConvoAITokenBuilder
{
    private function __construct()
    {
    }

    /** The arguments of {@see RtcTokenBuilder2::buildTokenWithRtm2()}. */
    public static function buildToken(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $rtcAccount, int $rtcRole, int $rtcTokenExpire, int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire, int $pubDataStreamPrivilegeExpire, string $rtmUserId, int $rtmTokenExpire): string
    {
        return Token2::build('convoai.build_token', $appId, $appCertificate, [$channelName, $rtcAccount, $rtmUserId],
            [$rtcRole, $rtcTokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire, $rtmTokenExpire]);
    }
}

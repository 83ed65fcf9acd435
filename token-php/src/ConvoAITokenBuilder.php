<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Token2;

/**
 * npm agora-token 2.0.6's `ConvoAITokenBuilder` (no PHP reference has one):
 * the token of {@see RtcTokenBuilder2::buildTokenWithRtm2()} plus a ConvoAI service.
 *
 * Lifetimes and roles are ints or text in canonical decimal form ("3600"),
 * read by the library's rule as in {@see RtcTokenBuilder2} ("1e3", " 60" are
 * errors of the field's category, not PHP's reading of them).
 */
final class ConvoAITokenBuilder
{
    private function __construct()
    {
    }

    /** The arguments of {@see RtcTokenBuilder2::buildTokenWithRtm2()}. */
    public static function buildToken(string $appId, #[\SensitiveParameter] string $appCertificate, string $channelName, string $rtcAccount, int|string $rtcRole, int|string $rtcTokenExpire, int|string $joinChannelPrivilegeExpire, int|string $pubAudioPrivilegeExpire, int|string $pubVideoPrivilegeExpire, int|string $pubDataStreamPrivilegeExpire, string $rtmUserId, int|string $rtmTokenExpire): string
    {
        return Token2::build('convoai.build_token', $appId, $appCertificate, [$channelName, $rtcAccount, $rtmUserId],
            [$rtcRole, $rtcTokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire, $rtmTokenExpire]);
    }
}

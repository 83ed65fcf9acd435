<?php

declare(strict_types=1);

namespace AgoraToken;

/** Streaming (3): a channel and a user (an int uid, "" for uid 0, or an account). */
final class ServiceStreaming extends Service implements Internal\KnownService
{
    use Internal\ChannelAccount;

    public const SERVICE_TYPE = 3;
    public const PRIVILEGE_PUBLISH_MIX_STREAM = 1;
    public const PRIVILEGE_PUBLISH_RAW_STREAM = 2;
}

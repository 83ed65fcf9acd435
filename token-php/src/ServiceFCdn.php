<?php

declare(strict_types=1);

namespace AgoraToken;

/** FCDN (6): a channel and a user (an int uid, "" for uid 0, or an account). */
final class ServiceFCdn extends Service implements Internal\KnownService
{
    use Internal\ChannelAccount;

    public const SERVICE_TYPE = 6;
    public const PRIVILEGE_PUBLISH = 1;
    public const PRIVILEGE_PLAY = 2;
}

<?php

declare(strict_types=1);

namespace AgoraToken;

/** Streaming (3): a channel and a user (an int uid, "" for uid 0, or an account). */
final class ServiceStreaming extends Service
{
    public const SERVICE_TYPE = 3;
    public const PRIVILEGE_PUBLISH_MIX_STREAM = 1;
    public const PRIVILEGE_PUBLISH_RAW_STREAM = 2;
    public string $channelName;
    public int|string $account;
    public function __construct(string $channelName = "", int|string $account = "")
    {
        parent::__construct(self::SERVICE_TYPE);
        $this->channelName = $channelName;
        $this->account = $account;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ["channel_name" => $this->channelName] + self::user($this->account);
    }
}

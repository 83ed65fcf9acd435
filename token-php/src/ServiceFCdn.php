<?php

declare(strict_types=1);

namespace AgoraToken;

/** FCDN (6): a channel and a user (an int uid, "" for uid 0, or an account). */
final class ServiceFCdn extends Service
{
    public const SERVICE_TYPE = 6;
    public const PRIVILEGE_PUBLISH = 1;
    public const PRIVILEGE_PLAY = 2;
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

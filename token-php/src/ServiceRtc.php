<?php

declare(strict_types=1);

namespace AgoraToken;

/** RTC (1): a channel and a user (an int uid, "" for uid 0, or an account). */
final class ServiceRtc extends Service implements Internal\KnownService
{
    public const SERVICE_TYPE = 1;
    public const PRIVILEGE_JOIN_CHANNEL = 1;
    public const PRIVILEGE_PUBLISH_AUDIO_STREAM = 2;
    public const PRIVILEGE_PUBLISH_VIDEO_STREAM = 3;
    public const PRIVILEGE_PUBLISH_DATA_STREAM = 4;
    public string $channelName;
    public int|string $uid;
    public function __construct(string $channelName = "", int|string $uid = "")
    {
        parent::__construct(self::SERVICE_TYPE);
        $this->channelName = $channelName;
        $this->uid = $uid;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ["channel_name" => $this->channelName] + self::user($this->uid);
    }
}

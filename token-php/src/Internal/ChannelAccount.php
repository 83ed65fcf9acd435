<?php

declare(strict_types=1);

namespace AgoraToken\Internal;

/**
 * What Streaming and FCDN share: a channel and a user (an int uid, "" for
 * uid 0, or an account string).
 *
 * @internal
 */
trait ChannelAccount
{
    public string $channelName;
    public int|string $account;

    public function __construct(string $channelName = '', int|string $account = '')
    {
        parent::__construct(static::SERVICE_TYPE);
        $this->channelName = $channelName;
        $this->account = $account;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ['channel_name' => $this->channelName] + self::user($this->account);
    }
}

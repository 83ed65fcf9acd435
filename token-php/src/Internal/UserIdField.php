<?php

declare(strict_types=1);

namespace AgoraToken\Internal;

/**
 * What RTM and Chat share: a user id.
 *
 * @internal
 */
trait UserIdField
{
    public string $userId;

    public function __construct(string $userId = '')
    {
        parent::__construct(static::SERVICE_TYPE);
        $this->userId = $userId;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ['user_id' => $this->userId];
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken;

/** RTM (2): a user id. */
final class ServiceRtm extends Service
{
    public const SERVICE_TYPE = 2;
    public const PRIVILEGE_LOGIN = 1;
    public string $userId;
    public function __construct(string $userId = "")
    {
        parent::__construct(self::SERVICE_TYPE);
        $this->userId = $userId;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ["user_id" => $this->userId];
    }
}

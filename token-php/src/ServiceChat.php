<?php

declare(strict_types=1);

namespace AgoraToken;

/** Chat (5): a user id ("" for an app token). */
final class ServiceChat extends Service
{
    public const SERVICE_TYPE = 5;
    public const PRIVILEGE_USER = 1;
    public const PRIVILEGE_APP = 2;
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

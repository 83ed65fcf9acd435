<?php

declare(strict_types=1);

namespace AgoraToken;

/** APaaS (7): a room uuid, a user uuid and a role (-32768..32767). */
final class ServiceApaas extends Service implements Internal\KnownService
{
    public const SERVICE_TYPE = 7;
    public const PRIVILEGE_ROOM_USER = 1;
    public const PRIVILEGE_USER = 2;
    public const PRIVILEGE_APP = 3;
    public string $roomUuid;
    public string $userUuid;
    public int $role;
    public function __construct(string $roomUuid = "", string $userUuid = "", int $role = -1)
    {
        parent::__construct(self::SERVICE_TYPE);
        $this->roomUuid = $roomUuid;
        $this->userUuid = $userUuid;
        $this->role = $role;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ["room_uuid" => $this->roomUuid, "user_uuid" => $this->userUuid, "role" => $this->role];
    }
}

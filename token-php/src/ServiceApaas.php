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
    /** an int, or text in canonical decimal form ("1"), read when built (other text: a "role" error) */
    public int|string $role;
    public function __construct(string $roomUuid = "", string $userUuid = "", int|string $role = -1)
    {
        parent::__construct(self::SERVICE_TYPE);
        $this->roomUuid = $roomUuid;
        $this->userUuid = $userUuid;
        $this->role = $role;
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ["room_uuid" => $this->roomUuid, "user_uuid" => $this->userUuid, "role" => \is_string($this->role) ? Internal\Native::fromDecimal($this->role, 'AGORA_TOKEN_ERR_ROLE') : $this->role];
    }
}

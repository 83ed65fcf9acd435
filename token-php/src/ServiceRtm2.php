<?php

declare(strict_types=1);

namespace AgoraToken;

/** RTM2 (8): a user id and resource grants. */
final class ServiceRtm2 extends Service implements Internal\KnownService
{
    public const SERVICE_TYPE = 8;
    public const PRIVILEGE_LOGIN = 1;
    public string $userId;
    public Rtm2Permissions $permissions;
    public function __construct(string $userId = "", ?Rtm2Permissions $permissions = null)
    {
        parent::__construct(self::SERVICE_TYPE);
        $this->userId = $userId;
        $this->permissions = $permissions ?? new Rtm2Permissions();
    }

    /** @internal */
    public function data(): array
    {
        return parent::data() + ["user_id" => $this->userId, "permissions" => $this->permissions->grants()];
    }
}

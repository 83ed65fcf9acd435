<?php

declare(strict_types=1);

namespace AgoraToken;

/** RTM (2): a user id. */
final class ServiceRtm extends Service implements Internal\KnownService
{
    use Internal\UserIdField;

    public const SERVICE_TYPE = 2;
    public const PRIVILEGE_LOGIN = 1;
}

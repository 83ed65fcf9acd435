<?php

declare(strict_types=1);

namespace AgoraToken;

/** Chat (5): a user id ("" for an app token). */
final class ServiceChat extends Service implements Internal\KnownService
{
    use Internal\UserIdField;

    public const SERVICE_TYPE = 5;
    public const PRIVILEGE_USER = 1;
    public const PRIVILEGE_APP = 2;
}

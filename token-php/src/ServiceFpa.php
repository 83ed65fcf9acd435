<?php

declare(strict_types=1);

namespace AgoraToken;

/** FPA (4): no field. */
final class ServiceFpa extends Service implements Internal\KnownService
{
    public const SERVICE_TYPE = 4;
    public const PRIVILEGE_LOGIN = 1;

    public function __construct()
    {
        parent::__construct(self::SERVICE_TYPE);

    }

}

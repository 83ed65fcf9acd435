<?php

declare(strict_types=1);

namespace AgoraToken;

/** STT (10, npm agora-token 2.0.6): no field, no privilege. */
final class ServiceStt extends Service implements Internal\KnownService
{
    public const SERVICE_TYPE = 10;

    public function __construct()
    {
        parent::__construct(self::SERVICE_TYPE);

    }

}

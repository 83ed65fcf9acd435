<?php

declare(strict_types=1);

namespace AgoraToken;

/** ConvoAI (9, npm agora-token 2.0.6): no field, no privilege. */
final class ServiceConvoAI extends Service implements Internal\KnownService
{
    public const SERVICE_TYPE = 9;

    public function __construct()
    {
        parent::__construct(self::SERVICE_TYPE);

    }

}

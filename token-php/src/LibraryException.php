<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * libagoratoken could not be found or loaded (a deployment problem, not
 * invalid input: see {@see AgoraTokenException} for that).
 */
class LibraryException extends \RuntimeException
{
}

<?php

declare(strict_types=1);

namespace AgoraToken\Internal;

/**
 * Marks the service classes of the types libagoratoken knows (1..10, with
 * their own fields). Any other {@see \AgoraToken\Service} (the base class,
 * or a subclass of it as Agora's tests write for "an unknown service type")
 * is built as the base layout: its type, then its privileges.
 *
 * @internal
 */
interface KnownService
{
}

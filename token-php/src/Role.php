<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * The roles of {@see SimpleTokenBuilder::initPrivileges()}, named as in Agora's
 * reference builders (`SimpleTokenBuilder::Role["kRolePublisher"]` there).
 */
final class Role
{
    public const kRoleAttendee = 0;
    public const kRolePublisher = 1;
    public const kRoleSubscriber = 2;
    public const kRoleAdmin = 101;

    private function __construct()
    {
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken;

/** RTM2 grants: resource type => permission type => resources. */
final class Rtm2Permissions
{
    public const MESSAGE_CHANNELS = 0;
    public const STREAM_CHANNELS = 1;
    public const GROUP_CHANNELS = 2;
    public const SERVER_GROUPS = 3;
    public const USERS = 4;

    public const READ = 0;
    public const WRITE = 1;

    /** @var array<int, array<int, list<string>>> */
    public array $details = [];

    /**
     * Sets the resources of a resource type and permission type.
     *
     * @param list<string> $resources
     */
    public function add(int $resourceType, int $permissionType, array $resources): void
    {
        $this->details[$resourceType][$permissionType] = array_values($resources);
    }

    /**
     * The grants as libagoratoken takes them (it packs them sorted).
     *
     * @internal
     * @return list<array{0: int, 1: int, 2: list<string>}>
     */
    public function grants(): array
    {
        $flat = [];
        foreach ($this->details as $resourceType => $byPermission) {
            foreach ($byPermission as $permissionType => $resources) {
                $flat[] = [$resourceType, $permissionType, $resources];
            }
        }
        return $flat;
    }

    /**
     * @internal
     * @param list<array{0: int, 1: int, 2: list<string>}> $grants
     */
    public static function fromGrants(array $grants): self
    {
        $p = new self();
        foreach ($grants as [$resourceType, $permissionType, $resources]) {
            $p->add($resourceType, $permissionType, $resources);
        }
        return $p;
    }
}

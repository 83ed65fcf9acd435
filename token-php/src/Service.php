<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * One service of an AccessToken2, as data: its type and privileges
 * (id => seconds after issue_ts; 0: no limit of its own). The subclasses
 * add the fields of their type; libagoratoken checks and packs them.
 */
class Service
{
    public int $type;
    /** @var array<int, int|float|string> privilege id => seconds after issue_ts */
    public array $privileges = [];

    public function __construct(int $serviceType)
    {
        $this->type = $serviceType;
    }

    /**
     * Grants a privilege for $expire seconds after issue_ts. A float or a
     * string is taken as Agora's references take it, checked when the token
     * is built (libagoratoken's rules): a float is truncated toward zero
     * (NaN, infinities or values outside 0..4294967295 are an "expire"
     * error); a string must be canonical decimal ("3600", as `$_GET` gives
     * it; "007", " 1", "1e3" are "expire" errors, where PHP's own coercion
     * of an int parameter would read 7, 1 and 1000).
     */
    public function addPrivilege(int $privilege, int|float|string $expire): void
    {
        $this->privileges[$privilege] = $expire;
    }

    public function getServiceType(): int
    {
        return $this->type;
    }

    /**
     * The fields of this service as libagoratoken takes them.
     *
     * @internal
     * @return array<string, mixed>
     */
    public function data(): array
    {
        $pairs = [];
        foreach ($this->privileges as $id => $expire) {
            $pairs[] = [$id, \is_int($expire) ? $expire : Internal\Native::looseU32($expire, 'AGORA_TOKEN_ERR_EXPIRE', 'privilege_expire')];
        }
        $data = ['type' => $this->type, 'privileges' => $pairs];
        if (!$this instanceof Internal\KnownService) {
            $data['other'] = true;   // the base layout: a type the library does not know
        }
        return $data;
    }

    /**
     * The service of a parsed token, as an object of its class.
     *
     * @internal
     * @param array<string, mixed> $s
     */
    public static function fromData(array $s): self
    {
        $service = match ($s['type']) {
            ServiceRtc::SERVICE_TYPE => new ServiceRtc($s['channel_name'], $s['user_account']),
            ServiceRtm::SERVICE_TYPE => new ServiceRtm($s['user_id']),
            ServiceStreaming::SERVICE_TYPE => new ServiceStreaming($s['channel_name'], $s['user_account']),
            ServiceFpa::SERVICE_TYPE => new ServiceFpa(),
            ServiceChat::SERVICE_TYPE => new ServiceChat($s['user_id']),
            ServiceFCdn::SERVICE_TYPE => new ServiceFCdn($s['channel_name'], $s['user_account']),
            ServiceApaas::SERVICE_TYPE => new ServiceApaas($s['room_uuid'], $s['user_uuid'], $s['role']),
            ServiceRtm2::SERVICE_TYPE => new ServiceRtm2($s['user_id'], Rtm2Permissions::fromGrants($s['permissions'])),
            ServiceConvoAI::SERVICE_TYPE => new ServiceConvoAI(),
            default => new ServiceStt(),
        };
        foreach ($s['privileges'] as [$id, $expire]) {
            $service->privileges[$id] = $expire;
        }
        return $service;
    }

    /**
     * The user of a channel service: an int is a numeric uid, "" uid 0 (any
     * user), another string an account.
     *
     * @internal
     * @return array<string, int|string>
     */
    protected static function user(int|string $user): array
    {
        if (\is_int($user) || $user === '') {
            return ['uid' => \is_int($user) ? $user : 0];
        }
        return ['user_account' => $user];
    }
}

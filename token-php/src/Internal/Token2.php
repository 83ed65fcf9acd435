<?php

declare(strict_types=1);

namespace AgoraToken\Internal;

use AgoraToken\AgoraTokenException;
use AgoraToken\Library;

/**
 * The one place where the PHP binding calls libagoratoken for AccessToken2
 * (007): the generic builder (a reference builder is one call of it, by
 * its python3 name), the data form of AccessToken2, parse and verify.
 *
 * Strings go in as (pointer, length): a NUL byte fails its field's check in
 * the library, so nothing is scanned here. App id and certificate are
 * passed as they are; the builders' other strings are copied into one
 * reused C buffer. Failures come back in an error object, read at once.
 *
 * @internal
 */
final class Token2
{
    /** Bytes of the reused buffer per string argument (a longer one gets its own). */
    private const SLOT = 1024;

    private static ?\FFI $ffi = null;
    /** @var array<string, int> builder ids by python3 name, from the library's table */
    private static array $ids = [];
    private static \FFI\CData $out;
    private static \FFI\CData $len;
    private static \FFI\CData $lenAddr;
    private static \FFI\CData $error;
    private static \FFI\CData $errorAddr;
    private static \FFI\CData $args;
    private static \FFI\CData $argsAddr;
    private static \FFI\CData $strs;
    private static \FFI\CData $ints;
    private static \FFI\CData $scratch;
    /** @var list<\FFI\CData> where string argument $i is copied */
    private static array $slots = [];
    /** @var array{0: int, 1: int}|null the test hook: issue_ts and salt */
    private static ?array $pin = null;

    private function __construct()
    {
    }

    private static function ffi(): \FFI
    {
        if (self::$ffi !== null) {
            return self::$ffi;
        }
        $ffi = Library::ffi();
        self::$out = $ffi->new('char[1024]');
        self::$len = $ffi->new('size_t');
        self::$lenAddr = \FFI::addr(self::$len);
        self::$error = $ffi->new('agora_token_error');
        self::$errorAddr = \FFI::addr(self::$error);
        self::$args = $ffi->new('agora_token2_args');
        self::$argsAddr = \FFI::addr(self::$args);
        self::$strs = $ffi->new('agora_token_str[3]');
        self::$ints = $ffi->new('int64_t[10]');
        self::$scratch = $ffi->new('char[' . (3 * self::SLOT) . ']');
        self::$args->strs = \FFI::addr(self::$strs[0]);
        self::$args->ints = \FFI::addr(self::$ints[0]);
        for ($i = 0; $i < 3; $i++) {
            self::$slots[$i] = \FFI::addr(self::$scratch[$i * self::SLOT]);
            self::$strs[$i]->ptr = self::$slots[$i];
        }
        return self::$ffi = $ffi;
    }

    /**
     * Pins issue_ts and salt of every 007 token built until unpinned (null):
     * the test hook of the tests and the conformance runner.
     */
    public static function pin(?int $issueTs, ?int $salt = null): void
    {
        self::$pin = $issueTs === null ? null : [$issueTs, $salt ?? 0];
    }

    /** The exception of a failed call, from its error object. */
    private static function failure(\FFI $ffi, int $status): AgoraTokenException
    {
        $e = self::$error;
        return new AgoraTokenException(\FFI::string($e->message, $e->len), $status, $ffi->agora_token_error_name($status));
    }

    /** The builder id of a python3 name ("rtc.build_token_with_uid"). */
    private static function id(\FFI $ffi, string $name): int
    {
        $id = $ffi->new('uint32_t');
        if ($ffi->agora_token2_builder_find($name, \strlen($name), \FFI::addr($id), self::$errorAddr) !== 0) {
            throw new \LogicException("libagoratoken has no builder $name: is it older than this package?");
        }
        return self::$ids[$name] = $id->cdata;
    }

    /**
     * Integer argument $i of builder $id given as text: its value when the
     * text is in canonical decimal form ("42", "0"), else the error of that
     * parameter, both decided by the library (`agora_token2_int_from_decimal`:
     * a uid's errors point to the account builder; a role, a token lifetime
     * or a privilege lifetime fail under their own category). PHP's own
     * reading of numeric text ("007" is 7, "1e3" is 1000, " 60" is 60) never
     * applies: the builders declare such parameters `int|string`, so PHP
     * hands the text over unchanged.
     */
    private static function decimal(\FFI $ffi, int $id, int $i, string $text): int
    {
        $out = $ffi->new('int64_t');
        $status = $ffi->agora_token2_int_from_decimal($id, $i, $text, \strlen($text), \FFI::addr($out), self::$errorAddr);
        if ($status !== 0) {
            throw self::failure($ffi, $status);
        }
        return $out->cdata;
    }

    /**
     * Runs `$call($out, $cap)` (a sized build writing to self::$len and
     * self::$error) and returns the token; a token longer than the reused
     * buffer is built again into one of the size the library asked for.
     */
    private static function token(\FFI $ffi, \Closure $call): string
    {
        $status = $call(self::$out, 1024);
        for ($tries = 0; $status === $ffi->AGORA_TOKEN_ERR_BUFFER_TOO_SMALL && $tries < 3; $tries++) {
            $big = $ffi->new('char[' . (self::$error->needed + 64) . ']');
            $status = $call($big, self::$error->needed + 64);
            if ($status === 0) {
                return \FFI::string($big, self::$len->cdata);
            }
        }
        if ($status !== 0) {
            throw self::failure($ffi, $status);
        }
        return \FFI::string(self::$out, self::$len->cdata);
    }

    /**
     * Calls the reference builder `$name` of the library's table.
     *
     * @param list<string> $strs the string arguments, in parameter order
     * @param list<int|string|null> $ints the integer arguments, in parameter order; null: the
     *     library's meaning of a null argument (an RTC role: join only; else `null_argument`);
     *     a string: text for the number, read by the library's rule ({@see self::decimal()})
     * @param list<array{0: int, 1: int, 2: list<string>}>|null $permissions RTM2 grants: [resource type, permission type, resources]
     */
    public static function build(string $name, string $appId, #[\SensitiveParameter] string $appCertificate, array $strs, array $ints, ?array $permissions = null): string
    {
        $ffi = self::$ffi ?? self::ffi();
        $id = self::$ids[$name] ?? self::id($ffi, $name);
        $args = self::$args;
        $keep = [];
        foreach ($strs as $i => $s) {
            $n = \strlen($s);
            if ($n > self::SLOT) {
                $keep[] = $own = $ffi->new("char[$n]");
                self::$strs[$i]->ptr = \FFI::addr($own[0]);
            }
            \FFI::memcpy($n > self::SLOT ? $own : self::$slots[$i], $s, $n);
            self::$strs[$i]->len = $n;
        }
        $nulls = 0;
        foreach ($ints as $i => $v) {
            if ($v === null) {
                $nulls |= 1 << $i;
                $v = 0;
            } elseif (\is_string($v)) {
                $v = self::decimal($ffi, $id, $i, $v);
            }
            self::$ints[$i] = $v;
        }
        $args->null_ints = $nulls;
        $args->str_count = \count($strs);
        $args->int_count = \count($ints);
        if ($permissions !== null) {
            [$grants, $count] = self::grants($ffi, $permissions, $keep);
            $args->permissions = $grants;
            $args->permission_count = $count;
        }
        if (self::$pin !== null) {
            [$args->issue_ts, $args->salt] = self::$pin;
        }
        $args->has_issue_ts = $args->has_salt = self::$pin === null ? 0 : 1;
        try {
            return self::token($ffi, static fn (\FFI\CData $out, int $cap): int => $ffi->agora_token2_build(
                $id, $appId, \strlen($appId), $appCertificate, \strlen($appCertificate), self::$argsAddr, $out, $cap, self::$lenAddr, self::$errorAddr
            ));
        } finally {
            if ($keep !== []) {
                for ($i = 0; $i < 3; $i++) {
                    self::$strs[$i]->ptr = self::$slots[$i];
                }
            }
            if ($permissions !== null) {
                $args->permissions = null;
                $args->permission_count = 0;
            }
        }
    }

    /** A C copy of a string, kept alive in $keep. */
    private static function str(\FFI $ffi, #[\SensitiveParameter] ?string $s, array &$keep): \FFI\CData
    {
        $c = $ffi->new('agora_token_str');
        if ($s === null) {
            return $c;
        }
        $n = \strlen($s);
        $keep[] = $bytes = $ffi->new('char[' . max(1, $n) . ']');
        \FFI::memcpy($bytes, $s, $n);
        $c->ptr = \FFI::addr($bytes[0]);
        $c->len = $n;
        return $c;
    }

    /**
     * RTM2 grants as C structs (kept alive in $keep).
     *
     * @param list<array{0: int, 1: int, 2: list<string>}> $flat [resource type, permission type, resources]
     * @return array{0: \FFI\CData|null, 1: int}
     */
    private static function grants(\FFI $ffi, array $flat, array &$keep): array
    {
        if ($flat === []) {
            return [null, 0];
        }
        $keep[] = $grants = $ffi->new('agora_token2_permission[' . \count($flat) . ']');
        foreach ($flat as $i => [$resourceType, $permissionType, $resources]) {
            $grants[$i]->resource_type = $resourceType;
            $grants[$i]->permission_type = $permissionType;
            if ($resources !== []) {
                $keep[] = $r = $ffi->new('agora_token_str[' . \count($resources) . ']');
                foreach (array_values($resources) as $j => $resource) {
                    $r[$j] = self::str($ffi, (string) $resource, $keep);
                }
                $grants[$i]->resources = \FFI::addr($r[0]);
                $grants[$i]->resource_count = \count($resources);
            }
        }
        return [\FFI::addr($grants[0]), \count($flat)];
    }

    /**
     * Builds a token described as data.
     *
     * @param list<array{type: int, privileges: list<array{0: int, 1: int}>, channel_name?: string,
     *     uid?: int, user_account?: string, user_id?: string, room_uuid?: string, user_uuid?: string, role?: int,
     *     permissions?: list<array{0: int, 1: int, 2: list<string>}>}> $services privileges as [id, expire] pairs;
     *     one with `other` set (a base {@see \AgoraToken\Service}) goes as the base layout (type
     *     and privileges; the library takes types 0 and 11..65535 there) and is packed in type
     *     order with the others
     */
    public static function buildData(string $appId, #[\SensitiveParameter] string $appCertificate, ?int $issueTs, int $expire, ?int $salt, array $services): string
    {
        $ffi = self::$ffi ?? self::ffi();
        $keep = [];
        $t = $ffi->new('agora_token2_data');
        $t->app_id = self::str($ffi, $appId, $keep);
        $t->app_certificate = self::str($ffi, $appCertificate, $keep);
        $t->has_issue_ts = $issueTs === null ? 0 : 1;
        $t->issue_ts = $issueTs ?? 0;
        $t->expire = $expire;
        $t->has_salt = $salt === null ? 0 : 1;
        $t->salt = $salt ?? 0;
        $known = $other = [];
        foreach ($services as $s) {
            if (empty($s['other'])) {
                $known[] = $s;
            } else {
                $other[] = $s;
            }
        }
        $services = $known;
        if ($other !== []) {
            $keep[] = $o = $ffi->new('agora_token2_other_service[' . \count($other) . ']');
            foreach ($other as $i => $s) {
                $o[$i]->service_type = $s['type'];
                [$o[$i]->privileges, $o[$i]->privilege_count] = self::privileges($ffi, $s['privileges'], $keep);
            }
            $t->other_services = \FFI::addr($o[0]);
            $t->other_service_count = \count($other);
        }
        if ($services !== []) {
            $keep[] = $c = $ffi->new('agora_token2_service[' . \count($services) . ']');
            foreach ($services as $i => $s) {
                $cs = $c[$i];
                $cs->service_type = $s['type'];
                [$cs->privileges, $cs->privilege_count] = self::privileges($ffi, $s['privileges'], $keep);
                foreach (['channel_name', 'user_account', 'user_id', 'room_uuid', 'user_uuid'] as $field) {
                    $cs->{$field} = self::str($ffi, $s[$field] ?? null, $keep);
                }
                if (isset($s['uid'])) {
                    $cs->has_uid = 1;
                    $cs->uid = $s['uid'];
                }
                if (isset($s['role'])) {
                    $cs->has_role = 1;
                    $cs->role = $s['role'];
                }
                [$cs->permissions, $cs->permission_count] = self::grants($ffi, $s['permissions'] ?? [], $keep);
            }
            $t->services = \FFI::addr($c[0]);
            $t->service_count = \count($services);
        }
        $tAddr = \FFI::addr($t);
        return self::token($ffi, static fn (\FFI\CData $out, int $cap): int => $ffi->agora_token2_build_data(
            $tAddr, $out, $cap, self::$lenAddr, self::$errorAddr
        ));
    }

    /**
     * Privileges as C structs (kept alive in $keep).
     *
     * @param list<array{0: int, 1: int}> $pairs [id, expire]
     * @return array{0: \FFI\CData|null, 1: int}
     */
    private static function privileges(\FFI $ffi, array $pairs, array &$keep): array
    {
        if ($pairs === []) {
            return [null, 0];
        }
        $keep[] = $p = $ffi->new('agora_token2_privilege[' . \count($pairs) . ']');
        foreach ($pairs as $j => [$id, $value]) {
            $p[$j]->id = $id;
            $p[$j]->expire = $value;
        }
        return [\FFI::addr($p[0]), \count($pairs)];
    }

    private static function text(\FFI\CData $s): ?string
    {
        return $s->ptr === null ? null : ($s->len > 0 ? \FFI::string($s->ptr, $s->len) : '');
    }

    /**
     * Parses a 007 token: its fields and services (token order; privileges
     * as [id, expire] pairs; a channel service's user is the packed string).
     *
     * $lenient reads as Agora's references read: it stops at the first
     * service of a type the library does not know (its type is then
     * `unread_service_type`, null otherwise) instead of failing.
     *
     * @return array{app_id: string, signature: string, issue_ts: int, expire: int, salt: int, content: string,
     *     services: list<array<string, mixed>>, unread_service_type: int|null}
     */
    public static function parse(string $token, bool $lenient = false): array
    {
        $ffi = self::$ffi ?? self::ffi();
        $info = $ffi->new('agora_token2_info*');
        $status = $lenient
            ? $ffi->agora_token2_parse_lenient($token, \strlen($token), \FFI::addr($info), self::$errorAddr)
            : $ffi->agora_token2_parse($token, \strlen($token), \FFI::addr($info), self::$errorAddr);
        if ($status !== 0) {
            throw self::failure($ffi, $status);
        }
        try {
            $services = [];
            for ($i = 0, $n = $info->service_count; $i < $n; $i++) {
                $c = $info->services[$i];
                $s = ['type' => $c->service_type, 'privileges' => []];
                for ($j = 0; $j < $c->privilege_count; $j++) {
                    $s['privileges'][] = [$c->privileges[$j]->id, $c->privileges[$j]->expire];
                }
                foreach (['channel_name', 'user_account', 'user_id', 'room_uuid', 'user_uuid'] as $field) {
                    if (($v = self::text($c->{$field})) !== null) {
                        $s[$field] = $v;
                    }
                }
                if ($c->has_role) {
                    $s['role'] = $c->role;
                }
                if ($c->service_type === 8) {
                    $s['permissions'] = [];
                    for ($j = 0; $j < $c->permission_count; $j++) {
                        $g = $c->permissions[$j];
                        $resources = [];
                        for ($k = 0; $k < $g->resource_count; $k++) {
                            $resources[] = self::text($g->resources[$k]) ?? '';
                        }
                        $s['permissions'][] = [$g->resource_type, $g->permission_type, $resources];
                    }
                }
                $services[] = $s;
            }
            return [
                'app_id' => self::text($info->app_id) ?? '',
                'signature' => \FFI::string($info->signature, 32),
                'issue_ts' => $info->issue_ts,
                'expire' => $info->expire,
                'salt' => $info->salt,
                'content' => \FFI::string($info->content, $info->content_len),
                'services' => $services,
                'unread_service_type' => $info->unread_service_type < 0 ? null : $info->unread_service_type,
            ];
        } finally {
            $ffi->agora_token2_info_free($info);
        }
    }

    /**
     * Verifies a 007 token at $now: "ok" or the first failing check.
     *
     * @param int|string|null $user with $channelName: a uid (int) or a user account (string)
     * @param bool $lenient read as parse($token, true) does (the references' verifySignature)
     */
    public static function verify(string $token, #[\SensitiveParameter] string $appCertificate, int $now, ?string $channelName = null, int|string|null $user = null, ?string $appId = null, bool $lenient = false): string
    {
        $ffi = self::$ffi ?? self::ffi();
        $keep = [];
        $x = $ffi->new('agora_token2_expected');
        $x->app_id = self::str($ffi, $appId, $keep);
        $x->channel_name = self::str($ffi, $channelName, $keep);
        if (\is_int($user)) {
            $x->has_uid = 1;
            $x->uid = $user;
        } else {
            $x->user_account = self::str($ffi, $user, $keep);
        }
        $result = $ffi->new('int');
        $status = $lenient
            ? $ffi->agora_token2_verify_lenient(
                $token, \strlen($token), $appCertificate, \strlen($appCertificate), \FFI::addr($x), $now, \FFI::addr($result), self::$errorAddr
            )
            : $ffi->agora_token2_verify(
                $token, \strlen($token), $appCertificate, \strlen($appCertificate), \FFI::addr($x), $now, \FFI::addr($result), self::$errorAddr
            );
        if ($status !== 0) {
            throw self::failure($ffi, $status);
        }
        return $ffi->agora_token_verify_result_name($result->cdata);
    }

    /** @return list<string> the python3 names of the library's builders, by id */
    public static function builderNames(): array
    {
        $ffi = self::$ffi ?? self::ffi();
        $names = [];
        $info = $ffi->new('agora_token2_builder_info*');
        for ($i = 0, $n = $ffi->agora_token2_builder_count(); $i < $n; $i++) {
            if ($ffi->agora_token2_builder_get_info($i, \FFI::addr($info), null) === 0) {
                $names[] = \FFI::string($info->name->ptr, $info->name->len);
            }
        }
        return $names;
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\AgoraTokenException;
use AgoraToken\Internal\Native;

/**
 * Converts the arguments of the reference-named builders as Agora's PHP
 * builders take them (untyped) into what libagoratoken's generic builder
 * takes. The rules are the library's (uid_from_decimal, u32_from_decimal,
 * check_f64, the null role); this only picks the entry by PHP type.
 *
 * @internal
 */
final class Args
{
    private function __construct()
    {
    }

    /** A string argument: a string without NUL (null: null_argument; another type: the field's category). */
    public static function str(mixed $value, string $constant, string $field): string
    {
        return Native::str($value, $constant, $field);
    }

    /**
     * An account or user id: a string, or an int uid (0..4294967295) written
     * in decimal as the reference writes it ("0" for 0).
     */
    public static function account(mixed $value, string $constant, string $field): string
    {
        return \is_int($value) ? (string) Native::u32($value, 'AGORA_TOKEN_ERR_UID', $field) : Native::str($value, $constant, $field);
    }

    /** A uid: an int, or a string in canonical decimal form (see {@see Native::looseUid()}). */
    public static function uid(mixed $value): int
    {
        return Native::looseUid($value);
    }

    /**
     * A role: an int, a string in canonical decimal form ("1", as
     * `$_GET['role']` gives it; "01", "publisher" are `role` errors), or null
     * (a 007 RTC role: join only; the library decides, and refuses it where
     * it is not one).
     */
    public static function role(mixed $value): ?int
    {
        if ($value === null || \is_int($value)) {
            return $value;
        }
        if (\is_string($value)) {
            return Native::fromDecimal($value, 'AGORA_TOKEN_ERR_ROLE');
        }
        throw Native::invalid('AGORA_TOKEN_ERR_ROLE', 'role', 'must be an int or a decimal string, got ' . get_debug_type($value));
    }

    /** A token lifetime in seconds: an int, a float truncated toward zero, or a canonical decimal string. */
    public static function expire(mixed $value, string $field = 'token_expire'): int
    {
        return Native::looseU32($value, 'AGORA_TOKEN_ERR_EXPIRE', $field);
    }

    /** A privilege lifetime in seconds: an int, a float truncated toward zero, or a canonical decimal string. */
    public static function privilegeExpire(mixed $value, string $field = 'privilege_expire'): int
    {
        return Native::looseU32($value, 'AGORA_TOKEN_ERR_EXPIRE_TS', $field);
    }

    /** @throws AgoraTokenException */
    public static function appId(mixed $value): string
    {
        return Native::str($value, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
    }

    /** @throws AgoraTokenException */
    public static function certificate(#[\SensitiveParameter] mixed $value): string
    {
        return Native::str($value, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
    }
}

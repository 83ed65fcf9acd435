<?php

declare(strict_types=1);

namespace AgoraToken\Internal;

use AgoraToken\AgoraTokenException;
use AgoraToken\Library;

/**
 * Argument conversion and status handling around the C calls.
 *
 * Category names and codes all come from libagoratoken (its enum constants
 * and `agora_token_error_name`); this class only checks what C cannot see:
 * PHP types, integers wider than the C parameter, and NUL bytes (which would
 * silently cut a C string short).
 *
 * @internal
 */
final class Native
{
    public const U32_MAX = 0xFFFFFFFF;
    private const I32_MIN = -0x80000000;
    private const I32_MAX = 0x7FFFFFFF;

    private function __construct()
    {
    }

    /** The category name of a status code. */
    public static function errorName(int $status): string
    {
        return Library::ffi()->agora_token_error_name($status);
    }

    /** Throws the exception of a failed call (its message is the library's last error). */
    public static function check(int $status): void
    {
        if ($status !== 0) {
            throw self::failure($status);
        }
    }

    /** The exception for a failed call, read right after it (PHP runs one call at a time per thread). */
    public static function failure(int $status): AgoraTokenException
    {
        $ffi = Library::ffi();
        $message = (string) $ffi->agora_token_last_error();
        $category = (string) $ffi->agora_token_error_name($status);
        if ($message === '') {
            $message = $category;
        }
        return new AgoraTokenException($message, $status, $category);
    }

    /**
     * An exception raised on the PHP side of the boundary; the message is
     * "<field>: <detail>", like the library's.
     *
     * @param string $constant the status constant of the header, e.g. "AGORA_TOKEN_ERR_UID"
     */
    public static function invalid(string $constant, string $field, string $detail): AgoraTokenException
    {
        $ffi = Library::ffi();
        $status = (int) $ffi->{$constant};
        $category = (string) $ffi->agora_token_error_name($status);
        return new AgoraTokenException($field . ': ' . $detail, $status, $category);
    }

    /**
     * A string argument: null is `null_argument`, another type or a NUL byte is
     * the field's own category. The value itself is never quoted.
     */
    public static function str(mixed $value, string $constant, string $field): string
    {
        if (is_string($value)) {
            if (str_contains($value, "\0")) {
                throw self::invalid($constant, $field, 'must not contain a NUL byte');
            }
            return $value;
        }
        if ($value === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        throw self::invalid($constant, $field, 'must be a string, got ' . get_debug_type($value));
    }

    /**
     * A token argument. A NUL byte cannot cross into C, so it is replaced by
     * another byte that no part of a token allows either: the library then
     * names the category of the place it was found (version, app_id, base64).
     */
    public static function token(mixed $value, string $field = 'token'): string
    {
        if (is_string($value)) {
            return str_contains($value, "\0") ? strtr($value, "\0", "\x01") : $value;
        }
        if ($value === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        throw self::invalid('AGORA_TOKEN_ERR_VERSION', $field, 'must be a string, got ' . get_debug_type($value));
    }

    /** An unsigned 32-bit argument (uid, salt, ts, expiry): an int in 0..4294967295. */
    public static function u32(mixed $value, string $constant, string $field): int
    {
        if (is_int($value) && $value >= 0 && $value <= self::U32_MAX) {
            return $value;
        }
        if ($value === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        if (is_int($value)) {
            throw self::invalid($constant, $field, $value . ' is outside 0..4294967295');
        }
        throw self::invalid($constant, $field, 'must be an int in 0..4294967295, got ' . get_debug_type($value));
    }

    /** An id passed as a C int (role, privilege); the library checks its value. */
    public static function i32(mixed $value, string $constant, string $field): int
    {
        if (is_int($value) && $value >= self::I32_MIN && $value <= self::I32_MAX) {
            return $value;
        }
        if ($value === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        if (is_int($value)) {
            throw self::invalid($constant, $field, $value . ' is not a documented value');
        }
        throw self::invalid($constant, $field, 'must be an int, got ' . get_debug_type($value));
    }

    /** Copies a library-owned `char *` result into a PHP string, then frees it. */
    public static function take(\FFI $ffi, \FFI\CData $out): string
    {
        try {
            return \FFI::string($out);
        } finally {
            $ffi->agora_token_string_free($out);
        }
    }
}

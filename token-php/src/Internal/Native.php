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
 * The callers test the common case inline (`\is_string($x) && !\str_contains($x, "\0")`)
 * and call the `bad*` methods, which build the exception, only when it fails:
 * a PHP function call costs as much as the check itself.
 *
 * @internal
 */
final class Native
{
    public const U32_MAX = 0xFFFFFFFF;
    public const I32_MIN = -0x80000000;
    public const I32_MAX = 0x7FFFFFFF;

    /** The loaded library (set by {@see Library::load()}). */
    public static ?\FFI $ffi = null;
    /** A `char *` out-parameter shared by the calls that return a string; read right after each call. */
    public static \FFI\CData $out;
    /** `&$out`. */
    public static \FFI\CData $outAddr;
    /** `agora_token_builder *`, parsed once. */
    public static \FFI\CType $builderPointer;

    private function __construct()
    {
    }

    /** @internal called once by Library::load() */
    public static function init(\FFI $ffi): void
    {
        self::$ffi = $ffi;
        self::$out = $ffi->new('char*');
        self::$outAddr = \FFI::addr(self::$out);
        self::$builderPointer = $ffi->type('agora_token_builder*');
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
     * Why $value is not a string argument: null is `null_argument`, another
     * type or a NUL byte the field's own category. The value is never quoted.
     */
    public static function badString(#[\SensitiveParameter] mixed $value, string $constant, string $field): AgoraTokenException
    {
        if ($value === null) {
            return self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        if (\is_string($value)) {
            return self::invalid($constant, $field, 'must not contain a NUL byte');
        }
        return self::invalid($constant, $field, 'must be a string, got ' . get_debug_type($value));
    }

    /** Why $value is not an unsigned 32-bit argument (uid, salt, ts, expiry): an int in 0..4294967295. */
    public static function badU32(mixed $value, string $constant, string $field): AgoraTokenException
    {
        if ($value === null) {
            return self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        if (\is_int($value)) {
            // The library's own message: it says when a `now` looks like
            // milliseconds, or a negative uid like the signed view of one.
            $ffi = Library::ffi();
            $error = $ffi->new('agora_token_error');
            $status = $ffi->agora_token_check_u32((int) $ffi->{$constant}, $value, null, \FFI::addr($error));
            if ($status !== 0) {
                $category = (string) $ffi->agora_token_error_name($status);
                return new AgoraTokenException(\FFI::string($error->message, $error->len), $status, $category);
            }
            return self::invalid($constant, $field, $value . ' is outside 0..4294967295');
        }
        return self::invalid($constant, $field, 'must be an int in 0..4294967295, got ' . get_debug_type($value));
    }

    /** Why $value is not an id passed as a C int (role, privilege; the library checks the value). */
    public static function badI32(mixed $value, string $constant, string $field): AgoraTokenException
    {
        if ($value === null) {
            return self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        if (\is_int($value)) {
            return self::invalid($constant, $field, $value . ' is not a documented value');
        }
        return self::invalid($constant, $field, 'must be an int, got ' . get_debug_type($value));
    }

    /** A string argument, checked (see {@see badString()}). */
    public static function str(#[\SensitiveParameter] mixed $value, string $constant, string $field): string
    {
        if (\is_string($value) && !\str_contains($value, "\0")) {
            return $value;
        }
        throw self::badString($value, $constant, $field);
    }

    /** An unsigned 32-bit argument, checked (see {@see badU32()}). */
    public static function u32(mixed $value, string $constant, string $field): int
    {
        if (\is_int($value) && $value >= 0 && $value <= self::U32_MAX) {
            return $value;
        }
        throw self::badU32($value, $constant, $field);
    }

    /** A C int argument, checked (see {@see badI32()}). */
    public static function i32(mixed $value, string $constant, string $field): int
    {
        if (\is_int($value) && $value >= self::I32_MIN && $value <= self::I32_MAX) {
            return $value;
        }
        throw self::badI32($value, $constant, $field);
    }

    /**
     * A uid as Agora's reference builders take it: an int as it is (the
     * library checks its range), or a string in canonical decimal form
     * ("0", or digits without a leading zero, at most 4294967295), as a web
     * framework hands it over (`$_GET['uid']`). The string rule is
     * libagoratoken's (`agora_token_uid_from_decimal`): "007", "+1", " 1",
     * "1.0" are `uid` errors whose message points to the account builders.
     *
     * @throws AgoraTokenException category "uid", or "null_argument" for null
     */
    public static function looseUid(mixed $uid, string $field = 'uid'): int
    {
        if (\is_int($uid)) {
            return $uid;
        }
        if (\is_string($uid)) {
            $ffi = Library::ffi();
            $error = $ffi->new('agora_token_error');
            $value = $ffi->new('uint32_t');
            $status = $ffi->agora_token_uid_from_decimal($uid, \strlen($uid), \FFI::addr($value), \FFI::addr($error));
            if ($status !== 0) {
                throw self::fromError($ffi, $status, $error);
            }
            return $value->cdata;
        }
        if ($uid === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        throw self::invalid('AGORA_TOKEN_ERR_UID', $field, 'must be an int or a decimal string, got ' . get_debug_type($uid));
    }

    /**
     * An unsigned 32-bit number as Agora's reference builders take it: an
     * int as it is (range-checked by the caller or the library), a float
     * truncated toward zero as the references do (NaN, infinities and values
     * outside 0..4294967295 after truncation are errors: libagoratoken's
     * `agora_token_check_f64`), or a string in canonical decimal form
     * ("3600"; "0", or digits without a leading zero, at most 4294967295),
     * as a web framework hands it over (`$_GET['expire']`); any other text
     * ("007", " 1", "1.5", "1e3", "soon") is an error (libagoratoken's
     * `agora_token_u32_from_decimal`). Errors are of $constant's category.
     *
     * @param string $constant the status constant of the header, e.g. "AGORA_TOKEN_ERR_EXPIRE"
     * @throws AgoraTokenException the category of $constant, or "null_argument" for null
     */
    public static function looseU32(mixed $value, string $constant, string $field): int
    {
        if (\is_int($value)) {
            return $value;
        }
        if (\is_float($value)) {
            $ffi = Library::ffi();
            $error = $ffi->new('agora_token_error');
            $out = $ffi->new('uint32_t');
            $status = $ffi->agora_token_check_f64((int) $ffi->{$constant}, $value, \FFI::addr($out), \FFI::addr($error));
            if ($status !== 0) {
                throw self::fromError($ffi, $status, $error);
            }
            return $out->cdata;
        }
        if (\is_string($value)) {
            return self::fromDecimal($value, $constant);
        }
        if ($value === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        throw self::invalid($constant, $field, 'must be an int, a float or a decimal string, got ' . get_debug_type($value));
    }

    /**
     * The value of $text in canonical decimal form, 0..4294967295
     * (libagoratoken's `agora_token_u32_from_decimal`; its message names
     * the field of $constant's category).
     *
     * @throws AgoraTokenException the category of $constant
     */
    public static function fromDecimal(string $text, string $constant): int
    {
        $ffi = Library::ffi();
        $error = $ffi->new('agora_token_error');
        $out = $ffi->new('uint32_t');
        $status = $ffi->agora_token_u32_from_decimal((int) $ffi->{$constant}, $text, \strlen($text), \FFI::addr($out), \FFI::addr($error));
        if ($status !== 0) {
            throw self::fromError($ffi, $status, $error);
        }
        return $out->cdata;
    }

    /** The exception of a call that reported its failure in an `agora_token_error`. */
    public static function fromError(\FFI $ffi, int $status, \FFI\CData $error): AgoraTokenException
    {
        $category = (string) $ffi->agora_token_error_name($status);
        $message = \FFI::string($error->message, $error->len);
        return new AgoraTokenException($message === '' ? $category : $message, $status, $category);
    }

    /**
     * A token argument. A NUL byte cannot cross into C, so it is replaced by
     * another byte that no part of a token allows either: the library then
     * names the category of the place it was found (version, app_id, base64).
     * A null token is `null_argument`, another type `version`.
     */
    public static function token(mixed $value, string $field = 'token'): string
    {
        if (\is_string($value)) {
            return \str_contains($value, "\0") ? strtr($value, "\0", "\x01") : $value;
        }
        if ($value === null) {
            throw self::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', $field, 'must not be null');
        }
        throw self::invalid('AGORA_TOKEN_ERR_VERSION', $field, 'must be a string, got ' . get_debug_type($value));
    }

    /**
     * The string a call returned in the shared out-parameter: copied into a
     * PHP string, then freed with agora_token_string_free. A failed call
     * throws instead (and wrote nothing).
     */
    public static function takeOut(\FFI $ffi, int $status): string
    {
        if ($status !== 0) {
            throw self::failure($status);
        }
        $token = \FFI::string(self::$out);
        $ffi->agora_token_string_free(self::$out);
        return $token;
    }
}

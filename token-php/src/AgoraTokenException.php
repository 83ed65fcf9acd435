<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * Invalid input: a field that fails its check, or a malformed token.
 *
 * {@see getCategory()} is the category name shared by every binding
 * (`"channel_name"`, `"base64"`, ...), {@see getCode()} its negative status
 * code (the value `initTokenBuilder()` returns). The message names the field
 * and never contains the app certificate.
 */
class AgoraTokenException extends \InvalidArgumentException
{
    private string $category;

    /** @internal thrown by this package; the category comes from libagoratoken's table */
    public function __construct(string $message, int $code, string $category)
    {
        parent::__construct($message, $code);
        $this->category = $category;
    }

    /** The category name, e.g. "app_id", "channel_name", "truncated". */
    public function getCategory(): string
    {
        return $this->category;
    }

    /**
     * The category name of a status code (0 is "ok", an unknown code "unknown").
     */
    public static function categoryOf(int $status): string
    {
        return Internal\Native::errorName($status);
    }
}

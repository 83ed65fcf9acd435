<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

/**
 * The signed message of an AccessToken 006 (Agora's PHP `Message`, the
 * global class `Message` once `aliases.php` is required): salt, ts and the
 * privileges. Packing is libagoratoken's; this holds the values.
 *
 * `salt` and `ts` are null until set: each build() then draws a fresh CSPRNG
 * salt and sets ts to 24 hours after the build (libagoratoken's defaults; the
 * reference draws `rand(0, 100000)` and fixes ts at construction).
 */
final class Message
{
    /** @var int|float|string|null 0..4294967295 (a string: canonical decimal); null: a fresh CSPRNG salt at each build */
    public $salt = null;
    /** @var int|float|string|null the token's expiry, Unix seconds; null: 24 hours after each build */
    public $ts = null;
    /** @var array<int, int|float|string> privilege id => expiry, Unix seconds (0: never) */
    public $privileges = [];
}

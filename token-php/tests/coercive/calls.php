<?php

// No declare(strict_types=1), on purpose: calls made from this file are in
// PHP's coercive mode, as from most application code, where PHP itself would
// read '007' as 7 and '1e3' as 1000 for a parameter declared int.
// TextNumbersTest calls the package through call() here and directly.

namespace AgoraToken\Tests\Coercive;

/** Calls $f with $args from this (non-strict) file. */
function call(callable $f, #[\SensitiveParameter] mixed ...$args): mixed
{
    return $f(...$args);
}

/** The control: an int parameter, called from here, takes PHP's reading of text. */
function asInt(int $x): int
{
    return $x;
}

/** Constructs $class with $args from this (non-strict) file. */
function make(string $class, #[\SensitiveParameter] mixed ...$args): object
{
    return new $class(...$args);
}

/** Sets $object->$property = $value from this (non-strict) file. */
function set(object $object, string $property, mixed $value): void
{
    $object->$property = $value;
}

<?php

// opcache.preload script for PHP-FPM (or any SAPI) with the default
// ffi.enable=preload: code compiled here may use FFI at request time. Pair it
// with ffi.preload=<header from bin/ffi-preload-header.php> so that the library
// is loaded once per server instead of once per request. See README.md.

declare(strict_types=1);

foreach (['AgoraTokenException', 'LibraryException', 'Internal/Native', 'Library', 'Privileges', 'Role',
    'ParsedToken', 'SimpleTokenBuilder', 'RtcTokenBuilder', 'RtmTokenBuilder', 'Token'] as $file) {
    require_once __DIR__ . '/src/' . $file . '.php';
}

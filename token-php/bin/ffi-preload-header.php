<?php

// Prints the FFI header to give to php.ini's ffi.preload: the package's
// agora_token.ffi.h preceded by FFI_SCOPE "AGORATOKEN" and FFI_LIB <library>.
//
//   php token-php/bin/ffi-preload-header.php [/path/to/libagoratoken.so] > /etc/php/agora_token.h
//
// Without an argument the library is located as at run time
// (AGORA_TOKEN_LIB, then the default next to the package).

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';

try {
    echo AgoraToken\Library::preloadHeader($argv[1] ?? null);
} catch (AgoraToken\LibraryException $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}

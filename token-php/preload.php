<?php

// opcache.preload script for PHP-FPM (or any SAPI) with the default
// ffi.enable=preload: code compiled here may use FFI at request time. Pair it
// with ffi.preload=<header from bin/ffi-preload-header.php> so that the library
// is loaded once per server instead of once per request. See README.md.
//
// Every class of the package is preloaded (006, 007, and the reference-named
// classes behind aliases.php): with ffi.enable=preload, only preloaded code may
// call into the library.

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

foreach (['', 'Internal/', 'Reference/'] as $dir) {
    foreach (glob(__DIR__ . '/src/' . $dir . '*.php') ?: [] as $file) {
        $name = 'AgoraToken\\' . str_replace('/', '\\', $dir) . basename($file, '.php');
        if (!class_exists($name) && !interface_exists($name) && !trait_exists($name)) {
            throw new LogicException("preload: $file does not declare $name");
        }
    }
}

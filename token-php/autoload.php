<?php

// A PSR-4 autoloader for AgoraToken\ when the package is used without Composer
// (Composer users get the same mapping from composer.json).

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefix = 'AgoraToken\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});

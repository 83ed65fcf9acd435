<?php

// Agora's reference PHP class names as global classes, for code written
// against DynamicKey/AgoraDynamicKey/php/src (AccessToken.php, AccessToken2.php,
// RtcTokenBuilder2.php, ...). The migration is one line: replace the
// reference's require_once lines with
//
//     require_once 'vendor/agoratoken/agoratoken/aliases.php';
//
// (from a checkout: 'token-php/aliases.php'). Each global name is an alias,
// made on first use, of a class of this package; nothing is declared for a
// name the program never uses. The package's own names (AgoraToken\...)
// stay available and unchanged.

declare(strict_types=1);

// The package's own autoloader (harmless beside Composer's, which answers first):
// the classes behind the aliases load even when some were preloaded and Composer is absent.
require_once __DIR__ . '/autoload.php';

spl_autoload_register(static function (string $class): void {
    static $aliases = [
        // 006 (AccessToken.php, RtcTokenBuilder.php, RtmTokenBuilder.php)
        'AccessToken' => \AgoraToken\Reference\AccessToken::class,
        'Message' => \AgoraToken\Reference\Message::class,
        'RtcTokenBuilder' => \AgoraToken\Reference\RtcTokenBuilder::class,
        'RtmTokenBuilder' => \AgoraToken\Reference\RtmTokenBuilder::class,
        // 007 (AccessToken2.php and its builders)
        'AccessToken2' => \AgoraToken\Reference\AccessToken2::class,
        'Service' => \AgoraToken\Service::class,
        'ServiceRtc' => \AgoraToken\ServiceRtc::class,
        'ServiceRtm' => \AgoraToken\ServiceRtm::class,
        'ServiceStreaming' => \AgoraToken\ServiceStreaming::class,
        'ServiceFpa' => \AgoraToken\ServiceFpa::class,
        'ServiceChat' => \AgoraToken\ServiceChat::class,
        'ServiceFCdn' => \AgoraToken\ServiceFCdn::class,
        'ServiceApaas' => \AgoraToken\ServiceApaas::class,
        'ServiceRtm2' => \AgoraToken\ServiceRtm2::class,
        'Rtm2Permissions' => \AgoraToken\Rtm2Permissions::class,
        'RtcTokenBuilder2' => \AgoraToken\Reference\RtcTokenBuilder2::class,
        'RtmTokenBuilder2' => \AgoraToken\Reference\RtmTokenBuilder2::class,
        'ChatTokenBuilder2' => \AgoraToken\Reference\ChatTokenBuilder2::class,
        'FpaTokenBuilder' => \AgoraToken\Reference\FpaTokenBuilder::class,
        'ApaasTokenBuilder' => \AgoraToken\Reference\ApaasTokenBuilder::class,
        'EducationTokenBuilder' => \AgoraToken\Reference\EducationTokenBuilder::class,
    ];
    static $byLowerName = null;
    $byLowerName ??= array_change_key_case($aliases);    // PHP class names ignore case
    $target = $byLowerName[strtolower($class)] ?? null;
    if ($target !== null) {
        class_alias($target, $class);
    }
});

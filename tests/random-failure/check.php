<?php

// token-php under randfail.so (see randfail.c): a failing OS random source is
// an AgoraTokenException of category "random", the script goes on, and it
// mints again once the source works. Run by make test-php.

declare(strict_types=1);

require dirname(__DIR__, 2) . '/token-php/autoload.php';

use AgoraToken\AgoraTokenException;
use AgoraToken\RtcTokenBuilder;
use AgoraToken\SimpleTokenBuilder;

$path = getenv('AGORATOKEN_RANDFAIL_FILE');
if ($path === false) {
    fwrite(STDERR, "random-failure[php]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set\n");
    exit(2);
}
$passed = 0;
$failed = 0;
$check = static function (bool $ok, string $what) use (&$passed, &$failed): void {
    $ok ? $passed++ : $failed++;
    if (!$ok) {
        fwrite(STDERR, "random-failure[php]: FAILED: $what\n");
    }
};
$category = static function (callable $mint): string {
    try {
        $mint();
        return 'no exception';
    } catch (AgoraTokenException $e) {
        return $e->getCategory() . ' ' . $e->getCode();
    }
};
$appId = '970CA35de60c44645bbae8a215061b33';
$cert = '5CFd2fd1755d40ecb72977518be15d3b';
$b = new SimpleTokenBuilder($appId, $cert, 'room-1', 42);

touch($path);
$check($category(static fn () => $b->buildToken()) === 'random -32', 'buildToken throws category random');
$check($category(static fn () => RtcTokenBuilder::buildTokenWithUid($appId, $cert, 'room-1', 42, 1, 0)) === 'random -32',
    'the RTC helper throws category random');
unlink($path);
$check(str_starts_with($b->buildToken(), '006'), 'builds again once the source works');
echo "random-failure[php]: $passed passed, $failed failed\n";
exit($failed === 0 && $passed > 0 ? 0 : 1);

<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\Library;
use AgoraToken\Token;

/**
 * README's production set-up (ffi.enable=preload: only preloaded code may
 * call the library) serves 006, 007 and the reference names of aliases.php:
 * preload.php must preload every class that reaches FFI.
 */
final class PreloadTest extends Fixtures
{
    public function testPreloadedServerBuildsWithEveryClass(): void
    {
        $dir = sys_get_temp_dir() . '/agoratoken-preload-' . getmypid();
        @mkdir($dir);
        $header = "$dir/agora_token.h";
        file_put_contents($header, Library::preloadHeader());
        $package = dirname(__DIR__);
        file_put_contents("$dir/index.php", '<?php
require_once ' . var_export("$package/aliases.php", true) . ';
[$a, $c] = [' . var_export(self::APP_ID, true) . ', ' . var_export(self::CERT, true) . '];
try {
    echo json_encode([
        RtcTokenBuilder2::buildTokenWithUid($a, $c, "room", "42", null, 600),
        AgoraToken\RtcTokenBuilder2::buildTokenWithUid($a, $c, "room", 42, 2, 600),
        RtcTokenBuilder::buildTokenWithUid($a, $c, "room", "42", 1, 0),
        AccessToken::init($a, $c, "room", 42)->addPrivilege(1, 0)->build(),
    ]);
} catch (Throwable $e) {
    echo get_class($e), ": ", $e->getMessage();
}
');
        $args = [PHP_BINARY, '-d', 'ffi.enable=preload',
            '-d', 'opcache.enable=1', '-d', 'opcache.enable_cli=1', '-d', "opcache.preload=$package/preload.php", '-d', "ffi.preload=$header"];
        if (\function_exists('posix_geteuid') && posix_geteuid() === 0) {
            array_push($args, '-d', 'opcache.preload_user=root');
        }
        $port = 0;
        $server = null;
        try {
            for ($try = 0; $try < 5 && $server === null; $try++) {
                $port = random_int(20000, 60000);
                $p = proc_open([...$args, '-S', "127.0.0.1:$port", '-t', $dir], [1 => ['file', "$dir/log", 'w'], 2 => ['file', "$dir/log", 'a']], $pipes);
                $deadline = microtime(true) + 10;
                while (($conn = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 0.2)) === false
                    && proc_get_status($p)['running'] && microtime(true) < $deadline) {
                    usleep(50000);
                }
                if ($conn !== false) {
                    fclose($conn);
                    $server = $p;
                } else {
                    proc_terminate($p);
                    proc_close($p);
                }
            }
            $this->assertNotNull($server, 'php -S did not start: ' . @file_get_contents("$dir/log"));
            $body = (string) file_get_contents("http://127.0.0.1:$port/index.php", false, stream_context_create(['http' => ['timeout' => 10]]));
            $tokens = json_decode($body, true);
            $this->assertIsArray($tokens, $body);
            [$ref007, $ours007, $ref006, $access006] = $tokens;
            $this->assertStringStartsWith('007', $ref007);
            $this->assertSame('ok', \AgoraToken\AccessToken2::verify($ref007, self::CERT, 'room', 42));
            $this->assertSame('ok', \AgoraToken\AccessToken2::verify($ours007, self::CERT, 'room', 42));
            $this->assertSame('ok', Token::verify($ref006, self::CERT, 'room', 42));
            $this->assertSame('ok', Token::verify($access006, self::CERT, 'room', 42));
        } finally {
            if ($server !== null) {
                proc_terminate($server);
                proc_close($server);
            }
            foreach (glob("$dir/*") ?: [] as $f) {
                unlink($f);
            }
            @rmdir($dir);
        }
    }
}

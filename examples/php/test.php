<?php

// Starts examples/php/index.php with PHP's built-in server on 127.0.0.1,
// fetches tokens and checks them with the binding's own Token::verify.
// Exits non-zero on the first failure.

declare(strict_types=1);

require __DIR__ . '/../../token-php/autoload.php';

use AgoraToken\Token;

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';

function check(bool $ok, string $what): void
{
    if (!$ok) {
        throw new RuntimeException($what);
    }
}

/** @return array{0: int, 1: array<string, mixed>, 2: string} status, JSON body, raw body */
function get(int $port, string $query): array
{
    $context = stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 10]]);
    $body = file_get_contents("http://127.0.0.1:$port$query", false, $context);
    check($body !== false, "GET $query failed");
    preg_match('{^HTTP/\S+ (\d+)}', $http_response_header[0] ?? '', $m);
    $json = json_decode($body, true);
    check(is_array($json), "GET $query: not JSON: $body");
    return [(int) ($m[1] ?? 0), $json, $body];
}

/**
 * Starts index.php under `php -S` with $ini settings, runs the checks, stops it.
 *
 * @param list<string> $ini "-d" arguments
 */
function serveAndCheck(string $label, array $ini): void
{
    // A free port: bind to port 0, read it back, release it.
    $probe = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
    check($probe !== false, "no free port: $errstr");
    $port = (int) substr((string) strrchr((string) stream_socket_get_name($probe, false), ':'), 1);
    fclose($probe);

    $env = getenv();
    unset($env['AGORA_TOKEN_LIB']);
    $env['AGORA_APP_ID'] = APP_ID;
    $env['AGORA_APP_CERTIFICATE'] = CERT;
    $log = (string) tempnam(sys_get_temp_dir(), 'agoratoken-example-php');
    $server = proc_open(
        array_merge([PHP_BINARY], $ini, ['-S', "127.0.0.1:$port", __DIR__ . '/index.php']),
        [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'], 2 => ['file', $log, 'w']],
        $pipes,
        __DIR__,
        $env
    );
    check(is_resource($server), 'cannot start php -S');

    $failed = null;
    try {
        $deadline = microtime(true) + 10;
        while (($conn = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 0.2)) === false) {
            check(proc_get_status($server)['running'], 'php -S exited: ' . file_get_contents($log));
            check(microtime(true) < $deadline, 'php -S did not listen within 10 s');
            usleep(50000);
        }
        fclose($conn);
        checkEndpoint($port);
    } catch (Throwable $e) {
        $failed = $e->getMessage();
    } finally {
        proc_terminate($server);
        proc_close($server);
        $serverLog = (string) file_get_contents($log);
        unlink($log);
    }
    if ($failed === null && stripos($serverLog, CERT) !== false) {
        $failed = 'the certificate is in the server log';
    }
    if ($failed !== null) {
        throw new RuntimeException("$label: $failed\n$serverLog");
    }
    echo "example[php]: $label: token endpoint on 127.0.0.1:$port ok\n";
}

function checkEndpoint(int $port): void
{
    $before = time();
    [$status, $json] = get($port, '/token?channel=room-1&uid=42');
    check($status === 200, "status $status: " . json_encode($json));
    check($json['channel'] === 'room-1' && $json['uid'] === 42, 'echoed channel and uid');
    check($json['expires_at'] >= $before + 3600, 'expires_at is an hour ahead');
    $token = $json['token'];
    check(is_string($token) && str_starts_with($token, '006' . APP_ID), 'a 006 token for the app id');
    check(Token::verify($token, CERT, 'room-1', 42) === 'ok', 'token verifies for room-1 / 42');
    check(Token::verify($token, CERT, 'room-2', 42) === 'channel_mismatch', 'not for another channel');
    $e = $json['expires_at'];
    check(Token::parse($token)->privileges === [1 => $e, 2 => $e, 3 => $e, 4 => $e], 'publisher privileges');

    [$status, $json] = get($port, '/token?channel=room-1');
    check($status === 200 && Token::verify($json['token'], CERT, 'room-1', 0) === 'ok', 'uid defaults to 0');
    [$status, $json] = get($port, '/token?channel=room-1&uid=0');
    check($status === 200 && $json['uid'] === 0 && Token::verify($json['token'], CERT, 'room-1', 0) === 'ok', 'uid 0 is any user');
    [$status, $json] = get($port, '/token?channel=room-1&uid=4294967295');
    check($status === 200 && $json['uid'] === 4294967295 && Token::verify($json['token'], CERT, 'room-1', 4294967295) === 'ok', 'the largest uid');

    // Text that is not a uid in canonical decimal form is a user account: "007" is not uid 7
    // (the same list as examples/python/test_server.py: both examples read uid text alike).
    foreach (['007', 'alice', '-1', '4294967296', '99999999999', '1.0', '+1', ' 1'] as $account) {
        [$status, $json] = get($port, '/token?channel=room-1&uid=' . rawurlencode($account));
        check($status === 200 && $json['uid'] === $account, "uid=$account: got $status " . json_encode($json) . ', expected the account');
        check(Token::verify($json['token'], CERT, 'room-1', $account) === 'ok', "uid=$account: token verifies for the account");
    }
    [$status, $json] = get($port, '/token?channel=room-1&uid=007');
    check(Token::verify($json['token'], CERT, 'room-1', 7) === 'uid_mismatch', 'the token for "007" is not one for uid 7');

    foreach ([
        '/token?channel=a/b&uid=1' => 'channel_name',
        '/token?channel=&uid=1' => 'channel_name',
        '/token?uid=1' => 'null_argument',
        '/token?channel[]=x&uid=1' => 'channel_name',
        '/token?channel=x&uid=a%2Fb' => 'user_account',
        '/token?channel=x&uid[]=1' => 'user_account',
        '/token?channel=x&uid=' . str_repeat('a', 256) => 'user_account',
    ] as $query => $category) {
        [$status, $json, $raw] = get($port, $query);
        check($status === 400 && $json['error'] === $category, "$query: got $status " . json_encode($json) . ", expected 400 $category");
        check(stripos($raw, CERT) === false, "$query: the certificate leaked");
    }
    [$status] = get($port, '/other');
    check($status === 404, 'unknown path is 404');
}

// The production set-up of README.md: FFI stays restricted to preloaded code
// (ffi.enable=preload, the default), the package is preloaded by opcache and
// the library by ffi.preload.
$header = (string) tempnam(sys_get_temp_dir(), 'agoratoken-preload-h');
$rc = 0;
try {
    file_put_contents($header, AgoraToken\Library::preloadHeader());
    $preload = ['-d', 'ffi.enable=preload', '-d', 'opcache.enable=1', '-d', 'opcache.enable_cli=1',
        '-d', 'opcache.preload=' . dirname(__DIR__, 2) . '/token-php/preload.php', '-d', "ffi.preload=$header"];
    if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
        $preload = array_merge($preload, ['-d', 'opcache.preload_user=root']);
    }
    serveAndCheck('ffi.enable=1', ['-d', 'ffi.enable=1']);
    serveAndCheck('preloaded', $preload);
} catch (Throwable $e) {
    fwrite(STDERR, 'example[php]: FAILED: ' . $e->getMessage() . "\n");
    $rc = 1;
} finally {
    unlink($header);
}
exit($rc);

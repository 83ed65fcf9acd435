<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\AgoraTokenException;
use AgoraToken\Library;
use AgoraToken\Privileges;
use AgoraToken\Role;
use AgoraToken\RtcTokenBuilder;
use AgoraToken\RtmTokenBuilder;

final class LibraryTest extends Fixtures
{
    private static function repoRoot(): string
    {
        return dirname(__DIR__, 2);
    }

    private static function defaultLib(): string
    {
        return self::repoRoot() . '/target/release/libagoratoken.so';
    }

    /**
     * Runs a PHP snippet in a fresh process (the library loads once per
     * process) with the package autoloaded.
     *
     * @param array<string, string|false> $env variables to set (false: unset)
     * @param list<string> $phpArgs
     * @return array{0: int, 1: string} exit code, stdout + stderr
     */
    private static function php(string $code, array $env = [], array $phpArgs = ['-d', 'ffi.enable=1']): array
    {
        $environment = getenv();
        unset($environment[Library::ENV]);
        foreach ($env as $k => $v) {
            if ($v === false) {
                unset($environment[$k]);
            } else {
                $environment[$k] = $v;
            }
        }
        $prelude = 'require ' . var_export(dirname(__DIR__) . '/autoload.php', true) . '; use AgoraToken\Library; ';
        $cmd = array_merge([PHP_BINARY], $phpArgs, $code === '' ? [] : ['-r', $prelude . $code]);
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, $environment);
        self::assertIsResource($proc);
        $out = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        return [proc_close($proc), (string) $out];
    }

    public function testVersionIsTheWorkspaceVersionAndComposerVersion(): void
    {
        $cargo = (string) file_get_contents(self::repoRoot() . '/Cargo.toml');
        $this->assertSame(1, preg_match('/\[workspace\.package\][^\[]*?\nversion\s*=\s*"([^"]+)"/s', $cargo, $m));
        $this->assertSame($m[1], Library::version());
        $composer = json_decode((string) file_get_contents(dirname(__DIR__) . '/composer.json'), true, 8, JSON_THROW_ON_ERROR);
        $this->assertSame($m[1], $composer['version']);
        $this->assertSame('AgoraToken\\', array_key_first($composer['autoload']['psr-4']));
    }

    public function testDefaultIsTheSourceTreeBuild(): void
    {
        [$rc, $out] = self::php('echo var_export(Library::loadedPath(), true), "|", Library::version(), "|", realpath(Library::loadedPath());');
        $this->assertSame(0, $rc, $out);
        $this->assertSame('NULL|' . Library::version() . '|' . realpath(self::defaultLib()), $out);
        $this->assertContains(self::defaultLib(), Library::defaultPaths());
    }

    public function testEnvironmentVariableBeatsTheDefault(): void
    {
        $dir = sys_get_temp_dir() . '/agoratoken-php-' . getmypid();
        @mkdir($dir);
        $copy = $dir . '/libagoratoken-copy.so';
        $this->assertTrue(copy(self::defaultLib(), $copy));
        try {
            [$rc, $out] = self::php('Library::version(); echo Library::loadedPath();', [Library::ENV => $copy]);
            $this->assertSame(0, $rc, $out);
            $this->assertSame($copy, $out);

            [$rc, $out] = self::php('Library::version();', [Library::ENV => $dir . '/missing.so']);
            $this->assertNotSame(0, $rc);
            $this->assertStringContainsString('LibraryException', $out);
            $this->assertStringContainsString($dir . '/missing.so', $out);
        } finally {
            @unlink($copy);
            @rmdir($dir);
        }
    }

    public function testExplicitPathBeatsTheEnvironmentVariable(): void
    {
        $code = 'Library::load(' . var_export(self::defaultLib(), true) . '); echo Library::version(), "|", Library::loadedPath();';
        [$rc, $out] = self::php($code, [Library::ENV => '/nonexistent/libagoratoken.so']);
        $this->assertSame(0, $rc, $out);
        $this->assertSame(Library::version() . '|' . self::defaultLib(), $out);
    }

    public function testExplicitPathThatDoesNotExist(): void
    {
        [$rc, $out] = self::php('try { Library::load("/nonexistent/lib.so"); } catch (AgoraToken\LibraryException $e) { echo get_parent_class($e), "|", $e->getMessage(); }');
        $this->assertSame(0, $rc, $out);
        $this->assertSame('RuntimeException|libagoratoken not found at /nonexistent/lib.so', $out);
    }

    public function testNothingFoundNamesEveryPlaceTried(): void
    {
        // A package copy outside the repository has no default library.
        $dir = sys_get_temp_dir() . '/agoratoken-php-pkg-' . getmypid();
        @mkdir($dir . '/src/Internal', 0777, true);
        foreach (['autoload.php', 'agora_token.ffi.h'] as $f) {
            copy(dirname(__DIR__) . '/' . $f, "$dir/$f");
        }
        foreach (glob(dirname(__DIR__) . '/src/{,Internal/}*.php', GLOB_BRACE) as $f) {
            copy($f, $dir . '/src/' . substr($f, strlen(dirname(__DIR__) . '/src/')));
        }
        try {
            $code = 'require ' . var_export("$dir/autoload.php", true) . ';'
                . 'try { AgoraToken\Library::version(); } catch (AgoraToken\LibraryException $e) { echo $e->getMessage(); }';
            $cmd = [PHP_BINARY, '-d', 'ffi.enable=1', '-r', $code];
            $env = getenv();
            unset($env[Library::ENV]);
            $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, $env);
            $out = stream_get_contents($pipes[1]);
            fclose($pipes[1]);
            $this->assertSame(0, proc_close($proc), (string) $out);
            $this->assertStringContainsString('libagoratoken not found', (string) $out);
            $this->assertStringContainsString(Library::ENV, (string) $out);
            $this->assertStringContainsString($dir . '/lib/libagoratoken.so', (string) $out);
        } finally {
            exec('rm -rf ' . escapeshellarg($dir));
        }
    }

    public function testLoadingTheSameFileTwiceIsANoOpAndAnotherIsRefused(): void
    {
        $lib = var_export(self::defaultLib(), true);
        [$rc, $out] = self::php("Library::load($lib); Library::load($lib); Library::load(); echo 'same|';"
            . 'try { Library::load("/tmp/other.so"); } catch (AgoraToken\LibraryException $e) { echo $e->getMessage(); }');
        $this->assertSame(0, $rc, $out);
        $this->assertStringStartsWith('same|libagoratoken is already loaded from ' . self::defaultLib(), $out);
    }

    public function testMissingHeaderOrDisabledFfiIsALibraryException(): void
    {
        $lib = var_export(self::defaultLib(), true);
        [$rc, $out] = self::php("try { Library::load($lib, '/nonexistent.h'); } catch (AgoraToken\LibraryException \$e) { echo \$e->getMessage(); }");
        $this->assertSame(0, $rc, $out);
        $this->assertSame('cannot read the FFI header /nonexistent.h', $out);

        [$rc, $out] = self::php('try { Library::version(); } catch (AgoraToken\LibraryException $e) { echo $e->getMessage(); }', [], ['-d', 'ffi.enable=0']);
        $this->assertSame(0, $rc, $out);
        $this->assertStringContainsString('ffi.enable', $out);
    }

    public function testAScopePreloadedWithFfiPreloadComesBeforeTheEnvironment(): void
    {
        $header = (string) tempnam(sys_get_temp_dir(), 'agoratoken-preload-h');
        try {
            $text = Library::preloadHeader(self::defaultLib());
            $this->assertStringStartsWith("#define FFI_SCOPE \"AGORATOKEN\"\n#define FFI_LIB \"" . realpath(self::defaultLib()) . "\"\n", $text);
            $this->assertStringEndsWith((string) file_get_contents(Library::headerPath()), $text);
            file_put_contents($header, $text);
            $code = 'echo Library::version(), "|", Library::loadedPath(), "|", strlen(AgoraToken\RtcTokenBuilder::buildTokenWithUid('
                . var_export(self::APP_ID, true) . ', ' . var_export(self::CERT, true) . ', "c", 1, 1, 0));';
            [$rc, $out] = self::php($code, [Library::ENV => '/nonexistent.so'], ['-d', 'ffi.enable=preload', '-d', "ffi.preload=$header"]);
            $this->assertSame(0, $rc, $out);
            $this->assertSame(Library::version() . '|ffi.preload scope AGORATOKEN|139', $out);
        } finally {
            unlink($header);
        }
        // The command-line generator prints the same text.
        [$rc, $out] = self::php('', [], ['-d', 'ffi.enable=1', dirname(__DIR__) . '/bin/ffi-preload-header.php', self::defaultLib()]);
        $this->assertSame(0, $rc, $out);
        $this->assertSame(Library::preloadHeader(self::defaultLib()), $out);
    }

    public function testPreloadHeaderOfAMissingLibrary(): void
    {
        $this->expectException(\AgoraToken\LibraryException::class);
        $this->expectExceptionMessage('libagoratoken not found at /nonexistent/lib.so');
        Library::preloadHeader('/nonexistent/lib.so');
    }

    public function testPrivilegeAndRoleConstantsMatchTheHeader(): void
    {
        $ffi = Library::ffi();
        $privileges = (new \ReflectionClass(Privileges::class))->getConstants();
        $this->assertCount(14, $privileges);
        foreach ($privileges as $name => $value) {
            $c = 'AGORA_TOKEN_PRIVILEGE_' . strtoupper((string) preg_replace('/(?<!^)[A-Z]/', '_$0', substr($name, 1)));
            $this->assertSame($ffi->{$c}, $value, $name);
        }
        $roles = (new \ReflectionClass(Role::class))->getConstants();
        $this->assertCount(4, $roles);
        foreach ($roles as $name => $value) {
            $this->assertSame($ffi->{'AGORA_TOKEN_ROLE_' . strtoupper(substr($name, 5))}, $value, $name);
            $this->assertSame($value, constant(RtcTokenBuilder::class . '::' . substr($name, 1)));
        }
        $this->assertSame($ffi->AGORA_TOKEN_RTM_ROLE_USER, RtmTokenBuilder::RoleRtmUser);
    }

    public function testCategoryNamesComeFromTheLibrary(): void
    {
        $names = ['app_id', 'app_certificate', 'channel_name', 'user_account', 'uid', 'version', 'base64',
            'truncated', 'trailing', 'app_id_mismatch', 'channel_mismatch', 'uid_mismatch', 'privilege', 'role',
            'salt', 'ts', 'expire_ts', 'null_argument', 'internal', 'buffer_too_small', 'zlib', 'signature',
            'no_service', 'service', 'permission', 'utf8', 'user_id', 'room_uuid', 'user_uuid', 'issue_ts', 'expire',
            'random', 'too_long', 'now'];
        foreach ($names as $i => $name) {
            $this->assertSame($name, AgoraTokenException::categoryOf(-$i - 1));
        }
        $this->assertSame('ok', AgoraTokenException::categoryOf(0));
        $this->assertSame('unknown', AgoraTokenException::categoryOf(-\count($names) - 1));
        $this->assertSame('unknown', AgoraTokenException::categoryOf(-1000));
        $this->assertSame('unknown', AgoraTokenException::categoryOf(1));
    }
}

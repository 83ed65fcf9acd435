<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

/**
 * The runner's contract as a program (tests/vectors/README.md): its last line,
 * its exit status, and that a case it cannot handle fails instead of passing.
 */
final class ConformanceRunnerTest extends Fixtures
{
    private const GOOD = '{"id": "b1", "kind": "build006", "app_id": "970CA35de60c44645bbae8a215061b33", '
        . '"app_certificate": "5CFd2fd1755d40ecb72977518be15d3b", "channel_name": "7d72365eb983485397e3e3f9d460bdda", '
        . '"uid": 2882341273, "salt": 1, "ts": 1111111, "privileges": [[1, 1446455471]], '
        . '"token": "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"}';

    /** @return array{0: int, 1: string} exit code and last line, run from another directory */
    private static function runner(?string $vectors): array
    {
        $env = getenv();
        $env['AGORA_TOKEN_VECTORS'] = $vectors ?? '';
        $cmd = [PHP_BINARY, '-d', 'ffi.enable=1', __DIR__ . '/conformance.php'];
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, sys_get_temp_dir(), $env);
        self::assertIsResource($proc);
        $out = (string) stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        $lines = explode("\n", rtrim($out, "\n"));
        return [proc_close($proc), end($lines)];
    }

    /** @param list<string> $lines */
    private static function vectors(array $lines): string
    {
        $dir = sys_get_temp_dir() . '/agoratoken-php-vectors-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($dir);
        if ($lines !== []) {
            file_put_contents("$dir/v.jsonl", implode("\n", $lines) . "\n");
        }
        return $dir;
    }

    private static function remove(string $dir): void
    {
        @unlink("$dir/v.jsonl");
        @rmdir($dir);
    }

    public function testRepositoryVectorsAllPass(): void
    {
        $cases = 0;
        foreach (glob(dirname(__DIR__, 2) . '/tests/vectors/*.jsonl') ?: [] as $file) {
            $cases += count(array_filter(file($file) ?: [], static fn (string $l): bool => trim($l) !== ''));
        }
        $this->assertGreaterThan(0, $cases);
        $this->assertSame([0, "conformance[php]: $cases passed, 0 failed"], self::runner(null));
    }

    /** @return array<string, array{0: list<string>, 1: int, 2: int}> */
    public static function directories(): array
    {
        return [
            'good' => [[self::GOOD, ''], 1, 0],
            'no vectors' => [[], 0, 0],
            'unknown kind' => [['{"id": "x", "kind": "build007"}'], 0, 1],
            'no kind' => [['{"id": "x"}'], 0, 1],
            'not json' => [['{"id": "x", '], 0, 1],
            'wrong token' => [[str_replace('"salt": 1,', '"salt": 2,', self::GOOD)], 0, 1],
            'uid and account' => [[str_replace('"uid": 2882341273', '"uid": 1, "user_account": "a"', self::GOOD)], 0, 1],
            'duplicate id' => [[self::GOOD, self::GOOD], 1, 1],
            'reject accepts' => [['{"id": "r", "kind": "reject006", "token": "' . self::CLASSIC_TOKEN . '", "error": "base64"}'], 0, 1],
            'reject category' => [['{"id": "r", "kind": "reject006", "token": "007", "error": "base64"}'], 0, 1],
            'invalid builds' => [[str_replace(['"build006"', '"token":'], ['"invalid006"', '"error": "app_id", "t":'], self::GOOD)], 0, 1],
        ];
    }

    /**
     * @dataProvider directories
     * @param list<string> $lines
     */
    public function testCountsAndExitStatus(array $lines, int $passed, int $failed): void
    {
        $dir = self::vectors($lines);
        try {
            $this->assertSame(
                [$failed > 0 || $passed === 0 ? 1 : 0, "conformance[php]: $passed passed, $failed failed"],
                self::runner($dir)
            );
        } finally {
            self::remove($dir);
        }
    }
}

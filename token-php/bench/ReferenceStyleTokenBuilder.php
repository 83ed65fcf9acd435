<?php

// A second benchmark peer: AccessToken 006 in plain PHP built the way Agora's
// published PHP sample builds it, the code most PHP teams start from: the
// message and content are kept as arrays of byte values (unpack('C*', ...)
// merged with array_merge) and turned back into a string with chr() before
// hashing and encoding; ts comes from a DateTime. Written for this benchmark
// (same approach, our own code); checked against the build006 vectors before
// timing. The salt is drawn with random_int, as the issue asks.

declare(strict_types=1);

namespace AgoraToken\Bench;

final class ReferenceStyleTokenBuilder
{
    private string $uid;
    /** @var array<int, int> privilege id => expiry, in insertion order */
    private array $privileges = [];
    private int $salt;
    private int $ts;

    public function __construct(
        private string $appID,
        private string $appCertificate,
        private string $channelName,
        int|string $uid,
    ) {
        $this->uid = $uid === 0 ? '' : (string) $uid;
        $this->salt = random_int(0, 0xFFFFFFFF);
        $now = new \DateTime('now', new \DateTimeZone('UTC'));
        $this->ts = $now->getTimestamp() + 24 * 3600;
    }

    public function setPrivilege(int $privilege, int $expireTimestamp): void
    {
        $this->privileges[$privilege] = $expireTimestamp;
    }

    public function setSalt(int $salt): void
    {
        $this->salt = $salt;
    }

    public function setTs(int $ts): void
    {
        $this->ts = $ts;
    }

    /** @return list<int> */
    private static function bytes(string $format, int $value): array
    {
        return array_values(unpack('C*', pack($format, $value)));
    }

    /** @return list<int> */
    private function message(): array
    {
        $privileges = $this->privileges;
        ksort($privileges);
        $out = array_merge(self::bytes('V', $this->salt), self::bytes('V', $this->ts), self::bytes('v', count($privileges)));
        foreach ($privileges as $id => $expire) {
            $out = array_merge($out, self::bytes('v', $id));
            $out = array_merge($out, self::bytes('V', $expire));
        }
        return $out;
    }

    /** @param list<int> $bytes */
    private static function text(array $bytes): string
    {
        return implode(array_map('chr', $bytes));
    }

    /** @return list<int> */
    private static function stringBytes(string $s): array
    {
        return $s === '' ? [] : array_values(unpack('C*', $s));
    }

    public function buildToken(): string
    {
        $message = $this->message();
        $signed = array_merge(
            self::stringBytes($this->appID),
            self::stringBytes($this->channelName),
            self::stringBytes($this->uid),
            $message,
        );
        $signature = hash_hmac('sha256', self::text($signed), $this->appCertificate, true);
        $content = array_merge(
            self::bytes('v', strlen($signature)),
            self::stringBytes($signature),
            self::bytes('V', crc32($this->channelName) & 0xFFFFFFFF),
            self::bytes('V', crc32($this->uid) & 0xFFFFFFFF),
            self::bytes('v', count($message)),
            $message,
        );
        return '006' . $this->appID . base64_encode(self::text($content));
    }

    /** RtcTokenBuilder::buildTokenWithUid: the role's privileges. */
    public static function buildTokenWithUid(string $appID, string $appCertificate, string $channelName, int $uid, int $role, int $privilegeExpireTs): string
    {
        $builder = new self($appID, $appCertificate, $channelName, $uid);
        foreach ($role === 2 ? [1] : [1, 2, 3, 4] as $id) {
            $builder->setPrivilege($id, $privilegeExpireTs);
        }
        return $builder->buildToken();
    }
}

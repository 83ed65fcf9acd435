<?php

// The benchmark peer: AccessToken 006 in plain PHP, the way a PHP team writes
// it without this library (hash_hmac, crc32, pack, base64_encode, random_int).
// Written for this benchmark; checked against the build006 vectors before
// timing. No input checks, as such code usually has none.

declare(strict_types=1);

namespace AgoraToken\Bench;

final class PlainSimpleTokenBuilder
{
    private string $uid;
    /** @var array<int, int> privilege id => expiry */
    private array $privileges = [];
    private ?int $salt = null;
    private ?int $ts = null;

    public function __construct(
        private string $appID,
        private string $appCertificate,
        private string $channelName,
        int|string $uid,
    ) {
        $this->uid = $uid === 0 ? '' : (string) $uid;
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

    public function buildToken(): string
    {
        $salt = $this->salt ?? random_int(0, 0xFFFFFFFF);
        $ts = $this->ts ?? time() + 86400;
        $privileges = $this->privileges;
        ksort($privileges);
        $message = pack('VVv', $salt, $ts, count($privileges));
        foreach ($privileges as $id => $expire) {
            $message .= pack('vV', $id, $expire);
        }
        $signature = hash_hmac('sha256', $this->appID . $this->channelName . $this->uid . $message, $this->appCertificate, true);
        $content = pack('v', strlen($signature)) . $signature
            . pack('VVv', crc32($this->channelName), crc32($this->uid), strlen($message)) . $message;
        return '006' . $this->appID . base64_encode($content);
    }

    /** RtcTokenBuilder::buildTokenWithUid: the publisher privileges. */
    public static function buildTokenWithUid(string $appID, string $appCertificate, string $channelName, int $uid, int $role, int $privilegeExpireTs): string
    {
        $builder = new self($appID, $appCertificate, $channelName, $uid);
        $ids = $role === 2 ? [1] : [1, 2, 3, 4];
        foreach ($ids as $id) {
            $builder->setPrivilege($id, $privilegeExpireTs);
        }
        return $builder->buildToken();
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * Every field of a 006 token, as {@see Token::parse()} read it.
 */
final class ParsedToken
{
    /**
     * @param string          $appID          the 32-character app id, as written in the token
     * @param string          $signature      the raw signature bytes (32 for a well-formed token)
     * @param int             $crcChannelName CRC32 of the channel name
     * @param int             $crcUid         CRC32 of the uid string
     * @param int             $salt
     * @param int             $ts             the token's expiry, Unix seconds
     * @param array<int, int> $privileges     privilege id => expiry (0: never), sorted by id
     */
    public function __construct(
        public readonly string $appID,
        public readonly string $signature,
        public readonly int $crcChannelName,
        public readonly int $crcUid,
        public readonly int $salt,
        public readonly int $ts,
        public readonly array $privileges,
    ) {
    }

    /** The signature as lowercase hex. */
    public function signatureHex(): string
    {
        return bin2hex($this->signature);
    }

    /**
     * What print_r() and var_dump() show: the signature as hex (the raw bytes
     * would print as unreadable binary), every other field as it is.
     *
     * @return array<string, mixed>
     */
    public function __debugInfo(): array
    {
        return [
            'appID' => $this->appID,
            'signatureHex' => $this->signatureHex(),
            'crcChannelName' => $this->crcChannelName,
            'crcUid' => $this->crcUid,
            'salt' => $this->salt,
            'ts' => $this->ts,
            'privileges' => $this->privileges,
        ];
    }

    /** The expiry of a privilege (0: never), or null when the token does not grant it. */
    public function privilege(int $privilege): ?int
    {
        return $this->privileges[$privilege] ?? null;
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Native;

/**
 * Builds AccessToken 006 tokens for one app, channel and user: Agora's
 * documented `SimpleTokenBuilder`, backed by libagoratoken.
 *
 * Unless set, the salt and the token expiry (`ts`) are drawn at each
 * {@see buildToken()}: a fresh CSPRNG salt per token, and now + 24 hours.
 * {@see initTokenBuilder()} takes them (and the privileges) from an existing
 * token. The app certificate is handed to the library once and is not kept
 * in PHP, so it cannot show up in `var_dump`, `print_r` or a serialization.
 *
 * The native builder is released by the destructor. A builder cannot be
 * cloned or serialized.
 */
final class SimpleTokenBuilder
{
    private \FFI $ffi;
    private ?\FFI\CData $handle = null;
    private string $appID;
    private string $channelName;
    private int|string $uid;

    /**
     * @param string     $appID          32 hexadecimal digits
     * @param string     $appCertificate 32 hexadecimal digits
     * @param string     $channelName    1 to 64 bytes of the documented characters
     * @param int|string $uid            an int uid in 0..4294967295 (0: any user), or a user account string
     *
     * @throws AgoraTokenException with the category of an invalid argument: type-level
     *         problems first (null, another type, a NUL byte, an int out of range), then the
     *         library's checks in order: app id, certificate, channel name, user account
     * @throws \LogicException when called again on a live builder (its native builder would
     *         be lost, never freed): make a new builder instead
     */
    public function __construct($appID, #[\SensitiveParameter] $appCertificate, $channelName, $uid)
    {
        if ($this->handle !== null) {
            throw new \LogicException('SimpleTokenBuilder::__construct: this builder is already constructed; create a new one');
        }
        $ffi = Native::$ffi ?? Library::ffi();
        if (!\is_string($appID) || \str_contains($appID, "\0")) {
            throw Native::badString($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        }
        if (!\is_string($appCertificate) || \str_contains($appCertificate, "\0")) {
            throw Native::badString($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        }
        if (!\is_string($channelName) || \str_contains($channelName, "\0")) {
            throw Native::badString($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name');
        }
        $handle = $ffi->new(Native::$builderPointer);
        if (\is_int($uid) && $uid >= 0 && $uid <= Native::U32_MAX) {
            $status = $ffi->agora_token_builder_new_uid($appID, $appCertificate, $channelName, $uid, \FFI::addr($handle));
        } elseif (\is_string($uid)) {
            if (\str_contains($uid, "\0")) {
                throw Native::badString($uid, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'user_account');
            }
            $status = $ffi->agora_token_builder_new_user_account(
                $appID, $appCertificate, $channelName, $uid, \FFI::addr($handle)
            );
        } else {
            throw Native::badU32($uid, 'AGORA_TOKEN_ERR_UID', 'uid');
        }
        if ($status !== 0) {
            throw Native::failure($status);
        }
        $this->ffi = $ffi;
        $this->handle = $handle;
        $this->appID = $appID;
        $this->channelName = $channelName;
        $this->uid = $uid;
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->agora_token_builder_free($this->handle);
            $this->handle = null;
        }
    }

    /**
     * Takes salt, ts and privileges from an existing token of the same app,
     * channel and user (to renew it or add privileges).
     *
     * @param string $originToken
     * @return int 0 on success, else the negative status code of the failure
     *             (see {@see AgoraTokenException::categoryOf()}); the builder is
     *             then unchanged. A null token is `null_argument`, another
     *             non-string `version`.
     */
    public function initTokenBuilder($originToken): int
    {
        try {
            $handle = $this->handle();
            $originToken = Native::token($originToken, 'origin_token');
        } catch (AgoraTokenException $e) {
            return $e->getCode();
        }
        return $this->ffi->agora_token_builder_init_token_builder($handle, $originToken);
    }

    /**
     * Replaces the privileges with the role's, each never expiring.
     *
     * @param int $role Role::kRoleAttendee (0), kRolePublisher (1), kRoleSubscriber (2) or kRoleAdmin (101)
     * @throws AgoraTokenException category "role"
     */
    public function initPrivileges($role): void
    {
        $role = Native::i32($role, 'AGORA_TOKEN_ERR_ROLE', 'role');
        Native::check($this->ffi->agora_token_builder_init_privileges($this->handle(), $role));
    }

    /**
     * Grants a privilege until $expireTimestamp (Unix seconds; 0: never expires).
     *
     * @param int $privilege       a {@see Privileges} constant
     * @param int $expireTimestamp 0..4294967295
     * @throws AgoraTokenException category "privilege" or "expire_ts"
     */
    public function setPrivilege($privilege, $expireTimestamp): void
    {
        if (!\is_int($privilege) || $privilege < Native::I32_MIN || $privilege > Native::I32_MAX) {
            throw Native::badI32($privilege, 'AGORA_TOKEN_ERR_PRIVILEGE', 'privilege');
        }
        if (!\is_int($expireTimestamp) || $expireTimestamp < 0 || $expireTimestamp > Native::U32_MAX) {
            throw Native::badU32($expireTimestamp, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'expire_ts');
        }
        $status = $this->ffi->agora_token_builder_set_privilege($this->handle ?? $this->released(), $privilege, $expireTimestamp);
        if ($status !== 0) {
            throw Native::failure($status);
        }
    }

    /**
     * Removes a privilege (nothing happens when it was not granted).
     *
     * @param int $privilege a {@see Privileges} constant
     * @throws AgoraTokenException category "privilege"
     */
    public function removePrivilege($privilege): void
    {
        $privilege = Native::i32($privilege, 'AGORA_TOKEN_ERR_PRIVILEGE', 'privilege');
        Native::check($this->ffi->agora_token_builder_remove_privilege($this->handle(), $privilege));
    }

    /**
     * Fixes the salt of every token built from now on (reproducible tokens).
     *
     * @param int $salt 0..4294967295
     * @throws AgoraTokenException category "salt"
     */
    public function setSalt($salt): void
    {
        $salt = Native::u32($salt, 'AGORA_TOKEN_ERR_SALT', 'salt');
        Native::check($this->ffi->agora_token_builder_set_salt($this->handle(), $salt));
    }

    /** Back to a fresh random salt for every token. */
    public function clearSalt(): void
    {
        Native::check($this->ffi->agora_token_builder_clear_salt($this->handle()));
    }

    /** The fixed salt, or null when every token draws its own. */
    public function getSalt(): ?int
    {
        return $this->getOptional('agora_token_builder_get_salt');
    }

    /**
     * Fixes the token expiry (Unix seconds) of every token built from now on.
     *
     * @param int $ts 0..4294967295
     * @throws AgoraTokenException category "ts"
     */
    public function setTs($ts): void
    {
        $ts = Native::u32($ts, 'AGORA_TOKEN_ERR_TS', 'ts');
        Native::check($this->ffi->agora_token_builder_set_ts($this->handle(), $ts));
    }

    /** Back to "24 hours after each build". */
    public function clearTs(): void
    {
        Native::check($this->ffi->agora_token_builder_clear_ts($this->handle()));
    }

    /** The fixed token expiry, or null for "24 hours after each build". */
    public function getTs(): ?int
    {
        return $this->getOptional('agora_token_builder_get_ts');
    }

    /**
     * Builds the token.
     *
     * @return string "006" + app id + base64 content
     */
    public function buildToken(): string
    {
        $ffi = $this->ffi;
        $status = $ffi->agora_token_builder_build_token($this->handle ?? $this->released(), Native::$outAddr);
        if ($status !== 0) {
            throw Native::failure($status);
        }
        $token = \FFI::string(Native::$out);
        $ffi->agora_token_string_free(Native::$out);
        return $token;
    }

    /** The app id this builder signs for. */
    public function getAppID(): string
    {
        return $this->appID;
    }

    /** The channel name this builder signs for. */
    public function getChannelName(): string
    {
        return $this->channelName;
    }

    /** The uid (int) or user account (string) this builder signs for. */
    public function getUid(): int|string
    {
        return $this->uid;
    }

    /** @return array<string, mixed> what var_dump shows: never the certificate nor the native handle */
    public function __debugInfo(): array
    {
        return [
            'appID' => $this->appID,
            'appCertificate' => '***',
            'channelName' => $this->channelName,
            'uid' => $this->uid,
            'salt' => $this->handle === null ? null : $this->getSalt(),
            'ts' => $this->handle === null ? null : $this->getTs(),
        ];
    }

    /** A native builder cannot be copied: `clone` fails (the method is private). */
    private function __clone()
    {
        $this->handle = null;
        throw new \LogicException('a SimpleTokenBuilder cannot be cloned: create another one');
    }

    /** @throws \LogicException a builder holds a native handle and cannot be serialized */
    public function __serialize(): array
    {
        throw new \LogicException('a SimpleTokenBuilder cannot be serialized');
    }

    /** @param array<mixed> $data */
    public function __unserialize(array $data): void
    {
        throw new \LogicException('a SimpleTokenBuilder cannot be unserialized');
    }

    private function handle(): \FFI\CData
    {
        return $this->handle ?? $this->released();
    }

    private function released(): never
    {
        throw Native::invalid('AGORA_TOKEN_ERR_NULL_ARGUMENT', 'builder', 'already released');
    }

    private function getOptional(string $function): ?int
    {
        $value = $this->ffi->new('int64_t');
        Native::check($this->ffi->{$function}($this->handle(), \FFI::addr($value)));
        return $value->cdata < 0 ? null : $value->cdata;
    }
}

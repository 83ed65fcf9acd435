<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\AgoraTokenException;
use AgoraToken\Internal\Native;
use AgoraToken\Privileges;
use AgoraToken\SimpleTokenBuilder;
use AgoraToken\Token;

/**
 * Agora's PHP `AccessToken` (006, DynamicKey/AgoraDynamicKey/php/src/AccessToken.php)
 * with the reference's members, over libagoratoken: the global class
 * `AccessToken` once `aliases.php` is required.
 *
 * ```php
 * $t = AccessToken::init($appID, $appCertificate, $channelName, $uid);   // null for invalid input
 * $t->message->salt = 1; $t->message->ts = 1111111;                      // optional (tests)
 * $t->addPrivilege(AccessToken::Privileges["kJoinChannel"], time() + 3600);
 * $token = $t->build();                                                   // "006..."
 * ```
 *
 * - The uid is an int (0..4294967295; 0 and "" mean any user) or a user
 *   account string, used as it is (as in the reference: "0" is the account
 *   "0", not uid 0).
 * - `init()`/`initWithToken()` return null where the reference does, and
 *   also for any value libagoratoken refuses; the reason (naming the field,
 *   never the certificate) is raised as an E_USER_WARNING instead of the
 *   reference's echo.
 * - `build()` signs with libagoratoken (privileges packed sorted by id) and
 *   throws an {@see AgoraTokenException} naming the field of an invalid
 *   value (salt, ts, privilege, expiry; floats are truncated as the
 *   reference's pack() does).
 * - The certificate is not a visible property (`$t->appCertificate` still
 *   reads and writes it).
 *
 * @property string $appCertificate the app certificate (32 hex digits)
 */
final class AccessToken
{
    /** The privilege ids by the reference's names (libagoratoken's ids). */
    public const Privileges = [
        'kJoinChannel' => Privileges::kJoinChannel,
        'kPublishAudioStream' => Privileges::kPublishAudioStream,
        'kPublishVideoStream' => Privileges::kPublishVideoStream,
        'kPublishDataStream' => Privileges::kPublishDataStream,
        'kRtmLogin' => Privileges::kRtmLogin,
    ];

    /** @var string|null the app id (32 hex digits) */
    public $appID;
    /** @var string|null */
    public $channelName;
    /** @var int|string|null an int uid (0: any user) or a user account string ("" : any user) */
    public $uid;
    /** @var Message salt, ts and privileges */
    public $message;

    private ?\SensitiveParameterValue $cert = null;

    /** An empty token; init() or initWithToken() make a usable one. */
    public function __construct()
    {
        $this->message = new Message();
    }

    /** Reads `appCertificate` (the reference's public field). */
    public function __get(string $name): mixed
    {
        if ($name === 'appCertificate') {
            return $this->cert?->getValue();
        }
        trigger_error('Undefined property: AccessToken::$' . $name, E_USER_WARNING);
        return null;
    }

    /** Writes `appCertificate` (the reference's public field). */
    public function __set(string $name, #[\SensitiveParameter] mixed $value): void
    {
        if ($name !== 'appCertificate') {
            throw new \Error('Cannot create dynamic property AccessToken::$' . $name);
        }
        $this->cert = new \SensitiveParameterValue($value);
    }

    public function __isset(string $name): bool
    {
        return $name === 'appCertificate' && $this->cert !== null;
    }

    /** @return array<string, mixed> what var_dump and print_r show: never the certificate */
    public function __debugInfo(): array
    {
        return ['appID' => $this->appID, 'appCertificate' => '***', 'channelName' => $this->channelName,
            'uid' => $this->uid, 'message' => $this->message];
    }

    /** Sets the uid: an int uid (0: any user) or a user account string. */
    public function setUid($uid): void
    {
        $this->uid = $uid;
    }

    /**
     * A token for an app, channel and user, with no privilege yet, or null
     * (and an E_USER_WARNING naming the field) when libagoratoken refuses one
     * of them: the app id, the certificate, the channel name (1 to 64 bytes of
     * Agora's characters), the uid (0..4294967295) or the account.
     *
     * @param string     $appID          32 hex digits
     * @param string     $appCertificate 32 hex digits
     * @param string     $channelName
     * @param int|string $uid            an int uid, or a user account string ("": any user)
     */
    public static function init($appID, #[\SensitiveParameter] $appCertificate, $channelName, $uid): ?self
    {
        $token = new self();
        $token->appID = $appID;
        $token->appCertificate = $appCertificate;
        $token->channelName = $channelName;
        $token->setUid($uid);
        try {
            $token->builder();
        } catch (AgoraTokenException $e) {
            trigger_error('AccessToken::init: ' . $e->getMessage(), E_USER_WARNING);
            return null;
        }
        return $token;
    }

    /**
     * A token read from an existing 006 token (its app id, salt, ts and
     * privileges) for a channel and user, to build it again; null (and an
     * E_USER_WARNING) when the token is malformed or the values are refused.
     * The signature is not checked (as in the reference).
     *
     * @param string     $token
     * @param string     $appCertificate
     * @param string     $channel
     * @param int|string $uid
     */
    public static function initWithToken($token, #[\SensitiveParameter] $appCertificate, $channel, $uid): ?self
    {
        $accessToken = new self();
        return $accessToken->extract($token, $appCertificate, $channel, $uid) ? $accessToken : null;
    }

    /**
     * Grants a privilege until $expireTimestamp (Unix seconds; 0: never).
     *
     * @param int       $key             a value of {@see AccessToken::Privileges}
     * @param int|float $expireTimestamp
     */
    public function addPrivilege($key, $expireTimestamp): self
    {
        $this->message->privileges[$key] = $expireTimestamp;
        return $this;
    }

    /**
     * Reads an existing 006 token into this one (see {@see initWithToken()}).
     *
     * @return bool false (and an E_USER_WARNING naming the problem) for a malformed token or refused values
     */
    public function extract($token, #[\SensitiveParameter] $appCertificate, $channelName, $uid): bool
    {
        try {
            $parsed = Token::parse($token);
            $this->appID = $parsed->appID;
            $this->appCertificate = $appCertificate;
            $this->channelName = $channelName;
            $this->setUid($uid);
            $this->builder();
        } catch (AgoraTokenException $e) {
            trigger_error('AccessToken::extract: ' . $e->getMessage(), E_USER_WARNING);
            return false;
        }
        $message = new Message();
        $message->salt = $parsed->salt;
        $message->ts = $parsed->ts;
        $message->privileges = $parsed->privileges;
        $this->message = $message;
        return true;
    }

    /**
     * Builds the token: "006" + app id + base64 content, signed by libagoratoken.
     *
     * @throws AgoraTokenException naming the field of an invalid value
     */
    public function build(): string
    {
        $builder = $this->builder();
        $m = $this->message;
        if ($m->salt !== null) {
            $builder->setSalt(Native::looseU32($m->salt, 'AGORA_TOKEN_ERR_SALT', 'salt'));
        }
        if ($m->ts !== null) {
            $builder->setTs(Native::looseU32($m->ts, 'AGORA_TOKEN_ERR_TS', 'ts'));
        }
        foreach ($m->privileges as $id => $expire) {
            $builder->setPrivilege($id, Native::looseU32($expire, 'AGORA_TOKEN_ERR_EXPIRE_TS', 'expire_ts'));
        }
        return $builder->buildToken();
    }

    /** A native builder of the current app id, certificate, channel and user (they are checked there). */
    private function builder(): SimpleTokenBuilder
    {
        $uid = $this->uid === '' ? 0 : $this->uid;
        return new SimpleTokenBuilder($this->appID, $this->cert?->getValue(), $this->channelName, $uid);
    }
}

<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * The privilege ids of AccessToken 006, named as in Agora's reference builders
 * (`AccessToken::Privileges["kJoinChannel"]` there). The unit tests check them
 * against the library's `agora_token_privilege_id` enum.
 */
final class Privileges
{
    public const kJoinChannel = 1;
    public const kPublishAudioStream = 2;
    public const kPublishVideoStream = 3;
    public const kPublishDataStream = 4;
    public const kPublishAudioCdn = 5;
    public const kPublishVideoCdn = 6;
    public const kRequestPublishAudioStream = 7;
    public const kRequestPublishVideoStream = 8;
    public const kRequestPublishDataStream = 9;
    public const kInvitePublishAudioStream = 10;
    public const kInvitePublishVideoStream = 11;
    public const kInvitePublishDataStream = 12;
    public const kAdministrateChannel = 101;
    public const kRtmLogin = 1000;

    private function __construct()
    {
    }
}

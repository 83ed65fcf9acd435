"""Agora AccessToken 006 builders backed by a Rust core.

A drop-in for the pure-Python builders (``agora_token_builder``)::

    from agoratoken import RtcTokenBuilder, Role_Publisher
    token = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, "room", 42, Role_Publisher, expire)

and the documented ``SimpleTokenBuilder``::

    builder = SimpleTokenBuilder(appID, appCertificate, channelName, uid)
    builder.initPrivileges(Role.Publisher)
    token = builder.buildToken()
"""

from enum import IntEnum as _IntEnum
from typing import Literal as _Literal

from . import _agoratoken
from ._agoratoken import (
    ParsedToken,
    RtcTokenBuilder,
    RtmTokenBuilder,
    SimpleTokenBuilder,
    error_name,
    parse,
    verify,
    verifyRtm,
    version,
)
from ._errors import AgoraTokenError
from . import v2

__version__: str = version()

# What `verify` returns: "ok" or the first check that failed, in check order.
VerifyResult = _Literal[
    "ok",
    "app_id_mismatch",
    "channel_mismatch",
    "uid_mismatch",
    "signature_mismatch",
    "expired",
    "privilege_expired",
]

# The tables come from the Rust core, so no value is written twice.
Privileges = _IntEnum("Privileges", _agoratoken._privilege_table(), module=__name__)  # type: ignore[misc]
Privileges.__doc__ = "The privileges a 006 token grants, by wire id."
Role = _IntEnum("Role", _agoratoken._role_table(), module=__name__)  # type: ignore[misc]
Role.__doc__ = "RTC roles: Attendee, Publisher and Admin publish; Subscriber only joins."
RtmRole = _IntEnum("RtmRole", [("Rtm_User", _agoratoken._rtm_user())], module=__name__)  # type: ignore[misc]
RtmRole.__doc__ = "The RTM role (Rtm_User, the only one)."

# The module-level constants of the reference builders.
kJoinChannel = Privileges.kJoinChannel
kPublishAudioStream = Privileges.kPublishAudioStream
kPublishVideoStream = Privileges.kPublishVideoStream
kPublishDataStream = Privileges.kPublishDataStream
kPublishAudioCdn = Privileges.kPublishAudioCdn
kPublishVideoCdn = Privileges.kPublishVideoCdn
kRequestPublishAudioStream = Privileges.kRequestPublishAudioStream
kRequestPublishVideoStream = Privileges.kRequestPublishVideoStream
kRequestPublishDataStream = Privileges.kRequestPublishDataStream
kInvitePublishAudioStream = Privileges.kInvitePublishAudioStream
kInvitePublishVideoStream = Privileges.kInvitePublishVideoStream
kInvitePublishDataStream = Privileges.kInvitePublishDataStream
kAdministrateChannel = Privileges.kAdministrateChannel
kRtmLogin = Privileges.kRtmLogin

Role_Attendee = Role.Attendee
Role_Publisher = Role.Publisher
Role_Subscriber = Role.Subscriber
Role_Admin = Role.Admin
Role_Rtm_User = RtmRole.Rtm_User

del _IntEnum, _Literal  # only the names above are the module's own

__all__ = [
    "AgoraTokenError",
    "ParsedToken",
    "Privileges",
    "Role",
    "RtcTokenBuilder",
    "RtmRole",
    "RtmTokenBuilder",
    "SimpleTokenBuilder",
    "VerifyResult",
    "error_name",
    "parse",
    "verify",
    "verifyRtm",
    "version",
    "kJoinChannel",
    "kPublishAudioStream",
    "kPublishVideoStream",
    "kPublishDataStream",
    "kPublishAudioCdn",
    "kPublishVideoCdn",
    "kRequestPublishAudioStream",
    "kRequestPublishVideoStream",
    "kRequestPublishDataStream",
    "kInvitePublishAudioStream",
    "kInvitePublishVideoStream",
    "kInvitePublishDataStream",
    "kAdministrateChannel",
    "kRtmLogin",
    "Role_Attendee",
    "Role_Publisher",
    "Role_Subscriber",
    "Role_Admin",
    "Role_Rtm_User",
]

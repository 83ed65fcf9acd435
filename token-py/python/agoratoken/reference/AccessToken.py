"""AccessToken (006) under the names of Agora's python3 ``src/AccessToken.py``.

``AccessToken`` holds a 006 token as data (app id, certificate, channel, uid, ``salt``, ``ts``,
``messages``) and builds it with :class:`agoratoken.SimpleTokenBuilder`; ``fromString`` reads
one back with :func:`agoratoken.parse`. The privilege constants are :mod:`agoratoken`'s::

    from agoratoken.reference.AccessToken import AccessToken, kJoinChannel

    token = AccessToken(app_id, app_certificate, "room-1", 42)
    token.addPrivilege(kJoinChannel, int(time.time()) + 3600)   # a Unix time, not a lifetime
    text = token.build()

    parsed = AccessToken()
    parsed.fromString(text)        # True; parsed.salt, parsed.ts, parsed.messages
"""

import typing as _t

from .. import (
    SimpleTokenBuilder as _SimpleTokenBuilder,
    kAdministrateChannel as kAdministrateChannel,
    kInvitePublishAudioStream as kInvitePublishAudioStream,
    kInvitePublishDataStream as kInvitePublishDataStream,
    kInvitePublishVideoStream as kInvitePublishVideoStream,
    kJoinChannel as kJoinChannel,
    kPublishAudioCdn as kPublishAudioCdn,
    kPublishAudioStream as kPublishAudioStream,
    kPublishDataStream as kPublishDataStream,
    kPublishVideoCdn as kPublishVideoCdn,
    kPublishVideoStream as kPublishVideoStream,
    kRequestPublishAudioStream as kRequestPublishAudioStream,
    kRequestPublishDataStream as kRequestPublishDataStream,
    kRequestPublishVideoStream as kRequestPublishVideoStream,
    kRtmLogin as kRtmLogin,
)
from .. import parse as _parse
from .._errors import AgoraTokenError as _AgoraTokenError
from ..v2 import _TABLES

VERSION_LENGTH: int = len(_TABLES["version006"])
APP_ID_LENGTH: int = _TABLES["app_id_length"]

# What Agora's code takes for a Unix time: an int, or a float it truncates (``int(x)``).
_Seconds = _t.Union[int, float]


def getVersion() -> str:
    """The version prefix of AccessToken: ``"006"``."""
    return str(_TABLES["version006"])


class AccessToken:
    """Agora's 006 ``AccessToken``: ``AccessToken(appID='', appCertificate='', channelName='',
    uid='')``.

    ``uid`` is an ``int`` uid (0..2**32-1; 0 lets any uid join) or a ``str`` user account
    (``""`` is uid 0, as in Agora's code, and ``"42"`` the same user as 42); ``uidStr`` is the
    string signed into the token. ``messages`` is ``{privilege id: expiry}``, each expiry a
    **Unix time** in seconds (0 = never; a float is truncated, as Agora's ``int(x)`` does);
    ``salt`` and ``ts`` (the token's own expiry, Unix seconds) are ``None`` until set, and then
    drawn at each build by the core: a fresh CSPRNG salt, ts = now + 24 h.

    ``build()`` raises ``AgoraTokenError`` (a ``ValueError``) naming a bad field (``"app_id"``,
    ``"app_certificate"``, ``"channel_name"``, ``"user_account"``, ``"uid"``, ``"privilege"``,
    ``"expire_ts"``, ``"salt"``, ``"ts"``) and ``TypeError`` for a wrong type, where Agora's
    code would write a token the service rejects. The certificate is not in the ``repr``; the
    object can be copied (``copy.copy``, ``copy.deepcopy``) but not pickled.
    """

    def __init__(
        self, appID: str = "", appCertificate: str = "", channelName: str = "", uid: _t.Union[int, str] = ""
    ) -> None:
        self.appID = appID
        self.__appCertificate = appCertificate
        self.channelName = channelName
        self.__uid: _t.Union[int, str] = uid
        self.salt: _t.Optional[_Seconds] = None
        self.ts: _t.Optional[_Seconds] = None
        self.messages: _t.Dict[int, _Seconds] = {}

    @property
    def appCertificate(self) -> str:
        """The app certificate (32 hex digits)."""
        return self.__appCertificate

    @appCertificate.setter
    def appCertificate(self, value: str) -> None:
        self.__appCertificate = value

    @property
    def uidStr(self) -> str:
        """The uid as signed into the token: ``""`` for uid 0, else its decimal text or the account."""
        return "" if self.__uid == 0 else str(self.__uid)

    @uidStr.setter
    def uidStr(self, value: _t.Union[int, str]) -> None:
        self.__uid = value

    def addPrivilege(self, privilege: int, expireTimestamp: _Seconds) -> None:
        """Grants ``privilege`` (``kJoinChannel`` ... ``kRtmLogin``) until ``expireTimestamp``,
        Unix seconds (0 = never); the same as ``messages[privilege] = expireTimestamp``."""
        self.messages[privilege] = expireTimestamp

    def build(self) -> str:
        """The 006 token text. Privileges are written sorted by id. Raises as the class says."""
        uid = 0 if self.__uid == "" else self.__uid  # "" and uid 0 sign the same empty uid string
        builder = _SimpleTokenBuilder(self.appID, self.__appCertificate, self.channelName, uid)
        builder.salt = self.salt
        builder.ts = self.ts
        for privilege, expire in self.messages.items():
            builder.setPrivilege(privilege, expire)
        return builder.buildToken()

    def fromString(self, originToken: str) -> bool:
        """Reads ``salt``, ``ts`` and ``messages`` from a 006 token: ``True``, or ``False`` when
        it is not a well-formed 006 token (as Agora's code returns, without printing)."""
        try:
            parsed = _parse(originToken)
        except (_AgoraTokenError, TypeError):
            return False
        self.salt, self.ts, self.messages = parsed.salt, parsed.ts, dict(parsed.privileges)
        return True

    def __repr__(self) -> str:
        return (
            f"<agoratoken.reference.AccessToken.AccessToken appID={self.appID!r} channelName={self.channelName!r} "
            f"uidStr={self.uidStr!r} salt={self.salt!r} ts={self.ts!r} messages={self.messages!r}>"
        )

    def __copy__(self) -> "AccessToken":
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.messages = dict(self.messages)
        return clone

    def __deepcopy__(self, memo: _t.Dict[int, object]) -> "AccessToken":
        return self.__copy__()  # every field is an immutable value but ``messages``, copied

    def __reduce__(self) -> _t.NoReturn:
        raise TypeError("AccessToken cannot be pickled: it holds the app certificate; pickle its inputs instead")


__all__ = [
    "APP_ID_LENGTH",
    "AccessToken",
    "VERSION_LENGTH",
    "getVersion",
    "kAdministrateChannel",
    "kInvitePublishAudioStream",
    "kInvitePublishDataStream",
    "kInvitePublishVideoStream",
    "kJoinChannel",
    "kPublishAudioCdn",
    "kPublishAudioStream",
    "kPublishDataStream",
    "kPublishVideoCdn",
    "kPublishVideoStream",
    "kRequestPublishAudioStream",
    "kRequestPublishDataStream",
    "kRequestPublishVideoStream",
    "kRtmLogin",
]

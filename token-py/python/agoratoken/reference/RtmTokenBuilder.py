"""Agora's ``src/RtmTokenBuilder.py`` (006): ``RtmTokenBuilder.buildToken``, ``Role_Rtm_User``
and the names of :mod:`agoratoken.reference.AccessToken`.

``privilegeExpiredTs`` is a Unix time (a float is truncated, as Agora's code does). The role is
not read, as in Agora's code: any value (``None``, a ``str``, ...) builds the same token. The
token is :class:`agoratoken.RtmTokenBuilder`'s, which takes an ``int`` role only.
"""

import typing as _t

from .. import Role_Rtm_User as Role_Rtm_User
from .. import RtmTokenBuilder as _RtmTokenBuilder
from .AccessToken import *  # noqa: F403


class RtmTokenBuilder:
    """Agora's 006 RTM builder: an RTM login token for ``userAccount``."""

    @staticmethod
    def buildToken(
        appId: str, appCertificate: str, userAccount: str, role: object, privilegeExpiredTs: _t.Union[int, float]
    ) -> str:
        """The 006 RTM token of ``userAccount`` (kRtmLogin until ``privilegeExpiredTs``, Unix
        seconds, 0 = never). ``role`` is ignored, as Agora's code ignores it."""
        del role  # Agora's code never reads it; every role is the RTM user
        return _RtmTokenBuilder.buildToken(appId, appCertificate, userAccount, Role_Rtm_User, privilegeExpiredTs)

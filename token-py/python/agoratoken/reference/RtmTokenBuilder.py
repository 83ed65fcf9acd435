"""Agora's ``src/RtmTokenBuilder.py`` (006): :class:`agoratoken.RtmTokenBuilder` (``buildToken``),
``Role_Rtm_User`` and the names of :mod:`agoratoken.reference.AccessToken`.

``privilegeExpiredTs`` is a Unix time (a float is truncated, as Agora's code does); the role is
not read, as in Agora's code.
"""

from .. import Role_Rtm_User as Role_Rtm_User
from .. import RtmTokenBuilder as RtmTokenBuilder
from .AccessToken import *  # noqa: F403

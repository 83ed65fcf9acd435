"""Agora's ``src/RtcTokenBuilder.py`` (006): :class:`agoratoken.RtcTokenBuilder`
(``buildTokenWithUid``, ``buildTokenWithAccount``), the ``Role_*`` constants and the names of
:mod:`agoratoken.reference.AccessToken`.

``privilegeExpiredTs`` is a Unix time (a float is truncated, as Agora's code does); a ``None``
role builds a join-only token, as Agora's code does.
"""

from .. import Role_Admin as Role_Admin
from .. import Role_Attendee as Role_Attendee
from .. import Role_Publisher as Role_Publisher
from .. import Role_Subscriber as Role_Subscriber
from .. import RtcTokenBuilder as RtcTokenBuilder
from .AccessToken import *  # noqa: F403  (Agora's module re-exports its token module)

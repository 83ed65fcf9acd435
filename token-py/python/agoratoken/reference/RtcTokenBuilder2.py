"""Agora's ``src/RtcTokenBuilder2.py``: :class:`agoratoken.v2.RtcTokenBuilder`, ``Role_Publisher``,
``Role_Subscriber``, and the names of :mod:`agoratoken.reference.AccessToken2`.

Expiries are seconds from now. A ``None`` role builds a join-only token, as Agora's code does.
"""

from ..v2 import Role_Publisher as Role_Publisher
from ..v2 import Role_Subscriber as Role_Subscriber
from ..v2 import RtcTokenBuilder as RtcTokenBuilder
from .AccessToken2 import *  # noqa: F403  (Agora's module re-exports its token module)

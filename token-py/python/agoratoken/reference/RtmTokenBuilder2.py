"""Agora's ``src/RtmTokenBuilder2.py``: :class:`agoratoken.v2.RtmTokenBuilder` (``build_token``,
``build_token_with_permissions``) and the names of :mod:`agoratoken.reference.AccessToken2`."""

from ..v2 import RtmTokenBuilder as RtmTokenBuilder
from .AccessToken2 import *  # noqa: F403

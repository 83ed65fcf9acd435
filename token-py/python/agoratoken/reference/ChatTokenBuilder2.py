"""Agora's ``src/ChatTokenBuilder2.py``: :class:`agoratoken.v2.ChatTokenBuilder` and the names of
:mod:`agoratoken.reference.AccessToken2`."""

from ..v2 import ChatTokenBuilder as ChatTokenBuilder
from .AccessToken2 import *  # noqa: F403

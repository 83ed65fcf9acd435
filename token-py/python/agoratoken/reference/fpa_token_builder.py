"""Agora's ``src/fpa_token_builder.py``: :class:`agoratoken.v2.FpaTokenBuilder` and the names of
:mod:`agoratoken.reference.AccessToken2`."""

from ..v2 import FpaTokenBuilder as FpaTokenBuilder
from .AccessToken2 import *  # noqa: F403

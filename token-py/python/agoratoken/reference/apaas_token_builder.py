"""Agora's ``src/apaas_token_builder.py``: :class:`agoratoken.v2.ApaasTokenBuilder`, ``get_md5``
and the names of :mod:`agoratoken.reference.AccessToken2`."""

from ..v2 import ApaasTokenBuilder as ApaasTokenBuilder
from .AccessToken2 import *  # noqa: F403
from .utils import *  # noqa: F403

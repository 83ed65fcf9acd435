"""Agora's ``src/education_token_builder.py``: :class:`agoratoken.v2.EducationTokenBuilder`,
``get_md5`` and the names of :mod:`agoratoken.reference.AccessToken2`."""

from ..v2 import EducationTokenBuilder as EducationTokenBuilder
from .AccessToken2 import *  # noqa: F403
from .utils import *  # noqa: F403

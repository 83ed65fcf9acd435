"""AccessToken2 (007) under the names of Agora's python3 ``src/AccessToken2.py``.

The service classes are :mod:`agoratoken.v2`'s (``ServiceRtc``, ``ServiceRtm``, ...), which
also answer to the private field names Agora's classes have (``_ServiceRtc__channel_name``,
``_Service__privileges``, ...). ``AccessToken`` is :class:`agoratoken.v2.AccessToken` except
that ``build()`` returns ``""`` where Agora's returns ``""``::

    from agoratoken.reference.AccessToken2 import AccessToken, ServiceRtc

    token = AccessToken(app_id, app_certificate, expire=600)   # expire: seconds after issue_ts
    rtc = ServiceRtc("room-1", 42)
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)  # seconds after issue_ts
    token.add_service(rtc)
    text = token.build()

    parser = AccessToken()
    parser.from_string(text)               # True; stops at a service type it does not know
    parser.verify_signature(app_certificate)
"""

from .. import v2 as _v2
from .._errors import AgoraTokenError as _AgoraTokenError
from ..v2 import (
    VERSION_LENGTH,
    Service,
    ServiceApaas,
    ServiceChat,
    ServiceConvoAI,
    ServiceFCdn,
    ServiceFpa,
    ServiceRtc,
    ServiceRtm,
    ServiceRtm2,
    ServiceStreaming,
    ServiceStt,
    get_version,
)

# The failures for which Agora's AccessToken.build returns "" (its __build_check): an app id or
# certificate that is not 32 hex digits, no service. Any other refusal raises (see the README).
_EMPTY_TOKEN = frozenset({"app_id", "app_certificate", "no_service"})


class AccessToken(_v2.AccessToken):
    """Agora's ``AccessToken`` (007): ``AccessToken(app_id='', app_certificate='', issue_ts=0,
    expire=900)``; ``expire`` is the token's lifetime in seconds after ``issue_ts`` (a Unix
    time; 0 means "now", taken at each build). The salt is a fresh CSPRNG value per build unless
    set (``token._AccessToken__salt = 1``, as Agora's tests do, or ``token.salt = 1``).

    ``build()`` returns ``""`` for an app id or certificate that is not 32 hex digits and for a
    token with no service, as Agora's does; any other bad field raises ``AgoraTokenError`` (a
    ``ValueError``) naming it. ``from_string``, ``verify_signature``, ``add_service``,
    ``get_services`` and ``services`` are :class:`agoratoken.v2.AccessToken`'s.
    """

    def build(self) -> str:
        """The token text, or ``""`` where Agora's ``build`` returns ``""`` (see the class)."""
        try:
            return super().build()
        except _AgoraTokenError as e:
            if e.code in _EMPTY_TOKEN:
                return ""
            raise


__all__ = [
    "AccessToken",
    "Service",
    "ServiceApaas",
    "ServiceChat",
    "ServiceConvoAI",
    "ServiceFCdn",
    "ServiceFpa",
    "ServiceRtc",
    "ServiceRtm",
    "ServiceRtm2",
    "ServiceStreaming",
    "ServiceStt",
    "VERSION_LENGTH",
    "get_version",
]

"""AccessToken2 ("007"), the token format Agora issues today, under the names of Agora's Python 007 code.

The builders of Agora's ``RtcTokenBuilder2``, ``RtmTokenBuilder2``, ``ChatTokenBuilder2``,
``fpa_token_builder``, ``apaas_token_builder`` and ``education_token_builder`` modules
(the same code as PyPI ``agoraiotools``), and its ``AccessToken2`` classes::

    from agoratoken.v2 import RtcTokenBuilder, RtmTokenBuilder, ChatTokenBuilder, Role_Publisher
    app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials

    rtc = RtcTokenBuilder.build_token_with_uid(app_id, app_certificate, "room-1", 42, Role_Publisher, 3600, 3600)
    rtm = RtmTokenBuilder.build_token(app_id, app_certificate, "alice", 3600)
    chat = ChatTokenBuilder.build_user_token(app_id, app_certificate, "alice", 3600)

    from agoratoken.v2 import parse, verify
    token = parse(rtc)                      # an AccessToken: app_id, issue_ts, expire, salt, services
    verify(rtc, app_certificate, "room-1", 42)   # "ok", or the first check that failed

**Units.** Every ``expire`` argument (``token_expire``, ``privilege_expire``,
``join_channel_privilege_expire``, ...) is a lifetime in **seconds from now**:
600 is ten minutes. This is not 006 (the ``agoratoken`` module), whose expiries
are Unix timestamps. A privilege lifetime of 0 means "no limit of its own"; the
token's lifetime always bounds it.

**Errors.** Where Agora's code returns ``""`` (a bad app id or certificate, no
service), these builders raise :class:`agoratoken.AgoraTokenError`, a
``ValueError`` whose ``.code`` names the category (``"app_id"``,
``"channel_name"``, ``"uid"``, ``"role"``, ...) and whose message names the
field, never the certificate. A wrong type (``bool``, ``float`` or ``str`` for an
``int``, ``bytes`` for a ``str``) raises ``TypeError``; ``None`` raises
``AgoraTokenError`` with code ``"null_argument"``. ``help()`` of each builder method lists
the category of each of its parameters, the Agora code it mirrors and a runnable example.

Each token gets a fresh salt from the OS CSPRNG and the current time as issue_ts.
"""

import contextlib as _contextlib
import copy as _copy
import inspect as _inspect
import textwrap as _textwrap
import typing as _t

from . import _agoratoken as _native
from ._errors import AgoraTokenError

_build = _native._build
_TABLES = _native._tables()
# The row of each reference builder in the core's table (RECIPES), by its python3 name.
_RECIPE = {name: index for index, (name, _params) in enumerate(_TABLES["recipes"])}
_ROLES = dict(_TABLES["rtc_roles"])

VERSION_LENGTH = 3

# RECOMMENDED. Use this role for a voice/video call or a live broadcast (Agora's comment).
Role_Publisher: int = _ROLES["Role_Publisher"]
# Only for scenarios with co-host authentication: joins, never publishes.
Role_Subscriber: int = _ROLES["Role_Subscriber"]


def get_version() -> str:
    """The version prefix of AccessToken2: ``"007"``."""
    return str(_TABLES["version"])


# --- services ---------------------------------------------------------------------------------

_SERVICE_TABLE = {class_name: (type_id, privileges) for type_id, class_name, privileges in _TABLES["services"]}
_NO_FIELDS: _t.Tuple[None, None, None, None, None, None, None] = (None, None, None, None, None, None, None)
_S = _t.TypeVar("_S", bound="Service")


def _from_core(cls: _t.Type[_S]) -> _t.Type[_S]:
    """Sets ``kServiceType`` and the ``kPrivilege...`` constants of a service class from the core's table."""
    type_id, privileges = _SERVICE_TABLE[cls.__name__]
    cls.kServiceType = type_id
    for privilege_id, name in privileges:
        setattr(cls, name, privilege_id)
    return cls


class Service:
    """One service of an AccessToken2: its type, its privileges and the fields of its type.

    Use a subclass (``ServiceRtc``, ``ServiceRtm``, ...). ``Service(n)`` itself makes a
    service of type ``n`` with no fields, written as Agora's base class writes it (its type, then
    its privileges); ``n`` must be 0 or 11..65535 (the types 1..10 have fields: ``"service"``).
    """

    kServiceType: int = 0

    def __init__(self, service_type: int) -> None:
        self._type = service_type
        self._privileges: _t.Dict[int, int] = {}

    def add_privilege(self, privilege: int, expire: int) -> None:
        """Grants ``privilege`` (an id such as ``ServiceRtc.kPrivilegeJoinChannel``) for ``expire``
        seconds after the token's issue_ts (0: no limit of its own, the token's lifetime bounds it).

        Adding an id again replaces its value, as in Agora's code. An id not documented for
        the service, or an expire outside 0..2**32-1, is refused when the token is built
        (``AgoraTokenError``, codes ``"privilege"``, ``"expire_ts"``).
        """
        self._privileges[privilege] = expire

    def service_type(self) -> int:
        """The service's type number (``ServiceRtc.kServiceType`` is 1)."""
        return self._type

    @property
    def privileges(self) -> _t.Dict[int, int]:
        """A copy of ``{privilege id: seconds after issue_ts}``, in the order added (or read)."""
        return dict(self._privileges)

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        """``(channel_name, user, user_id, room_uuid, user_uuid, role, permissions)``, None where absent."""
        return _NO_FIELDS

    def _data(self) -> _t.Tuple[_t.Any, ...]:
        return (self._type, list(self._privileges.items())) + self._fields()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Service):
            return NotImplemented
        return self._data() == other._data()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = "".join(f"{k}={v!r} " for k, v in vars(self).items() if not k.startswith("_"))
        head = type(self).__name__ if type(self) is not Service else f"Service({self._type})"
        return f"<{head} {fields}privileges={self._privileges!r}>"


@_from_core
class ServiceRtc(Service):
    """RTC (type 1): join a channel (``kPrivilegeJoinChannel``) and publish audio, video and data
    streams in it (``kPrivilegePublishAudioStream``, ``kPrivilegePublishVideoStream``,
    ``kPrivilegePublishDataStream``).

    ``uid`` is an ``int`` uid (0..2**32-1; 0 lets any user in and is written as ``""``) or a
    ``str`` user account (uid 7 and account ``"7"`` are the same user). The channel name is
    1-64 bytes of ``a-z A-Z 0-9``, space and ``!#$%&()+-:;<=.>?@[]^_{}|~,``.
    """

    kPrivilegeJoinChannel: int
    kPrivilegePublishAudioStream: int
    kPrivilegePublishVideoStream: int
    kPrivilegePublishDataStream: int

    def __init__(self, channel_name: str = "", uid: _t.Union[int, str] = 0) -> None:
        super().__init__(self.kServiceType)
        self.channel_name = channel_name
        self.uid = uid

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        return (self.channel_name, self.uid, None, None, None, None, None)


class _ChannelService(Service):
    """Streaming and FCDN: a channel name and a user (``int`` uid, 0 for any user, or ``str`` account)."""

    def __init__(self, channel_name: str = "", account: _t.Union[int, str] = 0) -> None:
        super().__init__(self.kServiceType)
        self.channel_name = channel_name
        self.account = account

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        return (self.channel_name, self.account, None, None, None, None, None)


@_from_core
class ServiceStreaming(_ChannelService):
    """Streaming (type 3): ``kPrivilegePublishMixStream``, ``kPrivilegePublishRawStream`` in a channel."""

    kPrivilegePublishMixStream: int
    kPrivilegePublishRawStream: int


@_from_core
class ServiceFCdn(_ChannelService):
    """FCDN (type 6): ``kPrivilegePublish``, ``kPrivilegePlay`` in a channel."""

    kPrivilegePublish: int
    kPrivilegePlay: int


@_from_core
class ServiceRtm(Service):
    """RTM (type 2): ``kPrivilegeLogin`` for one user id (1-255 bytes)."""

    kPrivilegeLogin: int

    def __init__(self, user_id: str = "") -> None:
        super().__init__(self.kServiceType)
        self.user_id = user_id

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        return (None, None, self.user_id, None, None, None, None)


@_from_core
class ServiceChat(Service):
    """Chat (type 5): ``kPrivilegeUser`` for a user id (up to 255 bytes), or ``kPrivilegeApp``
    with the empty user id (an app token)."""

    kPrivilegeUser: int
    kPrivilegeApp: int

    def __init__(self, user_id: str = "") -> None:
        super().__init__(self.kServiceType)
        self.user_id = user_id

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        return (None, None, self.user_id, None, None, None, None)


@_from_core
class ServiceFpa(Service):
    """FPA (type 4): ``kPrivilegeLogin``; no fields."""

    kPrivilegeLogin: int

    def __init__(self) -> None:
        super().__init__(self.kServiceType)


@_from_core
class ServiceApaas(Service):
    """APaaS / Flexible Classroom (type 7): ``kPrivilegeRoomUser``, ``kPrivilegeUser``,
    ``kPrivilegeApp``, with a room uuid, a user uuid (up to 65535 bytes each) and a role
    (-32768..32767; -1 for user and app tokens)."""

    kPrivilegeRoomUser: int
    kPrivilegeUser: int
    kPrivilegeApp: int

    def __init__(self, room_uuid: str = "", user_uuid: str = "", role: int = -1) -> None:
        super().__init__(self.kServiceType)
        self.room_uuid = room_uuid
        self.user_uuid = user_uuid
        self.role = role

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        return (None, None, None, self.room_uuid, self.user_uuid, self.role, None)


@_from_core
class ServiceRtm2(Service):
    """RTM2 (type 8): ``kPrivilegeLogin`` for a user id (1-255 bytes), with resource-level
    permissions (``ServiceRtm2.Permissions``). Agora: "a special interface [that] requires
    Agora assistance"."""

    kPrivilegeLogin: int

    class Permissions:
        """RTM2 grants: ``details`` is ``{resource_type: {permission_type: [resource, ...]}}``.

        Resource types: ``kMessageChannels`` (0), ``kStreamChannels`` (1), ``kGroupChannels`` (2),
        ``kServerGroups`` (3), ``kUsers`` (4); permission types: ``kRead`` (0), ``kWrite`` (1).
        """

        kMessageChannels: int
        kStreamChannels: int
        kGroupChannels: int
        kServerGroups: int
        kUsers: int
        kRead: int
        kWrite: int

        def __init__(self) -> None:
            self.details: _t.Dict[int, _t.Dict[int, _t.List[str]]] = {}

        def add(self, resource_type: int, permission_type: int, resources: _t.Iterable[str]) -> None:
            """Grants ``permission_type`` on ``resources`` (names, kept in order) of ``resource_type``;
            replaces the resources of a pair added before. Types outside the ranges above are
            refused when the token is built (``"permission"``)."""
            if isinstance(resources, (str, bytes)):
                raise TypeError("resources: expected a list of str, got a single " + type(resources).__name__)
            self.details.setdefault(resource_type, {})[permission_type] = list(resources)

        def _data(self) -> _t.List[_t.Tuple[int, int, _t.List[str]]]:
            return [(rt, pt, res) for rt, by_type in self.details.items() for pt, res in by_type.items()]

        def __eq__(self, other: object) -> bool:
            if not isinstance(other, ServiceRtm2.Permissions):
                return NotImplemented
            return self.details == other.details

        __hash__ = None  # type: ignore[assignment]

        def __repr__(self) -> str:
            return f"Permissions({self.details!r})"

    def __init__(self, user_id: str = "", permissions: "_t.Optional[ServiceRtm2.Permissions]" = None) -> None:
        super().__init__(self.kServiceType)
        self.user_id = user_id
        self.permissions = permissions if permissions is not None else ServiceRtm2.Permissions()

    def get_user_id(self) -> str:
        """The RTM2 user id."""
        return self.user_id

    def get_permissions(self) -> "ServiceRtm2.Permissions":
        """The grants (``ServiceRtm2.Permissions``)."""
        return self.permissions

    def _fields(self) -> _t.Tuple[_t.Any, ...]:
        return (None, None, self.user_id, None, None, None, _permission_data(self.permissions))


for _value, _name in enumerate(_TABLES["rtm2_resources"]):
    setattr(ServiceRtm2.Permissions, _name, _value)
for _value, _name in enumerate(_TABLES["rtm2_permissions"]):
    setattr(ServiceRtm2.Permissions, _name, _value)


@_from_core
class ServiceConvoAI(Service):
    """Conversational AI (type 9, npm ``agora-token`` 2.0.6): no privileges, no fields."""

    def __init__(self) -> None:
        super().__init__(self.kServiceType)


@_from_core
class ServiceStt(Service):
    """Speech-to-text (type 10, npm ``agora-token`` 2.0.6): no privileges, no fields."""

    def __init__(self) -> None:
        super().__init__(self.kServiceType)


# --- the reference's private field names --------------------------------------------------------
# Agora's python3 AccessToken2 keeps each field in a private attribute (``self.__channel_name``,
# UTF-8 bytes) that its tests and its parse.py read by the mangled name
# (``service._ServiceRtc__channel_name``). These read-only views give those values from the
# fields above, so code written against Agora's classes reads the same thing here.


def _wire_view(field: str) -> property:
    """The field as the reference stores it: UTF-8 bytes of ``str(value)``, ``b""`` for uid 0."""

    def get(self: object) -> bytes:
        value = getattr(self, field)
        return b"" if value == 0 else str(value).encode("utf-8")

    return property(get, doc=f"``{field}`` as Agora's class stores it (UTF-8 bytes; read-only).")


def _plain_view(field: str) -> property:
    return property(lambda self: getattr(self, field), doc=f"``{field}`` under Agora's private name (read-only).")


Service._Service__type = property(lambda self: self._type, doc="The service type (Agora's private name).")  # type: ignore[attr-defined]
Service._Service__privileges = property(  # type: ignore[attr-defined]
    lambda self: self._privileges, doc="The live ``{privilege id: seconds}`` dict (Agora's private name)."
)
for _cls, _views in (
    (ServiceRtc, {"channel_name": _wire_view("channel_name"), "uid": _wire_view("uid")}),
    (ServiceStreaming, {"channel_name": _wire_view("channel_name"), "account": _wire_view("account")}),
    (ServiceFCdn, {"channel_name": _wire_view("channel_name"), "account": _wire_view("account")}),
    (ServiceRtm, {"user_id": _wire_view("user_id")}),
    (ServiceChat, {"user_id": _wire_view("user_id")}),
    (ServiceRtm2, {"user_id": _wire_view("user_id"), "permissions": _plain_view("permissions")}),
    (
        ServiceApaas,
        {"room_uuid": _wire_view("room_uuid"), "user_uuid": _wire_view("user_uuid"), "role": _plain_view("role")},
    ),
):
    for _field, _view in _views.items():
        setattr(_cls, f"_{_cls.__name__}__{_field}", _view)


def _permission_data(permissions: object) -> object:
    """Grants as the native side reads them: a ``Permissions`` object or a list of triples."""
    if isinstance(permissions, ServiceRtm2.Permissions):
        return permissions._data()
    return permissions


_KNOWN_SERVICES = (
    ServiceRtc,
    ServiceRtm,
    ServiceStreaming,
    ServiceFpa,
    ServiceChat,
    ServiceFCdn,
    ServiceApaas,
    ServiceRtm2,
    ServiceConvoAI,
    ServiceStt,
)


def _service_from_data(data: _t.Sequence[_t.Any]) -> Service:
    """A parsed service (the native 9-tuple) as an object of its class."""
    type_id, privileges, channel_name, user, user_id, room_uuid, user_uuid, role, grants = data
    cls = AccessToken.kServices[type_id]
    service: Service
    if cls is ServiceRtc or issubclass(cls, _ChannelService):
        service = cls(channel_name, user if user else 0)  # type: ignore[call-arg]
    elif cls is ServiceRtm2:
        permissions = ServiceRtm2.Permissions()
        for resource_type, permission_type, resources in grants:
            permissions.add(resource_type, permission_type, resources)
        service = ServiceRtm2(user_id, permissions)
    elif user_id is not None:
        service = cls(user_id)  # type: ignore[call-arg]
    elif cls is ServiceApaas:
        service = ServiceApaas(room_uuid, user_uuid, role)
    else:
        service = cls()  # type: ignore[call-arg]
    service._privileges = dict(privileges)
    return service


# --- the token --------------------------------------------------------------------------------


class AccessToken:
    """An AccessToken2 described as data: app id, certificate, issue_ts, expire, salt, services.

    ``AccessToken(app_id, app_certificate, issue_ts=0, expire=900)``: ``expire`` is the token's
    lifetime in seconds after ``issue_ts`` (a Unix time; 0, the default, means "now" at each
    build). ``salt`` is ``None`` (a fresh CSPRNG salt per build) unless set. Set ``issue_ts``
    and ``salt`` after construction to pin them (tests). Nothing is checked before ``build()``,
    which raises ``AgoraTokenError`` for any bad field (see ``build``) and ``TypeError`` for a
    wrong type (a ``float`` ``expire``: pass ``int(...)``, as Agora's ``struct.pack`` refuses it too).
    Source: Agora's python3 ``AccessToken2.AccessToken`` (the same constructor, fields and methods).

    Example::

        >>> from agoratoken.v2 import AccessToken, ServiceRtc
        >>> app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        >>> token = AccessToken(app_id, app_certificate, expire=3600)      # seconds after issue_ts
        >>> rtc = ServiceRtc("room-1", 42)
        >>> rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 3600)      # seconds after issue_ts
        >>> token.add_service(rtc)
        >>> text = token.build()
        >>> t = AccessToken()
        >>> t.from_string(text), t.verify_signature(app_certificate), t.expire
        (True, True, 3600)

    Reading one back strictly: ``parse(text)``. The certificate is never shown by ``repr`` and
    the object cannot be pickled (it holds the certificate).
    """

    kServices: _t.Dict[int, _t.Type[Service]] = {cls.kServiceType: cls for cls in _KNOWN_SERVICES}

    def __init__(
        self, app_id: str = "", app_certificate: str = "", issue_ts: int = 0, expire: int = _TABLES["default_expire"]
    ) -> None:
        self.app_id = app_id
        self.__app_certificate = app_certificate
        self.issue_ts: _t.Optional[int] = None if issue_ts == 0 else issue_ts
        self.expire = expire
        self.salt: _t.Optional[int] = None
        self.services: _t.List[Service] = []
        self.signature = b""
        self.content = b""
        self.unread_service_type: _t.Optional[int] = None
        self.__token: _t.Optional[str] = None

    def add_service(self, service: Service) -> None:
        """Adds a service. Several of one type are kept, in the order added; they are written
        sorted by type."""
        if not isinstance(service, Service):
            raise TypeError(f"service: expected a Service, got {type(service).__name__}")
        self.services.append(service)

    def get_services(self, service_type: int) -> _t.List[Service]:
        """The services of one type, in the order added (or in token order after parsing)."""
        return [s for s in self.services if s.service_type() == service_type]

    def build(self) -> str:
        """The token text, ``"007"`` + base64(zlib(content)), compressed as stock zlib level 6.

        Services are written sorted by type (stable). A plain ``Service(n)`` (or a subclass of
        ``Service`` that is none of the classes above) is written as Agora's base class writes
        it: its type, then its privileges; ``n`` must be 0 or 11..65535 (``"service"``
        otherwise), as the types 1..10 have fields.

        Raises ``AgoraTokenError`` where Agora's code returns ``""``: app id or certificate not
        32 hex digits (``"app_id"``, ``"app_certificate"``), no service (``"no_service"``), and
        for any field a service refuses: ``"channel_name"``, ``"user_account"``, ``"uid"``,
        ``"user_id"``, ``"room_uuid"``, ``"user_uuid"``, ``"role"``, ``"permission"`` (as the
        builders', see ``help(RtcTokenBuilder.build_token_with_uid)``), ``"privilege"`` (an id
        the service does not define), ``"service"`` (a plain ``Service`` of type 1..10);
        ``"expire"`` (the token's), ``"expire_ts"`` (a privilege's), ``"issue_ts"``, ``"salt"``
        outside 0..2**32-1; ``"utf8"`` (a lone surrogate). ``TypeError`` for a wrong type
        (``bytes`` for a ``str``; ``bool``, ``float`` or ``str`` for an ``int``). Source: Agora's
        python3 ``AccessToken2.AccessToken.build``, which returns ``""`` for the first three.
        """
        services, others = [], []
        for s in self.services:
            if isinstance(s, _KNOWN_SERVICES):
                services.append(s._data())
            else:
                others.append((s._type, list(s._privileges.items())))
        return _native._build007(
            self.app_id, self.__app_certificate, self.issue_ts, self.expire, self.salt, services, others
        )

    def from_string(self, origin_token: str) -> bool:
        """Reads a token into this object as Agora's ``from_string`` reads it: ``False`` when it
        does not start with ``"007"``, ``True`` when read. Reading stops at the first service of
        a type this library does not know (outside 1..10): the services before it are kept and
        its type is in ``unread_service_type`` (``None`` when every service was read); the
        signature still covers the whole token. A malformed 007 token raises
        ``AgoraTokenError`` (a ``ValueError``, as Agora's code raises) naming what is wrong:
        ``"base64"``, ``"zlib"``, ``"truncated"``, ``"service"``, ... For a strict reading
        (an unknown service is an error) use ``parse``.
        """
        if not isinstance(origin_token, str):
            raise TypeError(f"origin_token: expected str, got {type(origin_token).__name__}")
        self.__clear()
        if origin_token[:VERSION_LENGTH] != get_version():
            return False
        self._fill(_native._parse007(origin_token, True), origin_token)
        return True

    def _fill(self, data: _t.Sequence[_t.Any], token: str) -> None:
        """Takes the fields of a native parse: ``(app_id, signature, issue_ts, expire, salt,
        services, content, unread_service_type)``."""
        app_id, signature, issue_ts, expire, salt, services, content, unread = data
        self.app_id, self.signature, self.content = app_id, signature, content
        self.issue_ts, self.expire, self.salt = issue_ts, expire, salt
        self.services = [_service_from_data(s) for s in services]
        self.unread_service_type = unread
        self.__token = token

    def verify_signature(self, app_certificate: str) -> bool:
        """``True`` when a token read by ``from_string`` was signed with ``app_certificate``
        (compared in constant time; services of an unknown type are covered, as in Agora's
        code). ``False`` when nothing was read or the certificate is not 32 hex digits, as in
        Agora's code. Expiry is not checked: see ``verify``."""
        if self.__token is None:
            return False
        try:
            return _native._verify007(self.__token, app_certificate, 0, lenient=True) == "ok"
        except AgoraTokenError:
            return False

    def __clear(self) -> None:
        self.app_id, self.signature, self.content = "", b"", b""
        self.issue_ts, self.expire, self.salt = None, 0, None
        self.services = []
        self.unread_service_type = None
        self.__token = None

    # Agora's private field names (``token._AccessToken__salt = 1`` pins the salt in its tests;
    # ``_AccessToken__app_id`` is the app id as UTF-8 bytes, as its from_string leaves it).
    _AccessToken__app_id = property(
        lambda self: self.app_id.encode("utf-8"), doc="``app_id`` as UTF-8 bytes (Agora's private name)."
    )
    _AccessToken__issue_ts = property(
        lambda self: self.issue_ts,
        lambda self, value: setattr(self, "issue_ts", value),
        doc="``issue_ts`` (Agora's private name).",
    )
    _AccessToken__expire = property(
        lambda self: self.expire,
        lambda self, value: setattr(self, "expire", value),
        doc="``expire`` (Agora's private name).",
    )
    _AccessToken__salt = property(
        lambda self: self.salt,
        lambda self, value: setattr(self, "salt", value),
        doc="``salt`` (Agora's private name).",
    )

    def __repr__(self) -> str:
        return (
            f"<agoratoken.v2.AccessToken app_id={self.app_id!r} issue_ts={self.issue_ts!r} "
            f"expire={self.expire!r} salt={self.salt!r} services={self.services!r}>"
        )

    def __copy__(self) -> "AccessToken":
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.services = list(self.services)
        return clone

    def __deepcopy__(self, memo: _t.Dict[int, object]) -> "AccessToken":
        clone = self.__copy__()
        clone.services = _copy.deepcopy(self.services, memo)
        return clone

    def __reduce__(self) -> _t.NoReturn:
        raise TypeError("AccessToken cannot be pickled: it holds the app certificate; pickle its inputs instead")


VerifyResult = _t.Literal[
    "ok",
    "app_id_mismatch",
    "signature_mismatch",
    "expired",
    "service_missing",
    "channel_mismatch",
    "uid_mismatch",
    "privilege_expired",
]


def parse(token: str) -> AccessToken:
    """Reads a 007 token strictly: an ``AccessToken`` with ``app_id``, ``issue_ts`` (Unix
    seconds), ``expire`` (seconds after issue_ts), ``salt``, ``signature`` (32 bytes),
    ``content`` (the decompressed bytes) and ``services`` (in token order).

    Any valid zlib stream is read (Go, Node and Rust builders compress differently).
    Raises ``AgoraTokenError``: ``"version"``, ``"base64"``, ``"zlib"``, ``"truncated"``,
    ``"signature"``, ``"app_id"``, ``"no_service"``, ``"service"``, ``"privilege"``,
    ``"permission"``, ``"utf8"``, ``"trailing"``, ``"too_long"``; the message says what a
    damaged token looks like (quotes, whitespace, URL encoding, a 006 token, ...). ``TypeError``
    for a token that is not a ``str``. Source: Agora's python3 ``AccessToken2.AccessToken.from_string``,
    made strict (``AccessToken().from_string`` is the lenient one). A uid reads back as the
    text the token holds (``"42"``; uid 0 as ``0``).

    Example::

        >>> from agoratoken.v2 import RtcTokenBuilder, Role_Publisher, ServiceRtc, parse
        >>> app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        >>> t = parse(RtcTokenBuilder.build_token_with_uid(app_id, app_certificate, "room-1", 42, Role_Publisher, 3600))
        >>> t.app_id, t.expire, [(s.channel_name, s.uid) for s in t.get_services(ServiceRtc.kServiceType)]
        ('970CA35de60c44645bbae8a215061b33', 3600, [('room-1', '42')])
    """
    result = AccessToken()
    if not isinstance(token, str):
        raise TypeError(f"token: expected str, got {type(token).__name__}")
    result._fill(_native._parse007(token, False), token)
    return result


def verify(
    token: str,
    app_certificate: str,
    channel_name: _t.Optional[str] = None,
    uid: _t.Union[int, str, None] = None,
    now: _t.Optional[int] = None,
    app_id: _t.Optional[str] = None,
    rtm_user_id: _t.Optional[str] = None,
) -> VerifyResult:
    """Verifies a 007 token: ``"ok"``, or the first check that failed, in this order:
    ``"app_id_mismatch"`` (only when ``app_id`` is given), ``"signature_mismatch"``,
    ``"expired"`` (``now`` > issue_ts + expire); with ``channel_name`` and ``uid``:
    ``"service_missing"`` (no RTC service), ``"channel_mismatch"``, ``"uid_mismatch"`` (a
    token for uid 0 admits anyone), ``"privilege_expired"`` (JoinChannel); with
    ``rtm_user_id``: ``"service_missing"``, ``"uid_mismatch"``, ``"privilege_expired"``
    (Login), over the RTM and RTM2 services.

    ``now`` is Unix seconds (default: the clock). A malformed token or certificate raises
    ``AgoraTokenError`` (see ``parse``; ``"app_certificate"``), ``now`` outside 0..2**32-1 raises
    ``"now"`` (with a hint when it looks like milliseconds), a ``channel_name`` without ``uid`` or
    the reverse ``"null_argument"``; a wrong type raises ``TypeError``. Source: this library (Agora's
    code has ``verify_signature`` only; the checks follow what Agora's servers refuse).

    Example::

        >>> from agoratoken.v2 import RtcTokenBuilder, Role_Publisher, verify
        >>> app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        >>> token = RtcTokenBuilder.build_token_with_uid(app_id, app_certificate, "room-1", 42, Role_Publisher, 3600)
        >>> verify(token, app_certificate, "room-1", 42), verify(token, app_certificate, "room-1", 43)
        ('ok', 'uid_mismatch')
    """
    result: VerifyResult = _native._verify007(token, app_certificate, now, app_id, channel_name, uid, rtm_user_id)
    return result


@_contextlib.contextmanager
def _pinned(issue_ts: _t.Optional[int], salt: _t.Optional[int]) -> _t.Iterator[None]:
    """Test hook: the builders of this thread use this issue_ts and salt inside the block."""
    _native._pin(issue_ts, salt)
    try:
        yield
    finally:
        _native._pin(None, None)


# --- the builders' docstrings: errors, source and example composed from the core's table --------
# Each row of the core's table gives a builder's parameters, their kinds and the error category
# of a bad value; ``_documented`` appends to every builder method the errors it raises, the
# Agora code it mirrors and a runnable example, so ``help()`` shows them without 19 copies.
# The checks themselves are the core's; this only describes them.

_DEMO_APP_ID = "970CA35de60c44645bbae8a215061b33"
_DEMO_APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"
_NAME_CHARS = "``a-z``, ``A-Z``, ``0-9``, space and ``!#$%&()+-:;<=.>?@[]^_{}|~,``"
_U32 = "outside 0..2**32-1"
# What a bad value of each kind (or string field) is, by kind name / error category.
_RULES = {
    "uid": "an ``int`` " + _U32 + ", or a ``str`` that is not canonical decimal (``\"007\"``, ``\" 42\"``)",
    "rtc_role": "other than ``Role_Publisher`` (1), ``Role_Subscriber`` (2) or ``None`` (join-only)",
    "apaas_role": "outside -32768..32767",
    "expire": _U32 + " (seconds from now)",
    "privilege_expire": _U32 + " (seconds from now)",
    "permissions": "a resource type outside 0..4, a permission type outside 0..1, a resource over 65535 bytes",
    "channel_name": "empty, over 64 bytes, or a character outside " + _NAME_CHARS,
    "user_account": "empty, over 255 bytes, or a character outside " + _NAME_CHARS,
    "user_id": "empty or over 255 bytes",
    "room_uuid": "over 65535 bytes",
    "user_uuid": "over 65535 bytes",
}
# A demo value per parameter name, for the examples.
_EXAMPLE_VALUES = {
    "channel_name": '"room-1"',
    "uid": "42",
    "account": '"alice"',
    "rtc_account": '"alice"',
    "rtm_user_id": '"alice"',
    "user_id": '"alice"',
    "room_uuid": '"room-1"',
    "user_uuid": '"alice"',
    "permissions": "[(ServiceRtm2.Permissions.kMessageChannels, ServiceRtm2.Permissions.kRead, [\"room-1\"])]",
}
_EXAMPLE_KINDS = {"rtc_role": "Role_Publisher", "apaas_role": "1", "expire": "3600", "privilege_expire": "600"}
# Where each builder comes from, by the table's prefix: (origin, module.class).
_SOURCES = {
    "rtc": ("Agora's python3", "RtcTokenBuilder2.RtcTokenBuilder"),
    "rtm": ("Agora's python3", "RtmTokenBuilder2.RtmTokenBuilder"),
    "chat": ("Agora's python3", "ChatTokenBuilder2.ChatTokenBuilder"),
    "fpa": ("Agora's python3", "fpa_token_builder.FpaTokenBuilder"),
    "apaas": ("Agora's python3", "apaas_token_builder.ApaasTokenBuilder"),
    "education": ("Agora's python3", "education_token_builder.EducationTokenBuilder"),
    "convoai": ("npm agora-token 2.0.6", "ConvoAITokenBuilder.ConvoAITokenBuilder"),
    "stt": ("npm agora-token 2.0.6", "SttTokenBuilder.SttTokenBuilder"),
}
_JS_NAMES = {"build_token": "buildToken"}


def _errors_text(recipe: str) -> str:
    """The "Raises" paragraph of one builder: each parameter's error category and rule."""
    prefix = recipe.split(".")[0]
    lines = [
        "Raises ``AgoraTokenError`` (a ``ValueError``; ``.code`` is the category, the message names",
        "the field and never the certificate):",
        "",
        '- ``"app_id"``, ``"app_certificate"``: ``app_id``, ``app_certificate`` not 32 hex digits',
        "  (Agora's code returns ``\"\"``);",
    ]
    ints: _t.List[str] = []
    strs = ["app_id", "app_certificate"]
    params = _TABLES["recipes"][_RECIPE[recipe]][1]
    grouped: _t.Dict[_t.Tuple[str, str], _t.List[str]] = {}
    for name, kind, _default, code in params:
        rule = _RULES[kind] if kind != "str" else _RULES[code]
        if code == "user_id" and prefix == "chat":
            rule = "over 255 bytes"
        if code == "user_uuid" and recipe.endswith("room_user_token"):
            rule += ' (over 255 bytes: ``"user_id"``, as the RTM login of this user)'
        grouped.setdefault((code, rule), []).append(f"``{name}``")
        if kind == "str":
            strs.append(name)
        elif kind != "permissions":
            ints.append(name)
    for (code, rule), names in grouped.items():
        lines.append(_textwrap.fill(f'- ``"{code}"``: {", ".join(names)} {rule};', 96, subsequent_indent="  "))
    role = [n for n, k, _d, _c in params if k == "rtc_role"]
    but = f" but ``{role[0]}`` (join-only)" if role else ""
    lines.append(f'- ``"null_argument"``: ``None`` for any argument{but};')
    lines.append('- ``"utf8"``: a ``str`` holding a lone surrogate.')
    lines.append("")
    types = "Raises ``TypeError`` for a wrong type: "
    if ints:
        types += "a ``bool``, ``float`` or ``str`` for " + ", ".join(f"``{n}``" for n in ints)
        types += " (for a ``float`` the message says to pass ``int(...)``"
        types += "; a canonical decimal ``str`` uid is accepted); " if "uid" in ints else "); "
    types += "anything but a ``str`` (``bytes`` too) for " + ", ".join(f"``{n}``" for n in strs) + "."
    lines.append(_textwrap.fill(types, 96))
    return "\n".join(lines)


def _example_text(recipe: str, class_name: str) -> str:
    """A doctest that builds one token with demo credentials (run by tests/test_v2.py)."""
    prefix, method = recipe.split(".")
    params = _TABLES["recipes"][_RECIPE[recipe]][1]
    args = ["app_id", "app_certificate"] + [
        _EXAMPLE_VALUES.get(name) or _EXAMPLE_KINDS[kind] for name, kind, _d, _c in params
    ]
    names = [class_name] + sorted({w for a in args for w in ("Role_Publisher", "ServiceRtm2") if w in a})
    return "\n".join(
        [
            "Example::",
            "",
            f"    >>> from agoratoken.v2 import {', '.join(names)}",
            f'    >>> app_id, app_certificate = "{_DEMO_APP_ID}", "{_DEMO_APP_CERTIFICATE}"   # demo credentials',
            f"    >>> token = {class_name}.{method}({', '.join(args)})",
            "    >>> token[:3]",
            "    '007'",
        ]
    )


_C = _t.TypeVar("_C", bound=type)


def _documented(prefix: str) -> _t.Callable[[_C], _C]:
    """Appends errors, source and example to the docstring of each builder of ``prefix``."""

    def document(cls: _C) -> _C:
        origin, where = _SOURCES[prefix]
        for attr, value in vars(cls).items():
            recipe = f"{prefix}.{attr}"
            if recipe not in _RECIPE:
                continue
            fn = value.__func__
            name = _JS_NAMES.get(attr, attr) if origin.startswith("npm") else attr
            source = _textwrap.fill(
                f"Source of the arguments and the token: {origin} ``{where}.{name}``; the checks are token-core's.", 96
            )
            doc = _inspect.cleandoc(fn.__doc__ or "")
            fn.__doc__ = "\n\n".join([doc, _errors_text(recipe), source, _example_text(recipe, cls.__name__)]) + "\n"
        return cls

    return document


# --- the reference builders: one line each over the core's table ------------------------------

_RTC_WITH_UID = _RECIPE["rtc.build_token_with_uid"]
_RTC_WITH_USER_ACCOUNT = _RECIPE["rtc.build_token_with_user_account"]
_RTC_WITH_UID_AND_PRIVILEGE = _RECIPE["rtc.build_token_with_uid_and_privilege"]
_RTC_WITH_USER_ACCOUNT_AND_PRIVILEGE = _RECIPE["rtc.build_token_with_user_account_and_privilege"]
_RTC_WITH_RTM = _RECIPE["rtc.build_token_with_rtm"]
_RTC_WITH_RTM2 = _RECIPE["rtc.build_token_with_rtm2"]
_RTM = _RECIPE["rtm.build_token"]
_RTM_WITH_PERMISSIONS = _RECIPE["rtm.build_token_with_permissions"]
_CHAT_USER = _RECIPE["chat.build_user_token"]
_CHAT_APP = _RECIPE["chat.build_app_token"]
_FPA = _RECIPE["fpa.build_token"]
_APAAS_ROOM_USER = _RECIPE["apaas.build_room_user_token"]
_APAAS_USER = _RECIPE["apaas.build_user_token"]
_APAAS_APP = _RECIPE["apaas.build_app_token"]
_EDUCATION_ROOM_USER = _RECIPE["education.build_room_user_token"]
_EDUCATION_USER = _RECIPE["education.build_user_token"]
_EDUCATION_APP = _RECIPE["education.build_app_token"]
_CONVOAI = _RECIPE["convoai.build_token"]
_STT = _RECIPE["stt.build_token"]


@_documented("rtc")
class RtcTokenBuilder:
    """RTC tokens (Agora's ``RtcTokenBuilder2``): join a channel, and as a publisher publish in it.

    Every ``*_expire`` is seconds from now (3600 = one hour), not a Unix time.
    ``privilege_expire`` 0 (the default) gives the privileges no limit of their own; the
    token's lifetime bounds them. Roles: ``Role_Publisher`` (1) joins and publishes audio,
    video and data; ``Role_Subscriber`` (2) and ``None`` only join (Agora's code builds a
    join-only token for ``None``); other values raise (``"role"``).

    Raises ``AgoraTokenError`` (a ``ValueError``) where Agora's code returns ``""`` or builds a
    token the service would refuse: ``"app_id"``, ``"app_certificate"`` (not 32 hex digits),
    ``"channel_name"`` (empty, over 64 bytes, a character outside
    ``a-z A-Z 0-9 space !#$%&()+-:;<=.>?@[]^_{}|~,``), ``"user_account"``, ``"uid"`` (outside
    0..2**32-1), ``"role"``, ``"expire"`` / ``"expire_ts"`` (outside 0..2**32-1).
    ``TypeError`` for a wrong type. Example::

        from agoratoken.v2 import RtcTokenBuilder, Role_Publisher
        app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        token = RtcTokenBuilder.build_token_with_uid(app_id, app_certificate, "room-1", 42, Role_Publisher, 3600, 3600)
    """

    @staticmethod
    def build_token_with_uid(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        uid: _t.Union[int, str],
        role: _t.Optional[int],
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str:
        """An RTC token for an ``int`` uid (0..2**32-1; 0 lets any uid join), or for its
        canonical decimal text (``"42"``, as a web framework hands it over: the same user;
        ``"007"`` or ``" 42"`` raise ``"uid"``, as they would sign another user).

        ``token_expire``: the token's lifetime, seconds from now. ``privilege_expire``: the
        lifetime of JoinChannel (and, for ``Role_Publisher``, the three publish privileges),
        seconds from now; 0 = bounded by the token only.
        """
        return _build(_RTC_WITH_UID, app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire)

    @staticmethod
    def build_token_with_user_account(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: str,
        role: _t.Optional[int],
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str:
        """An RTC token for a ``str`` user account (1-255 bytes; ``"7"`` is the same user as uid 7).
        Expiries as in ``build_token_with_uid``."""
        return _build(
            _RTC_WITH_USER_ACCOUNT, app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire
        )

    @staticmethod
    def build_token_with_uid_and_privilege(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        uid: _t.Union[int, str],
        token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
    ) -> str:
        """An RTC token with all four privileges, each with its own lifetime in seconds from now
        (co-host authentication). When JoinChannel expires the user leaves the channel, whatever
        the others say."""
        return _build(
            _RTC_WITH_UID_AND_PRIVILEGE,
            app_id,
            app_certificate,
            channel_name,
            uid,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
        )

    @staticmethod
    def build_token_with_user_account_and_privilege(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: str,
        token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
    ) -> str:
        """``build_token_with_uid_and_privilege`` for a ``str`` user account."""
        return _build(
            _RTC_WITH_USER_ACCOUNT_AND_PRIVILEGE,
            app_id,
            app_certificate,
            channel_name,
            account,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
        )

    @staticmethod
    def build_token_with_rtm(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: str,
        role: _t.Optional[int],
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str:
        """One token for RTC (as ``build_token_with_user_account``) and RTM login as the same
        ``account``; the RTM login lasts ``token_expire`` seconds from now."""
        return _build(_RTC_WITH_RTM, app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire)

    @staticmethod
    def build_token_with_rtm2(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: str,
        rtc_role: _t.Optional[int],
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str:
        """One token for RTC as ``rtc_account`` (publish privileges only for ``Role_Publisher``)
        and RTM login as ``rtm_user_id`` (1-255 bytes) for ``rtm_token_expire`` seconds from now.
        The token lives ``rtc_token_expire`` seconds."""
        return _build(
            _RTC_WITH_RTM2,
            app_id,
            app_certificate,
            channel_name,
            rtc_account,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            rtm_user_id,
            rtm_token_expire,
        )


@_documented("rtm")
class RtmTokenBuilder:
    """RTM tokens (Agora's ``RtmTokenBuilder2``). ``expire`` is seconds from now.

    Raises ``AgoraTokenError``: ``"app_id"``, ``"app_certificate"``, ``"user_id"`` (empty or
    over 255 bytes), ``"expire"``, ``"permission"``. Example::

        from agoratoken.v2 import RtmTokenBuilder
        app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        token = RtmTokenBuilder.build_token(app_id, app_certificate, "alice", 3600)
    """

    @staticmethod
    def build_token(app_id: str, app_certificate: str, user_id: str, expire: int) -> str:
        """An RTM login token for ``user_id``, valid ``expire`` seconds from now."""
        return _build(_RTM, app_id, app_certificate, user_id, expire)

    @staticmethod
    def build_token_with_permissions(
        app_id: str,
        app_certificate: str,
        user_id: str,
        permissions: _t.Union[ServiceRtm2.Permissions, _t.Iterable[_t.Tuple[int, int, _t.Iterable[str]]]],
        expire: int = 0,
    ) -> str:
        """An RTM2 token with resource-level permissions: a ``ServiceRtm2.Permissions`` (or a
        list of ``(resource_type, permission_type, [resource, ...])``). Agora: "a special
        interface [that] requires Agora assistance"."""
        return _build(_RTM_WITH_PERMISSIONS, app_id, app_certificate, user_id, _permission_data(permissions), expire)


@_documented("chat")
class ChatTokenBuilder:
    """Chat tokens (Agora's ``ChatTokenBuilder2``). ``expire`` is seconds from now.

    Raises ``AgoraTokenError``: ``"app_id"``, ``"app_certificate"``, ``"user_id"`` (over 255
    bytes), ``"expire"``. Example::

        from agoratoken.v2 import ChatTokenBuilder
        app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        token = ChatTokenBuilder.build_user_token(app_id, app_certificate, "alice", 3600)
    """

    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_id: str, expire: int) -> str:
        """A Chat user token for ``user_id``, valid ``expire`` seconds from now."""
        return _build(_CHAT_USER, app_id, app_certificate, user_id, expire)

    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str:
        """A Chat app token (for the app's REST calls), valid ``expire`` seconds from now."""
        return _build(_CHAT_APP, app_id, app_certificate, expire)


@_documented("fpa")
class FpaTokenBuilder:
    """FPA tokens (Agora's ``fpa_token_builder``)."""

    @staticmethod
    def build_token(app_id: str, app_certificate: str) -> str:
        """An FPA login token, valid 24 hours. Raises ``AgoraTokenError`` (``"app_id"``,
        ``"app_certificate"``)."""
        return _build(_FPA, app_id, app_certificate)


@_documented("apaas")
class ApaasTokenBuilder:
    """APaaS / Flexible Classroom tokens (Agora's ``apaas_token_builder``). ``expire`` is seconds
    from now.

    Raises ``AgoraTokenError``: ``"app_id"``, ``"app_certificate"``, ``"room_uuid"``,
    ``"user_uuid"`` (over 65535 bytes), ``"user_id"``, ``"role"`` (outside -32768..32767),
    ``"expire"``. Example::

        from agoratoken.v2 import ApaasTokenBuilder
        app_id, app_certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"   # demo credentials
        token = ApaasTokenBuilder.build_room_user_token(app_id, app_certificate, "room-1", "alice", 1, 3600)
    """

    @staticmethod
    def build_room_user_token(
        app_id: str, app_certificate: str, room_uuid: str, user_uuid: str, role: int, expire: int
    ) -> str:
        """A room user token: APaaS RoomUser, RTM login as ``user_uuid`` and Chat as the MD5 of
        ``user_uuid``, all for ``expire`` seconds from now."""
        return _build(_APAAS_ROOM_USER, app_id, app_certificate, room_uuid, user_uuid, role, expire)

    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_uuid: str, expire: int) -> str:
        """A user token (APaaS User), valid ``expire`` seconds from now."""
        return _build(_APAAS_USER, app_id, app_certificate, user_uuid, expire)

    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str:
        """An app token (APaaS App), valid ``expire`` seconds from now."""
        return _build(_APAAS_APP, app_id, app_certificate, expire)


@_documented("education")
class EducationTokenBuilder:
    """Education tokens (Agora's ``education_token_builder``): the same tokens as
    ``ApaasTokenBuilder``."""

    @staticmethod
    def build_room_user_token(
        app_id: str, app_certificate: str, room_uuid: str, user_uuid: str, role: int, expire: int
    ) -> str:
        """As ``ApaasTokenBuilder.build_room_user_token``."""
        return _build(_EDUCATION_ROOM_USER, app_id, app_certificate, room_uuid, user_uuid, role, expire)

    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_uuid: str, expire: int) -> str:
        """As ``ApaasTokenBuilder.build_user_token``."""
        return _build(_EDUCATION_USER, app_id, app_certificate, user_uuid, expire)

    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str:
        """As ``ApaasTokenBuilder.build_app_token``."""
        return _build(_EDUCATION_APP, app_id, app_certificate, expire)


@_documented("convoai")
class ConvoAITokenBuilder:
    """Conversational AI agent tokens (npm ``agora-token`` 2.0.6 ``ConvoAITokenBuilder``):
    ``RtcTokenBuilder.build_token_with_rtm2`` plus the ConvoAI service."""

    @staticmethod
    def build_token(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: str,
        rtc_role: _t.Optional[int],
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str:
        """As ``RtcTokenBuilder.build_token_with_rtm2``, with a ConvoAI service."""
        return _build(
            _CONVOAI,
            app_id,
            app_certificate,
            channel_name,
            rtc_account,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            rtm_user_id,
            rtm_token_expire,
        )


@_documented("stt")
class SttTokenBuilder:
    """Speech-to-text tokens (npm ``agora-token`` 2.0.6 ``SttTokenBuilder``):
    ``RtcTokenBuilder.build_token_with_rtm2`` plus the STT service."""

    @staticmethod
    def build_token(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: str,
        rtc_role: _t.Optional[int],
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str:
        """As ``RtcTokenBuilder.build_token_with_rtm2``, with an STT service."""
        return _build(
            _STT,
            app_id,
            app_certificate,
            channel_name,
            rtc_account,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            rtm_user_id,
            rtm_token_expire,
        )


__all__ = [
    "AccessToken",
    "AgoraTokenError",
    "ApaasTokenBuilder",
    "ChatTokenBuilder",
    "ConvoAITokenBuilder",
    "EducationTokenBuilder",
    "FpaTokenBuilder",
    "Role_Publisher",
    "Role_Subscriber",
    "RtcTokenBuilder",
    "RtmTokenBuilder",
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
    "SttTokenBuilder",
    "VERSION_LENGTH",
    "VerifyResult",
    "get_version",
    "parse",
    "verify",
]

del _value, _name, _cls, _views, _field, _view

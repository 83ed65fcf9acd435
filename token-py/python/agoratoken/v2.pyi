"""Type stubs of agoratoken.v2 (hand-written; checked with mypy.stubtest)."""

from typing import Any, ClassVar, ContextManager, Dict, Iterable, List, Literal, NoReturn, Optional, Tuple, Type, Union

from ._errors import AgoraTokenError as AgoraTokenError

VERSION_LENGTH: int
_TABLES: Dict[str, Any]
Role_Publisher: int
Role_Subscriber: int

def get_version() -> str: ...

class Service:
    kServiceType: ClassVar[int]
    def __init__(self, service_type: int) -> None: ...
    def add_privilege(self, privilege: int, expire: int) -> None: ...
    def service_type(self) -> int: ...
    @property
    def privileges(self) -> Dict[int, int]: ...
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ServiceRtc(Service):
    kPrivilegeJoinChannel: ClassVar[int]
    kPrivilegePublishAudioStream: ClassVar[int]
    kPrivilegePublishVideoStream: ClassVar[int]
    kPrivilegePublishDataStream: ClassVar[int]
    channel_name: str
    uid: Union[int, str]
    def __init__(self, channel_name: str = "", uid: Union[int, str] = 0) -> None: ...

class _ChannelService(Service):
    channel_name: str
    account: Union[int, str]
    def __init__(self, channel_name: str = "", account: Union[int, str] = 0) -> None: ...

class ServiceStreaming(_ChannelService):
    kPrivilegePublishMixStream: ClassVar[int]
    kPrivilegePublishRawStream: ClassVar[int]

class ServiceFCdn(_ChannelService):
    kPrivilegePublish: ClassVar[int]
    kPrivilegePlay: ClassVar[int]

class ServiceRtm(Service):
    kPrivilegeLogin: ClassVar[int]
    user_id: str
    def __init__(self, user_id: str = "") -> None: ...

class ServiceChat(Service):
    kPrivilegeUser: ClassVar[int]
    kPrivilegeApp: ClassVar[int]
    user_id: str
    def __init__(self, user_id: str = "") -> None: ...

class ServiceFpa(Service):
    kPrivilegeLogin: ClassVar[int]
    def __init__(self) -> None: ...

class ServiceApaas(Service):
    kPrivilegeRoomUser: ClassVar[int]
    kPrivilegeUser: ClassVar[int]
    kPrivilegeApp: ClassVar[int]
    room_uuid: str
    user_uuid: str
    role: int
    def __init__(self, room_uuid: str = "", user_uuid: str = "", role: int = -1) -> None: ...

class ServiceRtm2(Service):
    kPrivilegeLogin: ClassVar[int]

    class Permissions:
        kMessageChannels: ClassVar[int]
        kStreamChannels: ClassVar[int]
        kGroupChannels: ClassVar[int]
        kServerGroups: ClassVar[int]
        kUsers: ClassVar[int]
        kRead: ClassVar[int]
        kWrite: ClassVar[int]
        details: Dict[int, Dict[int, List[str]]]
        def __init__(self) -> None: ...
        def add(self, resource_type: int, permission_type: int, resources: Iterable[str]) -> None: ...
        def __eq__(self, other: object) -> bool: ...
        __hash__: ClassVar[None]  # type: ignore[assignment]

    user_id: str
    permissions: ServiceRtm2.Permissions
    def __init__(self, user_id: str = "", permissions: Optional[ServiceRtm2.Permissions] = None) -> None: ...
    def get_user_id(self) -> str: ...
    def get_permissions(self) -> ServiceRtm2.Permissions: ...

class ServiceConvoAI(Service):
    def __init__(self) -> None: ...

class ServiceStt(Service):
    def __init__(self) -> None: ...

class AccessToken:
    kServices: ClassVar[Dict[int, Type[Service]]]
    app_id: str
    issue_ts: Optional[int]
    expire: int
    salt: Optional[int]
    services: List[Service]
    signature: bytes
    content: bytes
    unread_service_type: Optional[int]
    def __init__(self, app_id: str = "", app_certificate: str = "", issue_ts: int = 0, expire: int = ...) -> None: ...
    def add_service(self, service: Service) -> None: ...
    def get_services(self, service_type: int) -> List[Service]: ...
    def build(self) -> str: ...
    def from_string(self, origin_token: str) -> bool: ...
    def verify_signature(self, app_certificate: str) -> bool: ...
    def __copy__(self) -> AccessToken: ...
    def __deepcopy__(self, memo: Dict[int, object]) -> AccessToken: ...
    def __reduce__(self) -> NoReturn: ...

VerifyResult = Literal[
    "ok",
    "app_id_mismatch",
    "signature_mismatch",
    "expired",
    "service_missing",
    "channel_mismatch",
    "uid_mismatch",
    "privilege_expired",
]

def parse(token: str) -> AccessToken: ...
def verify(
    token: str,
    app_certificate: str,
    channel_name: Optional[str] = None,
    uid: Union[int, str, None] = None,
    now: Optional[int] = None,
    app_id: Optional[str] = None,
    rtm_user_id: Optional[str] = None,
) -> VerifyResult: ...
def _pinned(issue_ts: Optional[int], salt: Optional[int]) -> ContextManager[None]: ...

_Grants = Union[ServiceRtm2.Permissions, Iterable[Tuple[int, int, Iterable[str]]]]

class RtcTokenBuilder:
    @staticmethod
    def build_token_with_uid(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        uid: Union[int, str],
        role: Optional[int],
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str: ...
    @staticmethod
    def build_token_with_user_account(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: str,
        role: Optional[int],
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str: ...
    @staticmethod
    def build_token_with_uid_and_privilege(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        uid: Union[int, str],
        token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
    ) -> str: ...
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
    ) -> str: ...
    @staticmethod
    def build_token_with_rtm(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: str,
        role: Optional[int],
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str: ...
    @staticmethod
    def build_token_with_rtm2(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: str,
        rtc_role: Optional[int],
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str: ...

class RtmTokenBuilder:
    @staticmethod
    def build_token(app_id: str, app_certificate: str, user_id: str, expire: int) -> str: ...
    @staticmethod
    def build_token_with_permissions(
        app_id: str, app_certificate: str, user_id: str, permissions: _Grants, expire: int = 0
    ) -> str: ...

class ChatTokenBuilder:
    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_id: str, expire: int) -> str: ...
    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str: ...

class FpaTokenBuilder:
    @staticmethod
    def build_token(app_id: str, app_certificate: str) -> str: ...

class ApaasTokenBuilder:
    @staticmethod
    def build_room_user_token(
        app_id: str, app_certificate: str, room_uuid: str, user_uuid: str, role: int, expire: int
    ) -> str: ...
    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_uuid: str, expire: int) -> str: ...
    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str: ...

class EducationTokenBuilder:
    @staticmethod
    def build_room_user_token(
        app_id: str, app_certificate: str, room_uuid: str, user_uuid: str, role: int, expire: int
    ) -> str: ...
    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_uuid: str, expire: int) -> str: ...
    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str: ...

class ConvoAITokenBuilder:
    @staticmethod
    def build_token(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: str,
        rtc_role: Optional[int],
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str: ...

class SttTokenBuilder:
    @staticmethod
    def build_token(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: str,
        rtc_role: Optional[int],
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str: ...

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

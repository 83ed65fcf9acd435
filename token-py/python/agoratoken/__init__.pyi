"""Type stubs of agoratoken (hand-written; checked with mypy.stubtest)."""

from enum import IntEnum
from typing import Any, Dict, Literal, NoReturn, Optional, TypeAlias, Union, final

from . import v2 as v2
from ._errors import AgoraTokenError as AgoraTokenError

__version__: str

VerifyResult: TypeAlias = Literal[
    "ok",
    "app_id_mismatch",
    "channel_mismatch",
    "uid_mismatch",
    "signature_mismatch",
    "expired",
    "privilege_expired",
]

class Privileges(IntEnum):
    kJoinChannel = 1
    kPublishAudioStream = 2
    kPublishVideoStream = 3
    kPublishDataStream = 4
    kPublishAudioCdn = 5
    kPublishVideoCdn = 6
    kRequestPublishAudioStream = 7
    kRequestPublishVideoStream = 8
    kRequestPublishDataStream = 9
    kInvitePublishAudioStream = 10
    kInvitePublishVideoStream = 11
    kInvitePublishDataStream = 12
    kAdministrateChannel = 101
    kRtmLogin = 1000

class Role(IntEnum):
    Attendee = 0
    Publisher = 1
    Subscriber = 2
    Admin = 101

class RtmRole(IntEnum):
    Rtm_User = 1

kJoinChannel: Privileges
kPublishAudioStream: Privileges
kPublishVideoStream: Privileges
kPublishDataStream: Privileges
kPublishAudioCdn: Privileges
kPublishVideoCdn: Privileges
kRequestPublishAudioStream: Privileges
kRequestPublishVideoStream: Privileges
kRequestPublishDataStream: Privileges
kInvitePublishAudioStream: Privileges
kInvitePublishVideoStream: Privileges
kInvitePublishDataStream: Privileges
kAdministrateChannel: Privileges
kRtmLogin: Privileges

Role_Attendee: Role
Role_Publisher: Role
Role_Subscriber: Role
Role_Admin: Role
Role_Rtm_User: RtmRole

@final
class SimpleTokenBuilder:
    """Builds 006 tokens for one app, channel and user (int uid 0..2**32-1, or str account)."""

    def __new__(cls, appID: str, appCertificate: str, channelName: str, uid: Union[int, str]) -> "SimpleTokenBuilder": ...
    def initTokenBuilder(self, originToken: Optional[str]) -> int:
        """Takes salt, ts and privileges from a token: 0, or a negative status."""
    def initPrivileges(self, role: int) -> None: ...
    def setPrivilege(self, privilege: int, expireTimestamp: float) -> None: ...
    def removePrivilege(self, privilege: int) -> None: ...
    def buildToken(self) -> str: ...
    @property
    def salt(self) -> Optional[int]:
        """The fixed salt, or None for a fresh CSPRNG salt per token."""
    @salt.setter
    def salt(self, value: Optional[float]) -> None: ...
    @property
    def ts(self) -> Optional[int]:
        """The fixed expiry (Unix seconds), or None for 24 h after each build."""
    @ts.setter
    def ts(self, value: Optional[float]) -> None: ...
    @property
    def privileges(self) -> Dict[int, int]:
        """{privilege id: expiry}, sorted by id (a copy)."""
    def __copy__(self) -> "SimpleTokenBuilder": ...
    def __deepcopy__(self, memo: Any) -> "SimpleTokenBuilder": ...
    def __reduce__(self) -> NoReturn:
        """Always raises TypeError: a builder holds the app certificate."""

@final
class RtcTokenBuilder:
    @staticmethod
    def buildTokenWithUid(
        appId: str, appCertificate: str, channelName: str, uid: Union[int, str], role: Optional[int], privilegeExpiredTs: float
    ) -> str: ...
    @staticmethod
    def buildTokenWithAccount(
        appId: str, appCertificate: str, channelName: str, account: str, role: Optional[int], privilegeExpiredTs: float
    ) -> str: ...
    @staticmethod
    def build_token_with_uid(
        app_id: str, app_certificate: str, channel_name: str, uid: Union[int, str], role: Optional[int], privilege_expired_ts: float
    ) -> str: ...
    @staticmethod
    def build_token_with_account(
        app_id: str, app_certificate: str, channel_name: str, account: str, role: Optional[int], privilege_expired_ts: float
    ) -> str: ...

@final
class RtmTokenBuilder:
    @staticmethod
    def buildToken(appId: str, appCertificate: str, userAccount: str, role: int, privilegeExpiredTs: float) -> str: ...
    @staticmethod
    def build_token(
        app_id: str, app_certificate: str, user_account: str, role: int, privilege_expired_ts: float
    ) -> str: ...

@final
class ParsedToken:
    """Every field of a 006 token."""

    @property
    def app_id(self) -> str: ...
    @property
    def signature(self) -> bytes: ...
    @property
    def signature_hex(self) -> str: ...
    @property
    def crc_channel_name(self) -> int: ...
    @property
    def crc_uid(self) -> int: ...
    @property
    def salt(self) -> int: ...
    @property
    def ts(self) -> int: ...
    @property
    def privileges(self) -> Dict[int, int]: ...

def parse(token: str) -> ParsedToken: ...
def verify(
    token: str,
    appCertificate: str,
    channelName: str,
    uid: Union[int, str],
    now: Optional[int] = None,
    appId: Optional[str] = None,
) -> VerifyResult: ...
def verifyRtm(
    token: str,
    appCertificate: str,
    userAccount: str,
    now: Optional[int] = None,
) -> VerifyResult: ...
def version() -> str: ...
def error_name(status: int) -> Optional[str]: ...

__all__ = [
    "AgoraTokenError",
    "ParsedToken",
    "Privileges",
    "Role",
    "RtcTokenBuilder",
    "RtmRole",
    "RtmTokenBuilder",
    "SimpleTokenBuilder",
    "VerifyResult",
    "error_name",
    "parse",
    "verify",
    "verifyRtm",
    "version",
    "kJoinChannel",
    "kPublishAudioStream",
    "kPublishVideoStream",
    "kPublishDataStream",
    "kPublishAudioCdn",
    "kPublishVideoCdn",
    "kRequestPublishAudioStream",
    "kRequestPublishVideoStream",
    "kRequestPublishDataStream",
    "kInvitePublishAudioStream",
    "kInvitePublishVideoStream",
    "kInvitePublishDataStream",
    "kAdministrateChannel",
    "kRtmLogin",
    "Role_Attendee",
    "Role_Publisher",
    "Role_Subscriber",
    "Role_Admin",
    "Role_Rtm_User",
]

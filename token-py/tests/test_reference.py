"""agoratoken.reference: Agora's module and class names (006 AccessToken, 007 AccessToken2, the
builder modules, utils) over the core, what they accept as Agora's code does, what they still
refuse, and the runner of Agora's own test files (token-py/compat/run_reference.py)."""

import copy
import hashlib
import importlib
import os
import pathlib
import pickle
import subprocess
import sys
import time
import zlib

import pytest

import agoratoken
from agoratoken import AgoraTokenError, v2
from agoratoken.reference import AccessToken as AccessTokenModule
from agoratoken.reference.AccessToken import AccessToken, getVersion, kJoinChannel, kPublishAudioStream, kRtmLogin
from agoratoken.reference.AccessToken2 import AccessToken as AccessToken2
from agoratoken.reference.AccessToken2 import (
    Service,
    ServiceApaas,
    ServiceChat,
    ServiceFCdn,
    ServiceRtc,
    ServiceRtm,
    ServiceRtm2,
    ServiceStreaming,
)
from conftest import APP_CERTIFICATE, APP_ID, CHANNEL, FAR_FUTURE, UID, assert_no_certificate
from test_v2 import raises_code, vectors

COMPAT = pathlib.Path(__file__).resolve().parents[1] / "compat" / "run_reference.py"

# Agora's module names and the names each exports (its own, plus its token module's via `import *`).
MODULE_NAMES = {
    "AccessToken": ["AccessToken", "kJoinChannel", "kPublishAudioStream", "kPublishVideoStream",
                    "kPublishDataStream", "kRtmLogin", "getVersion", "VERSION_LENGTH", "APP_ID_LENGTH"],
    "RtcTokenBuilder": ["RtcTokenBuilder", "Role_Attendee", "Role_Publisher", "Role_Subscriber", "Role_Admin",
                        "AccessToken", "kJoinChannel"],
    "RtmTokenBuilder": ["RtmTokenBuilder", "Role_Rtm_User", "AccessToken", "kRtmLogin"],
    "AccessToken2": ["AccessToken", "Service", "ServiceRtc", "ServiceRtm", "ServiceStreaming", "ServiceFpa",
                     "ServiceChat", "ServiceFCdn", "ServiceApaas", "ServiceRtm2", "get_version", "VERSION_LENGTH"],
    "RtcTokenBuilder2": ["RtcTokenBuilder", "Role_Publisher", "Role_Subscriber", "AccessToken", "ServiceRtc"],
    "RtmTokenBuilder2": ["RtmTokenBuilder", "AccessToken", "ServiceRtm", "ServiceRtm2"],
    "ChatTokenBuilder2": ["ChatTokenBuilder", "AccessToken", "ServiceChat"],
    "fpa_token_builder": ["FpaTokenBuilder", "AccessToken", "ServiceFpa"],
    "apaas_token_builder": ["ApaasTokenBuilder", "AccessToken", "ServiceApaas", "get_md5"],
    "education_token_builder": ["EducationTokenBuilder", "AccessToken", "ServiceApaas", "get_md5"],
    "utils": ["get_md5"],
}


@pytest.mark.parametrize("module", sorted(MODULE_NAMES))
def test_every_reference_module_exports_agoras_names(module):
    mod = importlib.import_module(f"agoratoken.reference.{module}")
    star: dict = {}
    exec(f"from agoratoken.reference.{module} import *", star)  # what `from src.X import *` gives
    for name in MODULE_NAMES[module]:
        assert hasattr(mod, name), (module, name)
        assert name in star, (module, name)


def test_the_reference_modules_are_the_librarys_classes():
    from agoratoken.reference import RtcTokenBuilder as rtc006, RtcTokenBuilder2 as rtc007, RtmTokenBuilder as rtm006

    assert rtc006.RtcTokenBuilder is agoratoken.RtcTokenBuilder
    # The 006 RTM builder ignores its role, as Agora's does; agoratoken's takes an int role.
    assert rtm006.RtmTokenBuilder is not agoratoken.RtmTokenBuilder
    assert rtc007.RtcTokenBuilder is v2.RtcTokenBuilder and rtc007.ServiceRtc is v2.ServiceRtc
    assert issubclass(rtc007.AccessToken, v2.AccessToken)
    # Importing the modules named like the 006 classes leaves agoratoken's classes in place.
    assert agoratoken.RtcTokenBuilder.__name__ == "RtcTokenBuilder" and isinstance(agoratoken.RtcTokenBuilder, type)
    assert AccessTokenModule.AccessToken is AccessToken and getVersion() == "006"
    assert AccessTokenModule.VERSION_LENGTH == 3 and AccessTokenModule.APP_ID_LENGTH == len(APP_ID)


# --- 006: AccessToken ----------------------------------------------------------------------------


def access_token_of(case):
    user = case["uid"] if "uid" in case else case["user_account"]
    token = AccessToken(case["app_id"], case["app_certificate"], case["channel_name"], user)
    token.salt, token.ts = case["salt"], case["ts"]
    for privilege, expire in case["privileges"]:
        token.addPrivilege(privilege, expire)
    return token


def test_access_token_builds_every_build006_vector():
    cases = vectors("build006")
    assert cases
    for case in cases:
        assert access_token_of(case).build() == case["token"], case["id"]


def test_access_token_messages_uid_forms_and_float_expiry():
    case = vectors("build006")[0]
    expected = case["token"]
    token = AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    token.salt, token.ts = case["salt"], case["ts"]
    token.messages[kJoinChannel] = case["privileges"][0][1]  # Agora's tests set the dict directly
    assert token.build() == expected
    assert token.uidStr == str(UID)
    as_text = AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, str(UID))  # the same user string
    as_text.salt, as_text.ts, as_text.messages = 1.9, 1111111.2, {kJoinChannel: case["privileges"][0][1] + 0.7}
    assert as_text.build() == expected  # floats truncated, as Agora's int(x)
    wildcard = [AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, uid) for uid in (0, "")]
    for t in wildcard:
        t.salt, t.ts = 1, 1111111
        t.addPrivilege(kJoinChannel, 5)
        assert t.uidStr == ""
    assert wildcard[0].build() == wildcard[1].build()
    assert agoratoken.parse(wildcard[0].build()).crc_uid == zlib.crc32(b"")


def test_access_token_defaults_are_drawn_by_the_core():
    token = AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    assert (token.salt, token.ts, token.messages) == (None, None, {})
    token.addPrivilege(kRtmLogin, 0)
    before = int(time.time())
    read = [agoratoken.parse(token.build()) for _ in range(8)]
    after = int(time.time())
    assert len({p.salt for p in read}) > 1  # a fresh CSPRNG salt per build (8 equal draws: ~2**-200)
    assert all(before + 86400 <= p.ts <= after + 86400 for p in read)  # now + 24 h, the core's default
    assert (token.salt, token.ts) == (None, None)  # nothing was written back


def test_from_string_reads_salt_ts_and_messages():
    token = AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    token.salt, token.ts = 7, 1234567
    token.addPrivilege(kJoinChannel, 100)
    token.addPrivilege(kPublishAudioStream, 200)
    parsed = AccessToken()
    assert parsed.fromString(token.build()) is True
    assert (parsed.salt, parsed.ts, parsed.messages) == (7, 1234567, {kJoinChannel: 100, kPublishAudioStream: 200})
    for bad in ["007", "006" + APP_ID + "!", "", "006", None, 6, b"006"]:
        assert parsed.fromString(bad) is False  # as Agora's code returns (it prints nothing here)
    assert parsed.messages == {kJoinChannel: 100, kPublishAudioStream: 200}  # a failed read changes nothing


def test_access_token_refusals_name_the_field():
    def build(*args, **fields):
        token = AccessToken(*args)
        for k, v in fields.items():
            setattr(token, k, v)
        token.addPrivilege(kJoinChannel, 0)
        return token.build

    raises_code("app_id", build())  # Agora's code writes a token for the empty app id
    raises_code("app_certificate", build(APP_ID, "nothex", CHANNEL, UID))
    raises_code("channel_name", build(APP_ID, APP_CERTIFICATE, "a/b", UID))
    raises_code("uid", build(APP_ID, APP_CERTIFICATE, CHANNEL, 2**32))  # Agora's would sign "4294967296"
    raises_code("salt", build(APP_ID, APP_CERTIFICATE, CHANNEL, UID, salt=-1))
    raises_code("ts", build(APP_ID, APP_CERTIFICATE, CHANNEL, UID, ts=2.0**32))
    token = AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    token.addPrivilege(999, 0)
    raises_code("privilege", token.build)
    token.messages = {kJoinChannel: float("nan")}
    raises_code("expire_ts", token.build)
    with pytest.raises(TypeError):
        AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, 1.5).build()  # Agora's would sign "1.5"


def test_access_token_keeps_the_certificate_out_of_sight():
    token = AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    assert_no_certificate(repr(token))
    assert token.appCertificate == APP_CERTIFICATE
    token.appCertificate = "0" * 32
    assert token.appCertificate == "0" * 32
    with pytest.raises(TypeError):
        pickle.dumps(token)
    clone = copy.deepcopy(token)
    assert clone.appCertificate == "0" * 32 and clone is not token
    clone.addPrivilege(kJoinChannel, 1)
    assert token.messages == {} and copy.copy(clone).messages == {kJoinChannel: 1}


# --- 006 builders as Agora's code calls them -------------------------------------------------------


def test_006_builders_accept_what_agoras_python_accepts():
    from agoratoken.reference.RtcTokenBuilder import RtcTokenBuilder, Role_Publisher
    from agoratoken.reference.RtmTokenBuilder import RtmTokenBuilder, Role_Rtm_User

    parsed = AccessToken()
    assert parsed.fromString(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, None, FAR_FUTURE))
    assert parsed.messages == {kJoinChannel: FAR_FUTURE}  # a None role joins only
    same = [RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, uid, Role_Publisher, FAR_FUTURE + 0.5)
            for uid in (UID, str(UID))]
    assert agoratoken.parse(same[0]).crc_uid == agoratoken.parse(same[1]).crc_uid == zlib.crc32(str(UID).encode())
    assert agoratoken.parse(same[0]).privileges[kJoinChannel] == FAR_FUTURE
    raises_code("uid", lambda: RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, "0042", 1, 0))
    raises_code("role", lambda: RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 3, 0))
    # The role is not read, as in Agora's python3 and python code: any value builds the token.
    for role in (Role_Rtm_User, 0, 7, -1, 2**64, None, "1", "admin", 1.5, True, [], object()):
        assert parsed.fromString(RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "alice", role, 10.9)), role
        assert parsed.messages == {kRtmLogin: 10}
        assert agoratoken.verifyRtm(RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "alice", role, 0),
                                    APP_CERTIFICATE, "alice") == "ok"
    # The other arguments are checked as before.
    raises_code("user_account", lambda: RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "", None, 0))
    raises_code("expire_ts", lambda: RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "alice", None, -1))
    # agoratoken's own RtmTokenBuilder keeps its typed signature: an int role (any value).
    raises_code("null_argument", lambda: agoratoken.RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "alice", None, 0))
    with pytest.raises(TypeError, match="role"):
        agoratoken.RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "alice", "1", 0)


# --- 007: AccessToken2 ---------------------------------------------------------------------------------


def pinned_token(*services, expire=600):
    token = AccessToken2(APP_ID, APP_CERTIFICATE, issue_ts=1111111, expire=expire)
    token._AccessToken__salt = 1  # as Agora's tests pin it
    for s in services:
        token.add_service(s)
    return token


def rtc_service(channel=CHANNEL, uid=UID):
    s = ServiceRtc(channel, uid)
    s.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)
    return s


def test_private_names_pin_and_read_the_token():
    token = pinned_token(rtc_service())
    assert token.salt == 1 and token._AccessToken__salt == 1
    text = token.build()
    assert text == pinned_token(rtc_service()).build()  # reproducible
    assert v2.parse(text).salt == 1 and v2.parse(text).issue_ts == 1111111
    parser = AccessToken2()
    assert parser.from_string(text)
    assert parser._AccessToken__app_id == APP_ID.encode() and parser._AccessToken__expire == 600
    assert parser._AccessToken__issue_ts == 1111111 and parser._AccessToken__salt == 1
    parser._AccessToken__expire = 5
    assert parser.expire == 5


def test_services_answer_to_agoras_private_field_names():
    rtc, wildcard, account = ServiceRtc(CHANNEL, UID), ServiceRtc(CHANNEL, 0), ServiceRtc(CHANNEL, "alice")
    assert (rtc._ServiceRtc__channel_name, rtc._ServiceRtc__uid) == (CHANNEL.encode(), str(UID).encode())
    assert (wildcard._ServiceRtc__uid, account._ServiceRtc__uid) == (b"", b"alice")
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 9)
    assert rtc._Service__privileges == {1: 9} and rtc._Service__type == 1
    rtc._Service__privileges[2] = 3  # the live dict, as in Agora's class
    assert rtc.privileges == {1: 9, 2: 3}
    assert ServiceStreaming("c", 0)._ServiceStreaming__account == b""
    assert ServiceFCdn("c", 7)._ServiceFCdn__account == b"7" and ServiceFCdn("c")._ServiceFCdn__channel_name == b"c"
    assert ServiceRtm("bob")._ServiceRtm__user_id == b"bob" and ServiceChat()._ServiceChat__user_id == b""
    apaas = ServiceApaas(user_uuid="u")
    assert (apaas._ServiceApaas__room_uuid, apaas._ServiceApaas__user_uuid, apaas._ServiceApaas__role) == (b"", b"u", -1)
    rtm2 = ServiceRtm2("bob")
    assert rtm2._ServiceRtm2__user_id == b"bob" and rtm2._ServiceRtm2__permissions is rtm2.get_permissions()
    with pytest.raises(AttributeError):
        rtc._ServiceRtc__uid = b"x"  # read-only views


def test_build_returns_empty_where_agoras_does_and_raises_otherwise():
    assert pinned_token().build() == ""  # no service
    assert AccessToken2("invalid", APP_CERTIFICATE).build() == ""
    bad_id = AccessToken2("z" * 32, APP_CERTIFICATE)
    bad_id.add_service(ServiceRtc(CHANNEL, UID))
    assert bad_id.build() == ""
    bad_cert = AccessToken2(APP_ID, "invalid")
    bad_cert.add_service(ServiceRtc(CHANNEL, UID))
    assert bad_cert.build() == ""
    with pytest.raises(AgoraTokenError):
        v2.AccessToken(APP_ID, "invalid").build()  # agoratoken.v2 raises for the same
    raises_code("channel_name", pinned_token(rtc_service(channel="a/b")).build)
    raises_code("uid", pinned_token(rtc_service(uid=2**32)).build)
    raises_code("service", pinned_token(Service(1)).build)  # type 1 needs ServiceRtc's fields


def test_unknown_service_types_are_built_and_read_as_agoras_code_does():
    unknown = Service(999)
    unknown.add_privilege(1, 600)
    text = pinned_token(rtc_service(), unknown).build()
    parser = AccessToken2()
    assert parser.from_string(text) is True
    assert len(parser.get_services(ServiceRtc.kServiceType)) == 1 and parser.get_services(999) == []
    assert parser.unread_service_type == 999
    assert parser.verify_signature(APP_CERTIFICATE) is True  # the unread service is signed too
    assert parser.verify_signature("0" * 32) is False
    raises_code("service", lambda: v2.parse(text))  # the strict reading refuses it
    raises_code("service", lambda: v2.verify(text, APP_CERTIFICATE))
    # Type 0 sorts first: reading stops before the RTC service.
    first = Service(0)
    first.add_privilege(1, 600)
    assert parser.from_string(pinned_token(rtc_service(), first).build())
    assert parser.services == [] and parser.unread_service_type == 0 and parser.verify_signature(APP_CERTIFICATE)
    # Only an unknown service: a token (Agora's builds it), read as nothing known.
    alone = Service(65535)
    alone.add_privilege(65535, 2**32 - 1)
    assert parser.from_string(pinned_token(alone).build()) and parser.services == []
    assert parser.unread_service_type == 65535
    for privilege, expire, code in [(65536, 1, "privilege"), (-1, 1, "privilege"), (1, -1, "expire_ts"),
                                    (1, 2**32, "expire_ts")]:
        bad = Service(11)
        bad.add_privilege(privilege, expire)
        raises_code(code, pinned_token(bad).build)
    # A known token reads fully again (the previous state is cleared).
    assert parser.from_string(pinned_token(rtc_service()).build()) and parser.unread_service_type is None
    assert len(parser.services) == 1


def test_from_string_and_verify_signature_as_agoras():
    parser = AccessToken2()
    assert parser.verify_signature(APP_CERTIFICATE) is False  # nothing read
    assert parser.from_string("006invalid") is False
    with pytest.raises(ValueError):
        parser.from_string("007invalid")
    assert parser.from_string(pinned_token(rtc_service()).build())
    assert parser.verify_signature("invalid") is False and parser.verify_signature("z" * 32) is False
    assert parser.from_string("006" + APP_ID) is False
    assert parser.verify_signature(APP_CERTIFICATE) is False and parser.services == []


def test_a_deepcopy_keeps_the_reference_class():
    token = pinned_token(rtc_service())
    clone = copy.deepcopy(token)
    assert type(clone) is AccessToken2 and clone.build() == token.build()
    clone.services.clear()
    assert clone.build() == "" and token.build() != ""
    with pytest.raises(TypeError):
        pickle.dumps(token)


# --- 007 builders as Agora's code calls them -------------------------------------------------------


def test_007_builders_accept_what_agoras_python3_accepts():
    from agoratoken.reference.RtcTokenBuilder2 import RtcTokenBuilder, Role_Subscriber

    with v2._pinned(1111111, 1):
        join_only = RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, None, 600, 600)
        subscriber = RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, Role_Subscriber, 600, 600)
        as_text = RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, str(UID), Role_Subscriber, 600, 600)
        rtm = RtcTokenBuilder.build_token_with_rtm(APP_ID, APP_CERTIFICATE, CHANNEL, "alice", None, 600, 600)
    assert join_only == subscriber == as_text  # a None role joins only; "2882341273" is the same user
    assert [s.privileges for s in v2.parse(rtm).services][0] == {1: 600}
    raises_code("uid", lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, "007", 1, 600))
    raises_code("role", lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 5, 600))
    raises_code("null_argument", lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, None, UID, 1, 600))
    with pytest.raises(TypeError):  # Agora's python3 struct.pack('<I', 600.5) raises too
        RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, 600.5)


def test_get_md5():
    from agoratoken.reference.utils import get_md5

    assert get_md5("1234567890") == "e807f1fcf82d132f9bb018ca6738a19f"  # RFC 1321-style known answer
    assert get_md5("é") == hashlib.md5("é".encode()).hexdigest()


# --- the runner of Agora's test files --------------------------------------------------------------


def load_runner():
    spec = importlib.util.spec_from_file_location("run_reference", COMPAT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runner_rewrites_only_the_imports_of_agoras_modules():
    rewrite = load_runner().rewrite_imports
    source = (
        "import os\n"
        "from src.AccessToken2 import *\n"
        "from src import AccessToken as AccessTokenModule\r\n"
        "    from src.RtcTokenBuilder import RtcTokenBuilder, Role_Publisher\n"
        "import AccessToken\n"
        "from RtmTokenBuilder import *\n"
        "from src.Packer import *\n"
        "from python3.src.AccessToken2 import (\n"
        "from collections import OrderedDict\n"
        "x = 'from src.AccessToken import y'\n"
    )
    text, changed = rewrite(source)
    assert changed == 6
    assert text.splitlines(keepends=True) == [
        "import os\n",
        "from agoratoken.reference.AccessToken2 import *\n",
        "from agoratoken.reference import AccessToken as AccessTokenModule\r\n",
        "    from agoratoken.reference.RtcTokenBuilder import RtcTokenBuilder, Role_Publisher\n",
        "from agoratoken.reference import AccessToken\n",
        "from agoratoken.reference.RtmTokenBuilder import *\n",
        "from src.Packer import *\n",  # not a module of ours: left to fail (and listed out of scope)
        "from agoratoken.reference.AccessToken2 import (\n",  # parse.py and ParseTest.py
        "from collections import OrderedDict\n",
        "x = 'from src.AccessToken import y'\n",
    ]


def run_runner(tools_dir):
    env = dict(os.environ, AGORA_TOOLS_DIR=str(tools_dir))
    return subprocess.run([sys.executable, str(COMPAT)], env=env, capture_output=True, text=True, timeout=120)


def test_runner_skips_without_a_copy_of_agoras_tools():
    done = run_runner("")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "compat[python, reference]: skipped: AGORA_TOOLS_DIR not set"


def test_runner_counts_passes_failures_and_skips(tmp_path):
    # A stand-in for AgoraIO/Tools, written here: one passing and one failing test, and an
    # out-of-scope file. (Agora's own files are never in the repository.)
    test_dir = tmp_path / "DynamicKey" / "AgoraDynamicKey" / "python3" / "test"
    test_dir.mkdir(parents=True)
    (test_dir / "AccessTokenTest.py").write_text(
        "import unittest\n"
        "from src.AccessToken import AccessToken, kJoinChannel\n"
        "class AccessTokenTest(unittest.TestCase):\n"
        "    def test_reads(self):\n"
        "        self.assertFalse(AccessToken().fromString('007'))\n"
        "    def test_wrong(self):\n"
        "        self.assertEqual(kJoinChannel, 2)\n"
    )
    (test_dir / "SignalingTokenTest.py").write_text("raise SystemExit('never loaded')\n")
    done = run_runner(tmp_path)
    last = done.stdout.splitlines()[-1]
    assert last == "compat[python, reference]: 1 passed, 1 failed, 0 known differences, 1 skipped", done.stdout
    assert done.returncode == 1
    (test_dir / "AccessTokenTest.py").write_text(
        "import unittest\n"
        "from src.AccessToken import AccessToken\n"
        "class AccessTokenTest(unittest.TestCase):\n"
        "    def test_reads(self):\n"
        "        self.assertFalse(AccessToken().fromString('007'))\n"
    )
    done = run_runner(tmp_path)
    assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith("compat[python, reference]: 1 passed, 0 failed")
    # A known difference that passes is a failure (the list must stay true); its helper script
    # (parse.py) is copied beside the suites with its import rewritten.
    (test_dir.parents[1] / "parse.py").write_text("from python3.src.AccessToken2 import AccessToken\n")
    (test_dir / "ParseTest.py").write_text(
        "import os, sys, unittest\n"
        "sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..')))\n"
        "from parse import AccessToken\n"
        "class ParseTest(unittest.TestCase):\n"
        "    def test_parse_unknown_privilege(self):\n"
        "        self.assertEqual(AccessToken().build(), '')\n"
    )
    done = run_runner(tmp_path)
    assert done.returncode == 1 and "listed as a known difference but passed" in done.stdout, done.stdout
    assert done.stdout.splitlines()[-1] == "compat[python, reference]: 1 passed, 1 failed, 0 known differences, 1 skipped"
    (test_dir / "ParseTest.py").unlink()
    (test_dir / "NewTest.py").write_text("import unittest\n")
    assert run_runner(tmp_path).returncode == 1  # an unknown file must be classified

"""Issue 11: salts after fork(), and panics inside the native module."""

import os
import struct

import pytest

import agoratoken
from agoratoken import AgoraTokenError, SimpleTokenBuilder, parse
from conftest import APP_CERTIFICATE, APP_ID, CHANNEL, UID, assert_no_certificate

N = 100


def salts(builder: SimpleTokenBuilder) -> list[int]:
    return [parse(builder.buildToken()).salt for _ in range(N)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_draws_other_salts_than_its_parent():
    # The parent mints first (as with gunicorn --preload or a multiprocessing
    # pool started after a mint), then forks; the child used to replay its salts.
    b = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    salts(b)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            os.write(write_end, struct.pack(f"<{N}I", *salts(b)))
        finally:
            os._exit(0)
    os.close(write_end)
    data = b""
    while chunk := os.read(read_end, 4 * N):
        data += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    child = set(struct.unpack(f"<{N}I", data))
    assert not child & set(salts(b)), "the child replays the parent's salts"


def test_a_panic_is_an_agora_token_error_not_a_base_exception():
    with pytest.raises(AgoraTokenError) as info:
        agoratoken._agoratoken._self_test_panic()
    assert info.value.code == "internal"
    assert info.value.status == -19
    assert isinstance(info.value, Exception)
    assert "self-test" not in str(info.value), "the panic payload reached the message"
    assert_no_certificate(str(info.value))
    # The module keeps working.
    assert SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID).buildToken().startswith("006")

"""Shared inputs of the agoratoken tests."""

import pytest

APP_ID = "970CA35de60c44645bbae8a215061b33"
APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
# The classic reference vector: salt 1, ts 1111111, kJoinChannel until 1446455471.
CLASSIC_TOKEN = (
    "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"
)
FAR_FUTURE = 4000000000


def assert_no_certificate(text: str) -> None:
    """No piece of the certificate (8 characters or more, any case) may leak."""
    lowered = text.lower()
    cert = APP_CERTIFICATE.lower()
    for start in range(0, len(cert) - 7):
        assert cert[start : start + 8] not in lowered, text


@pytest.fixture
def builder():
    import agoratoken

    return agoratoken.SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID)

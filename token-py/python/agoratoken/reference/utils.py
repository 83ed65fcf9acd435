"""``get_md5`` of Agora's ``src/utils.py``.

The APaaS/education builders compute the Chat user id (the MD5 of the user uuid) in the core;
this is the helper Agora's module exports for callers that build such tokens by hand.
"""

import hashlib as _hashlib


def get_md5(data: str) -> str:
    """The MD5 digest of ``data``'s UTF-8 bytes, as 32 lowercase hex digits
    (``get_md5("1234567890") == "e807f1fcf82d132f9bb018ca6738a19f"``)."""
    return _hashlib.md5(data.encode("utf-8")).hexdigest()


__all__ = ["get_md5"]

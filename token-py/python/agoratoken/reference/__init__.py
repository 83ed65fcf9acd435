"""Agora's reference Python modules under their own names, over agoratoken's Rust core.

Agora's code (AgoraIO/Tools, ``DynamicKey/AgoraDynamicKey/python3/src``) is imported as
``src.AccessToken``, ``src.RtcTokenBuilder2``, ... The same modules are here; changing the
import is the only change::

    from src.RtcTokenBuilder2 import RtcTokenBuilder, Role_Publisher      # Agora's code
    from agoratoken.reference.RtcTokenBuilder2 import RtcTokenBuilder, Role_Publisher   # this library

Modules: ``AccessToken`` (006 token class and privilege constants), ``RtcTokenBuilder`` and
``RtmTokenBuilder`` (006 builders), ``AccessToken2`` (007 token and service classes),
``RtcTokenBuilder2``, ``RtmTokenBuilder2``, ``ChatTokenBuilder2``, ``fpa_token_builder``,
``apaas_token_builder``, ``education_token_builder`` (007 builders) and ``utils``
(``get_md5``). Each builder module also exports its token module's names, as Agora's
``from .AccessToken2 import *`` does.

Every rule, default and hash is the core's; these modules only convert Python values. Where
they differ from Agora's code (they refuse input that would make a token Agora rejects or one
for another user), the README's "Differences from Agora's builders" lists it.
"""

"""The one exception of agoratoken (kept apart so the native module can import it)."""


class AgoraTokenError(ValueError):
    """Invalid input or a malformed token.

    ``code`` is the category name (``"channel_name"``, ``"truncated"``, ...), the
    same in every binding; ``status`` is its negative number, the value
    ``SimpleTokenBuilder.initTokenBuilder`` returns. The message names the
    field and never contains the app certificate.
    """

    code: str
    status: int

    def __init__(self, message: str, code: str, status: int) -> None:
        super().__init__(message, code, status)
        self.code = code
        self.status = status

    def __str__(self) -> str:
        return str(self.args[0])

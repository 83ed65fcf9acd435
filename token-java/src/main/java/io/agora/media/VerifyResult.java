package io.agora.media;

/**
 * The outcome of {@link AccessToken#verify} (006) and {@link AccessToken2#verify} (007): {@link #OK}
 * or the first check that failed, in token-core's order (README: "Verify" for 007, the 006
 * section's {@code verify}). A failed check is a value, not an exception.
 */
public enum VerifyResult {
    OK(0, "ok"),
    APP_ID_MISMATCH(1, "app_id_mismatch"),
    CHANNEL_MISMATCH(2, "channel_mismatch"),
    UID_MISMATCH(3, "uid_mismatch"),
    SIGNATURE_MISMATCH(4, "signature_mismatch"),
    EXPIRED(5, "expired"),
    PRIVILEGE_EXPIRED(6, "privilege_expired"),
    /** 007, with an RTC or RTM check: the token has no service of that kind. */
    SERVICE_MISSING(7, "service_missing");

    private final int value;
    private final String label;

    VerifyResult(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The core's stable number (0 for OK). */
    public int value() {
        return value;
    }

    /** The project-wide name: "ok", "channel_mismatch", ... */
    public String label() {
        return label;
    }

    public boolean isOk() {
        return this == OK;
    }

    static VerifyResult fromValue(int value) {
        for (VerifyResult r : values()) {
            if (r.value == value) {
                return r;
            }
        }
        throw new IllegalStateException("agoratoken: unknown verify result " + value);
    }
}

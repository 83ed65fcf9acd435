package io.agora.media;

/**
 * FPA tokens in AccessToken2 (007), with the names of Agora's Java {@code FpaTokenBuilder}: the
 * FPA service with Login (0: no limit of its own) in a token that lives 24 hours (86400 s, the
 * references' value). Invalid input throws {@link AgoraTokenException} (Agora's returns {@code
 * ""}: see {@link AccessToken2#orEmpty}). Stateless and thread-safe.
 */
public class FpaTokenBuilder {
    /** An FPA token. */
    public String buildToken(String appId, String appCertificate) {
        return Recipes.build(Recipes.FPA_BUILD_TOKEN, appId, appCertificate);
    }
}

package io.agora.media;

/**
 * Speech-to-text tokens in AccessToken2 (007), as npm {@code agora-token}'s {@code
 * SttTokenBuilder.buildToken} (no Java reference has one): {@link
 * RtcTokenBuilder2#buildTokenWithRtm2}'s services plus the STT service. See {@code buildToken}
 * for the arguments.
 */
public class SttTokenBuilder extends RtcRtm2Builder {
    public SttTokenBuilder() {
        super(Recipes.STT_BUILD_TOKEN);
    }
}

package io.agora.media;

/**
 * Conversational AI agent tokens in AccessToken2 (007), as npm {@code agora-token}'s {@code
 * ConvoAITokenBuilder.buildToken} (no Java reference has one): {@link
 * RtcTokenBuilder2#buildTokenWithRtm2}'s services plus the ConvoAI service. See {@code
 * buildToken} for the arguments.
 */
public class ConvoAITokenBuilder extends RtcRtm2Builder {
    public ConvoAITokenBuilder() {
        super(Recipes.CONVOAI_BUILD_TOKEN);
    }
}

package io.agora.education;

import io.agora.apaas.ApaasTokenBuilder;
import io.agora.media.Recipes;

/**
 * Education tokens in AccessToken2 (007), with the names of Agora's Java {@code
 * EducationTokenBuilder2}: the same tokens as {@link ApaasTokenBuilder} (the references share the
 * code), built through the core's {@code education.*} rows.
 */
public class EducationTokenBuilder2 extends ApaasTokenBuilder {
    public EducationTokenBuilder2() {
        super(Recipes.EDUCATION_BUILD_ROOM_USER_TOKEN, Recipes.EDUCATION_BUILD_USER_TOKEN,
                Recipes.EDUCATION_BUILD_APP_TOKEN);
    }
}

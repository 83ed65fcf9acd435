package io.agora.media;

/**
 * Run in a child JVM by NativeLoaderTest (with only the project's classes on the class path):
 * prints where the library came from and a token of vector p-build006-0001.
 */
public final class LoaderProbe {
    private LoaderProbe() {}

    public static void main(String[] args) {
        System.out.println("loaded-from=" + NativeLoader.loadedFrom());
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(
                "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
                "7d72365eb983485397e3e3f9d460bdda", 2882341273L)) {
            b.setSalt(1);
            b.setTs(1111111);
            b.setPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471L);
            System.out.println("token=" + b.buildToken());
        }
    }
}

package io.agora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.function.Executable;

/** Shared values and assertions of the JUnit suite. */
final class Fixtures {
    private Fixtures() {}

    // Agora's published sample values (vector p-build006-0001).
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final long UID = 2882341273L;
    static final long SALT = 1;
    static final long TS = 1111111;
    static final long EXPIRE = 1446455471;
    static final String TOKEN_UID_2882341273 =
            "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";
    static final String TOKEN_UID_0 =
            "006970CA35de60c44645bbae8a215061b33IACw1o7htY6ISdNRtku3p9tjTPi0jCKf9t49UHJhzCmL6bdIfRAAAAAAEAABAAAAR/QQAAEAAQCvKDdW";

    /** Asserts that {@code call} throws AgoraTokenException of {@code category}, whose message hides the certificate. */
    static AgoraTokenException assertCategory(String category, Executable call) {
        AgoraTokenException e = assertThrows(AgoraTokenException.class, call);
        assertEquals(category, e.getCategory(), () -> "message: " + e.getMessage());
        assertTrue(e.getCode() < 0, "code is negative");
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isEmpty());
        assertFalse(e.getMessage().contains(CERT), "the message must not contain the certificate");
        assertFalse(e.getMessage().toLowerCase().contains(CERT.toLowerCase()), "nor in another case");
        assertTrue(e instanceof IllegalArgumentException);
        return e;
    }

    static long crc32(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return c.getValue();
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The repository root (surefire passes agoratoken.root). */
    static Path root() {
        String root = System.getProperty("agoratoken.root");
        return root != null ? Path.of(root).toAbsolutePath().normalize()
                : Path.of("..").toAbsolutePath().normalize();
    }

    /** Native table {@code which} ({@link Native#table}), each row split at spaces. */
    static java.util.List<String[]> table(int which) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (String row : Native.table(which)) {
            rows.add(row.split(" "));
        }
        return rows;
    }

    /** The 006 privilege ids of a role, from the core's table; null for an undocumented role. */
    static int[] rolePrivileges(int role) {
        for (String[] row : table(Native.TABLE_ROLES_006)) {
            if (Integer.parseInt(row[0]) == role) {
                return java.util.Arrays.stream(row).skip(1).mapToInt(Integer::parseInt).toArray();
            }
        }
        return null;
    }

    static SimpleTokenBuilder fixed(long uid) {
        SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, uid);
        b.setSalt(SALT);
        b.setTs(TS);
        b.setPrivilege(AccessToken.Privileges.kJoinChannel, EXPIRE);
        return b;
    }

    /** A service's privilege map as AccessToken2 holds it: {@code privileges(1, 600, 2, 600)} is {1=600, 2=600}. */
    static java.util.Map<Short, Integer> privileges(int... idThenExpire) {
        java.util.Map<Short, Integer> m = new java.util.TreeMap<>();
        for (int i = 0; i < idThenExpire.length; i += 2) {
            m.put((short) idThenExpire[i], idThenExpire[i + 1]);
        }
        return m;
    }
}

package io.agora.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's peer: AccessToken 006 written in plain Java the way a Java team writes it
 * without this library (javax.crypto.Mac, a fresh SecureRandom salt per token, ts = now + 24 h).
 * {@link #saltAlgorithm} picks the SecureRandom (e.g. SHA1PRNG, the default on some platforms).
 * Only for the benchmark; PlainAccessToken006Test checks it builds our exact tokens.
 */
final class PlainAccessToken006 {
    private final String appId;
    private final String appCertificate;
    private final String channelName;
    private final String uid;
    private final TreeMap<Short, Integer> privileges = new TreeMap<>();
    Integer salt;
    Integer ts;
    /** null: {@code new SecureRandom()} per token (NativePRNG on Linux); else that algorithm's instance per token. */
    String saltAlgorithm;

    PlainAccessToken006(String appId, String appCertificate, String channelName, String uid) {
        this.appId = appId;
        this.appCertificate = appCertificate;
        this.channelName = channelName;
        this.uid = uid;
    }

    void addPrivilege(AccessToken.Privileges privilege, int expireTimestamp) {
        privileges.put(privilege.intValue, expireTimestamp);
    }

    String build() throws GeneralSecurityException {
        int s = salt != null ? salt
                : (saltAlgorithm == null ? new SecureRandom() : SecureRandom.getInstance(saltAlgorithm)).nextInt();
        int t = ts != null ? ts : (int) (System.currentTimeMillis() / 1000 + 24 * 3600);

        ByteBuffer message = ByteBuffer.allocate(10 + 6 * privileges.size()).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(s).putInt(t).putShort((short) privileges.size());
        for (Map.Entry<Short, Integer> e : privileges.entrySet()) {
            message.putShort(e.getKey()).putInt(e.getValue());
        }
        byte[] msg = message.array();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appCertificate.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(appId.getBytes(StandardCharsets.UTF_8));
        mac.update(channelName.getBytes(StandardCharsets.UTF_8));
        mac.update(uid.getBytes(StandardCharsets.UTF_8));
        byte[] signature = mac.doFinal(msg);

        ByteBuffer content = ByteBuffer.allocate(2 + signature.length + 4 + 4 + 2 + msg.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        content.putShort((short) signature.length).put(signature);
        content.putInt((int) crc32(channelName)).putInt((int) crc32(uid));
        content.putShort((short) msg.length).put(msg);
        return "006" + appId + Base64.getEncoder().encodeToString(content.array());
    }

    private static long crc32(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}

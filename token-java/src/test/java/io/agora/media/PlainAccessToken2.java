package io.agora.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's 007 peer: an RTC token in AccessToken2 written in plain Java the way Agora's
 * Java reference builds one (this is our own code, not Agora's): a fresh {@code SecureRandom}
 * salt and the clock per token, {@code Mac.getInstance("HmacSHA256")} for each of the three
 * HMACs of the signing chain, and a {@code new Deflater()} (the JVM's zlib, level 6) per token,
 * ended after use. Only for the benchmark; PlainAccessToken2Test checks it builds our exact
 * tokens.
 */
final class PlainAccessToken2 {
    Integer salt;
    Integer issueTs;

    /** {@code RtcTokenBuilder2.buildTokenWithUid}: JoinChannel (and the publish privileges for a publisher). */
    String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, boolean publisher,
            int tokenExpire, int privilegeExpire) throws GeneralSecurityException {
        int s = salt != null ? salt : new SecureRandom().nextInt();
        int ts = issueTs != null ? issueTs : (int) (System.currentTimeMillis() / 1000);
        byte[] channel = channelName.getBytes(StandardCharsets.UTF_8);
        byte[] account = (uid == 0 ? "" : Long.toString(uid)).getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int privileges = publisher ? 4 : 1;

        ByteBuffer info = ByteBuffer.allocate(2 + app.length + 14 + 4 + 6 * privileges + 4 + channel.length + account.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        info.putShort((short) app.length).put(app).putInt(ts).putInt(tokenExpire).putInt(s);
        info.putShort((short) 1); // one service
        info.putShort((short) 1).putShort((short) privileges); // RTC, its privileges sorted by id
        for (int id = 1; id <= privileges; id++) {
            info.putShort((short) id).putInt(privilegeExpire);
        }
        info.putShort((short) channel.length).put(channel).putShort((short) account.length).put(account);
        byte[] signingInfo = info.array();

        byte[] k1 = hmac(le(ts), appCertificate.getBytes(StandardCharsets.UTF_8));
        byte[] k2 = hmac(le(s), k1);
        byte[] signature = hmac(k2, signingInfo);

        ByteBuffer content = ByteBuffer.allocate(2 + signature.length + signingInfo.length).order(ByteOrder.LITTLE_ENDIAN);
        content.putShort((short) signature.length).put(signature).put(signingInfo);
        return "007" + Base64.getEncoder().encodeToString(compress(content.array()));
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
            byte[] buffer = new byte[data.length];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}

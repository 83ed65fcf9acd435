package io.agora.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * ns/token of this binding against a plain Java 006 implementation (PlainAccessToken006), both
 * drawing a fresh salt per token, measured side by side in one JVM. A plain program:
 * {@code Bench [out.tsv]} writes lines {@code group<TAB>implementation<TAB>ns_per_op}, ours
 * first in each group; figures are the best of 15 interleaved rounds. Runs about 15 s.
 */
public final class Bench {
    private Bench() {}

    static long sink;

    static final long WARMUP_NS = 1_000_000_000L;
    static final long ROUND_NS = 150_000_000L;
    static final int ROUNDS = 15;

    /** Runs op in batches for about {@code ns}, returns ns per op. */
    static double measure(Callable<String> op, long ns) throws Exception {
        long ops = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 256; i++) {
                sink += op.call().length();
            }
            ops += 256;
            elapsed = System.nanoTime() - start;
        } while (elapsed < ns);
        return (double) elapsed / ops;
    }

    /**
     * Warms both up, then alternates short rounds; returns the best (lowest) ns/op of each, the
     * figure least disturbed by other processes on a shared machine, and prints the medians too.
     */
    static double[] compare(Callable<String> ours, Callable<String> peer) throws Exception {
        measure(ours, WARMUP_NS);
        measure(peer, WARMUP_NS);
        double[] a = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            a[r] = measure(ours, ROUND_NS);
            b[r] = measure(peer, ROUND_NS);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf("  (medians: ours %.1f ns, plain Java %.1f ns, ratio %.2f)%n",
                a[ROUNDS / 2], b[ROUNDS / 2], b[ROUNDS / 2] / a[ROUNDS / 2]);
        return new double[] {a[0], b[0]};
    }

    public static void main(String[] args) throws Exception {
        String appId = Fixtures.APP_ID;
        String cert = Fixtures.CERT;
        String channel = Fixtures.CHANNEL;
        List<String> lines = new ArrayList<>();

        // 1. One builder, many tokens (fresh salt and ts = now + 24 h at each build).
        try (SimpleTokenBuilder ours = new SimpleTokenBuilder(appId, cert, channel, 2882341273L)) {
            ours.setPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471L);
            PlainAccessToken006 peer = new PlainAccessToken006(appId, cert, channel, "2882341273");
            peer.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);
            double[] r = compare(ours::buildToken, peer::build);
            lines.add("java buildToken (fresh salt)\tagoratoken (JNI)\t" + r[0]);
            lines.add("java buildToken (fresh salt)\tplain Java (javax.crypto.Mac, SecureRandom)\t" + r[1]);
        }

        // 2. One token per call, as a token server does: RtcTokenBuilder.buildTokenWithUid.
        RtcTokenBuilder rtc = new RtcTokenBuilder();
        double[] r = compare(
                () -> rtc.buildTokenWithUid(appId, cert, channel, 2882341273L, RtcTokenBuilder.Role.Role_Publisher, 0L),
                () -> {
                    PlainAccessToken006 t = new PlainAccessToken006(appId, cert, channel, "2882341273");
                    t.addPrivilege(AccessToken.Privileges.kJoinChannel, 0);
                    t.addPrivilege(AccessToken.Privileges.kPublishAudioStream, 0);
                    t.addPrivilege(AccessToken.Privileges.kPublishVideoStream, 0);
                    t.addPrivilege(AccessToken.Privileges.kPublishDataStream, 0);
                    return t.build();
                });
        lines.add("java buildTokenWithUid (one-shot)\tagoratoken (JNI)\t" + r[0]);
        lines.add("java buildTokenWithUid (one-shot)\tplain Java (javax.crypto.Mac, SecureRandom)\t" + r[1]);

        StringBuilder tsv = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split("\t");
            System.out.printf("%-36s %-46s %10.1f ns/op%n", f[0], f[1], Double.parseDouble(f[2]));
            tsv.append(f[0]).append('\t').append(f[1]).append('\t').append(String.format(java.util.Locale.ROOT, "%.1f", Double.parseDouble(f[2])))
                    .append('\n');
        }
        for (int i = 0; i < lines.size(); i += 2) {
            double ours = Double.parseDouble(lines.get(i).split("\t")[2]);
            double peer = Double.parseDouble(lines.get(i + 1).split("\t")[2]);
            System.out.printf("%s: agoratoken is %.1fx faster than plain Java%n", lines.get(i).split("\t")[0], peer / ours);
        }
        if (args.length > 0) {
            Path out = Path.of(args[0]);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, tsv.toString(), StandardCharsets.UTF_8);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}

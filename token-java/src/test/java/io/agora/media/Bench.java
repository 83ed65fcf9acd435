package io.agora.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * ns/token of this binding against plain Java implementations (PlainAccessToken006, and
 * PlainAccessToken2 for 007), all drawing a fresh salt per token, measured side by side in one
 * JVM. A plain program: {@code Bench [out.tsv]} writes lines {@code
 * group<TAB>implementation<TAB>ns_per_op}, ours first in each group; figures are the best of 9
 * interleaved rounds of the benchmark thread's CPU time. Runs about 20 s.
 */
public final class Bench {
    private Bench() {}

    static long sink;

    static final long WARMUP_NS = 1_000_000_000L;
    static final long ROUND_NS = 100_000_000L;
    static final int ROUNDS = 9;

    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Runs op in batches for about {@code ns} of this thread's CPU time (user and system), returns
     * CPU ns per op: on a machine shared with other builds, time spent preempted would otherwise
     * be counted to whichever implementation happened to run then.
     */
    static double measure(Callable<String> op, long ns) throws Exception {
        long ops = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                sink += op.call().length();
            }
            ops += 64;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < ns);
        return (double) elapsed / ops;
    }

    /**
     * Warms every implementation up, then alternates short rounds; returns the best (lowest)
     * ns/op of each, the figure least disturbed by other processes on a shared machine, and
     * prints the medians too. {@code impls[0]} is ours.
     */
    @SafeVarargs
    static double[] compare(Callable<String>... impls) throws Exception {
        for (Callable<String> impl : impls) {
            measure(impl, WARMUP_NS);
        }
        double[][] rounds = new double[impls.length][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < impls.length; i++) {
                rounds[i][r] = measure(impls[i], ROUND_NS);
            }
        }
        double[] best = new double[impls.length];
        StringBuilder medians = new StringBuilder("  (medians:");
        for (int i = 0; i < impls.length; i++) {
            Arrays.sort(rounds[i]);
            best[i] = rounds[i][0];
            medians.append(String.format(Locale.ROOT, " %.1f ns (%.2fx)", rounds[i][ROUNDS / 2],
                    rounds[i][ROUNDS / 2] / rounds[0][ROUNDS / 2]));
        }
        System.out.println(medians.append(')'));
        return best;
    }

    public static void main(String[] args) throws Exception {
        String appId = Fixtures.APP_ID;
        String cert = Fixtures.CERT;
        String channel = Fixtures.CHANNEL;
        List<String> lines = new ArrayList<>();

        String plain = "plain Java (javax.crypto.Mac, new SecureRandom())";
        String sha1prng = "plain Java (javax.crypto.Mac, SHA1PRNG per token)";

        // 1. One builder, many tokens (fresh salt and ts = now + 24 h at each build).
        String group = "java buildToken (fresh salt)";
        try (SimpleTokenBuilder ours = new SimpleTokenBuilder(appId, cert, channel, 2882341273L)) {
            ours.setPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471L);
            PlainAccessToken006 peer = new PlainAccessToken006(appId, cert, channel, "2882341273");
            peer.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);
            PlainAccessToken006 peerSha1 = new PlainAccessToken006(appId, cert, channel, "2882341273");
            peerSha1.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);
            peerSha1.saltAlgorithm = "SHA1PRNG";
            double[] r = compare(ours::buildToken, peer::build, peerSha1::build);
            lines.add(group + "\tagoratoken (JNI)\t" + r[0]);
            lines.add(group + "\t" + plain + "\t" + r[1]);
            lines.add(group + "\t" + sha1prng + "\t" + r[2]);
        }

        // 2. One token per call, as a token server does: RtcTokenBuilder.buildTokenWithUid.
        group = "java buildTokenWithUid (one-shot)";
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
        lines.add(group + "\tagoratoken (JNI)\t" + r[0]);
        lines.add(group + "\t" + plain + "\t" + r[1]);

        // 3. AccessToken2 (007), one RTC publisher token per call: the named builder (one native
        // call through the core's recipe table) against plain Java built the way Agora's Java
        // reference builds it (Mac.getInstance per HMAC, new Deflater per token, SecureRandom).
        group = "java 007 RtcTokenBuilder2.buildTokenWithUid (publisher)";
        String plain007 = "plain Java (javax.crypto.Mac, java.util.zip.Deflater, new SecureRandom())";
        RtcTokenBuilder2 rtc2 = new RtcTokenBuilder2();
        PlainAccessToken2 peer2 = new PlainAccessToken2();
        r = compare(
                () -> rtc2.buildTokenWithUid(appId, cert, channel, 2882341273L, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                        3600L, 3600L),
                () -> peer2.buildTokenWithUid(appId, cert, channel, 2882341273L, true, 3600, 3600));
        lines.add(group + "\tagoratoken (JNI, recipe table)\t" + r[0]);
        lines.add(group + "\t" + plain007 + "\t" + r[1]);

        // 4. The same token through the services-as-data API (AccessToken2 + ServiceRtc).
        group = "java 007 AccessToken2.build (services as Java data)";
        r = compare(
                () -> {
                    AccessToken2 t = new AccessToken2(appId, cert, 3600);
                    AccessToken2.ServiceRtc s = new AccessToken2.ServiceRtc(channel, 2882341273L);
                    for (AccessToken2.PrivilegeRtc p : AccessToken2.PrivilegeRtc.values()) {
                        s.addPrivilegeRtc(p, 3600);
                    }
                    t.addService(s);
                    return t.build();
                },
                () -> peer2.buildTokenWithUid(appId, cert, channel, 2882341273L, true, 3600, 3600));
        lines.add(group + "\tagoratoken (JNI, RawToken)\t" + r[0]);
        lines.add(group + "\t" + plain007 + "\t" + r[1]);

        StringBuilder tsv = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split("\t");
            System.out.printf(Locale.ROOT, "%-56s %-76s %10.1f ns/op%n", f[0], f[1], Double.parseDouble(f[2]));
            tsv.append(f[0]).append('\t').append(f[1]).append('\t').append(String.format(Locale.ROOT, "%.1f", Double.parseDouble(f[2])))
                    .append('\n');
        }
        String ours = null;
        double oursNs = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            if (!f[0].equals(ours)) {
                ours = f[0];
                oursNs = Double.parseDouble(f[2]);
                continue;
            }
            System.out.printf(Locale.ROOT, "%s: agoratoken is %.1fx faster than %s%n", f[0],
                    Double.parseDouble(f[2]) / oursNs, f[1]);
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

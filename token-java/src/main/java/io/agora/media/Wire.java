package io.agora.media;

import io.agora.media.AccessToken2.Permission;
import io.agora.media.AccessToken2.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one conversion between Java's values and the flat arrays the native library reads and
 * writes (token-java/src/v007.rs documents the layout): a {@code String[]} and a {@code long[]},
 * each read in order. A service is the integers {@code type, uid, role, n, (id, expire)*}, the
 * strings {@code channelName, account, userId, roomUuid, userUuid} (null when absent), then its
 * permissions as the integers {@code count, (resourceType, permissionType, n)*} with the {@code
 * n} resources of each in the strings. {@link Native#NONE} marks an absent uid or role.
 */
final class Wire {
    private final ArrayList<String> strings = new ArrayList<>();
    private long[] ints = new long[16];
    private int size;

    Wire add(long value) {
        if (size == ints.length) {
            ints = Arrays.copyOf(ints, size * 2);
        }
        ints[size++] = value;
        return this;
    }

    Wire add(String value) {
        strings.add(value);
        return this;
    }

    String[] strings() {
        return strings.toArray(new String[0]);
    }

    long[] ints() {
        return Arrays.copyOf(ints, size);
    }

    Wire permissions(List<Permission> permissions) {
        if (permissions == null) {
            throw Native.nullArgument("permissions");
        }
        add(permissions.size());
        for (Permission p : permissions) {
            if (p == null) {
                throw Native.nullArgument("permission");
            }
            add(p.resourceType()).add(p.permissionType()).add(p.resources().size());
            strings.addAll(p.resources());
        }
        return this;
    }

    Wire service(Service s) {
        add(s.type).add(s.uid).add(s.role).add(s.privileges.size());
        for (long[] p : s.privileges) {
            add(p[0]).add(p[1]);
        }
        add(s.channelName).add(s.account).add(s.userId).add(s.roomUuid).add(s.userUuid);
        return permissions(s.permissions);
    }

    /** Reads what the native library wrote, in order. */
    static final class Reader {
        private final long[] ints;
        private final String[] strings;
        private int i;
        private int s;

        Reader(long[] ints, String[] strings, int from) {
            this.ints = ints;
            this.strings = strings;
            this.i = from;
        }

        long next() {
            return ints[i++];
        }

        String string() {
            return strings[s++];
        }

        Service service() {
            Service service = Service.ofType((int) next());
            service.uid = next();
            service.role = next();
            for (long n = next(); n > 0; n--) {
                service.privileges.add(new long[] {next(), next()});
            }
            service.channelName = string();
            service.account = string();
            if ("".equals(service.account)) { // the token form of uid 0 (any user), as input
                service.account = null;
                service.uid = 0;
            }
            service.userId = string();
            service.roomUuid = string();
            service.userUuid = string();
            for (long n = next(); n > 0; n--) {
                int resourceType = (int) next();
                int permissionType = (int) next();
                String[] resources = new String[(int) next()];
                for (int k = 0; k < resources.length; k++) {
                    resources[k] = string();
                }
                service.permissions.add(new Permission(resourceType, permissionType, resources));
            }
            return service;
        }

        List<Service> services(int count) {
            List<Service> services = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                services.add(service());
            }
            return services;
        }
    }

    /** The native parse's {@code {appId, signature, ints, strings, content}}, as a Java object. */
    static AnyToken parsed(Object[] r, String token) {
        long[] ints = (long[]) r[2];
        if (ints[0] == 6) {
            return new ParsedToken((String) r[0], (byte[]) r[1], ints);
        }
        return new ParsedToken2(token, (String) r[0], (byte[]) r[1], ints, (String[]) r[3], (byte[]) r[4]);
    }
}

package io.agora.media;

import io.agora.media.AccessToken2.Permission;
import io.agora.media.AccessToken2.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one conversion between Java's values and the flat arrays the native library reads and
 * writes (token-java/src/v007.rs documents the layout): a {@code String[]} and a {@code long[]},
 * each read in order. A service is the integers {@code type, uid, role, n, (id, expire)*}, the
 * strings {@code channelName, account, userId, roomUuid, userUuid} (null when absent), then its
 * permissions as the integers {@code count, (resourceType, permissionType, n)*} with the {@code
 * n} resources of each in the strings. {@link Native#NONE} marks an absent uid or role. A
 * token as data ({@link AccessToken2#buildOrThrow}) is {@code expire, count, services*, otherCount,
 * (type, n, (id, expire)*)*}: the services of Agora's base class follow the others.
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

    /** A privilege map as {@code n, (id, expire)*}: ids and values read unsigned (null: {@code null_argument}). */
    Wire privileges(Map<Short, Integer> privileges) {
        if (privileges == null) {
            throw Native.nullArgument("privileges");
        }
        add(privileges.size());
        for (Map.Entry<Short, Integer> e : privileges.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw Native.nullArgument(e.getKey() == null ? "privilege" : "expire");
            }
            add(Short.toUnsignedInt(e.getKey())).add(Integer.toUnsignedLong(e.getValue()));
        }
        return this;
    }

    /** Appends another Wire's integers and strings. */
    Wire append(Wire other) {
        for (int k = 0; k < other.size; k++) {
            add(other.ints[k]);
        }
        strings.addAll(other.strings);
        return this;
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
            next(); // uid: a parsed channel service's user is its account string
            long role = next();
            service.privilegesAsRead = new ArrayList<>();
            for (long n = next(); n > 0; n--) {
                long[] pair = {next(), next()};
                service.privilegesAsRead.add(pair);
                service.privileges.put((short) pair[0], (int) pair[1]);
            }
            String channelName = string();
            String account = string();
            String userId = string();
            String roomUuid = string();
            String userUuid = string();
            List<Permission> permissions = new ArrayList<>();
            for (long n = next(); n > 0; n--) {
                int resourceType = (int) next();
                int permissionType = (int) next();
                String[] resources = new String[(int) next()];
                for (int k = 0; k < resources.length; k++) {
                    resources[k] = string();
                }
                permissions.add(new Permission(resourceType, permissionType, resources));
            }
            service.read(channelName, account, userId, roomUuid, userUuid, role, permissions);
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

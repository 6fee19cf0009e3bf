package ipc.grader.net;

import ipc.grader.settings.RunSettings;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out free loopback ports, TCP or UDP, chosen at run time.
 *
 * <p>Three rules keep two tests, and two grading runs on one machine, from ever sharing a port:
 * <ol>
 *   <li>Ports come from below the kernel's ephemeral range, so the grader's own client
 *   connections (which take ephemeral ports) never land on a port a student server is about to
 *   bind.</li>
 *   <li>A port is free only if a bind without {@code SO_REUSEADDR} succeeds, which also refuses a
 *   port with connections lingering in TIME_WAIT that a student server without that option could
 *   not bind.</li>
 *   <li>While leased, the port's UDP twin is held bound by the lease. Another grader, in this JVM
 *   or any other, tests the UDP twin too and so cannot pick the port, and the kernel releases the
 *   hold if this JVM dies.</li>
 * </ol>
 * In this JVM, a port leased or being tried is not tried again until it is free: trying a port binds
 * it for a moment in one protocol or the other, which could take a leased port from under the
 * program meant to bind it (a UDP lease tries the TCP port first; the grader's unit tests once failed
 * so, with "Address already in use", beside a test drawing thousands of leases).
 */
public final class Ports {

    /** Overrides the range ports are picked from, as {@code lowest-highest}. */
    public static final String RANGE_PROPERTY = RunSettings.PORT_RANGE;

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int DEFAULT_LOWEST = 10_000;
    /** The system's default range, read once; a run's setting overrides it (see {@link #range()}). */
    private static final int[] DEFAULT_RANGE = defaultRange();
    private static final int ATTEMPTS = 500;
    /** The ports leased, or being tried, in this JVM. */
    private static final Set<Integer> IN_USE = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A free TCP port on 127.0.0.1, held for this caller until the lease is closed. */
    public static PortLease leaseTcp() {
        int[] range = range();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
            if (!IN_USE.add(port)) {
                continue;
            }
            DatagramSocket hold = holdUdp(port);
            if (hold != null && tcpBindable(port)) {
                return new PortLease(port, hold, () -> IN_USE.remove(port));
            }
            Closing.quietly(hold);
            IN_USE.remove(port);
        }
        throw new IllegalStateException("no free loopback port found in " + range[0] + ".." + range[1]
                + " after " + ATTEMPTS + " attempts");
    }

    /**
     * A free UDP port on 127.0.0.1, for a datagram server: the lease holds the port's TCP twin
     * (bound, not listening), so the rules above hold for UDP servers too.
     */
    public static PortLease leaseUdp() {
        int[] range = range();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
            if (!IN_USE.add(port)) {
                continue;
            }
            SocketChannel hold = holdTcp(port);
            DatagramSocket probe = hold == null ? null : holdUdp(port);
            if (probe != null) {
                probe.close();
                return new PortLease(port, hold, () -> IN_USE.remove(port));
            }
            Closing.quietly(hold);
            IN_USE.remove(port);
        }
        throw new IllegalStateException("no free loopback UDP port found in " + range[0] + ".." + range[1]
                + " after " + ATTEMPTS + " attempts");
    }

    private static SocketChannel holdTcp(int port) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
            channel.bind(new InetSocketAddress(LOOPBACK, port));
            return channel;
        } catch (IOException e) {
            Closing.quietly(channel);
            return null;
        }
    }

    private static DatagramSocket holdUdp(int port) {
        try {
            DatagramSocket socket = new DatagramSocket(null);
            socket.setReuseAddress(false);
            try {
                socket.bind(new InetSocketAddress(LOOPBACK, port));
                return socket;
            } catch (IOException e) {
                socket.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    static boolean tcpBindable(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The run's range ({@link RunSettings#portRange()}), or else the system's default. */
    private static int[] range() {
        String given = RunSettings.current().portRange();
        if (given.isEmpty()) {
            return DEFAULT_RANGE;
        }
        String[] bounds = given.split("-");
        return new int[] {Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim())};
    }

    /**
     * From 10000 to just below the ephemeral range (Linux reads it from /proc; 32767 suits macOS and
     * Windows too).
     */
    private static int[] defaultRange() {
        int highest = 32_767;
        try {
            Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
            if (Files.isReadable(range)) {
                // readAllLines, not readString: /proc files report size 0, and readString then returns one byte.
                int ephemeralLow = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
                highest = Math.min(highest, ephemeralLow - 1);
            }
        } catch (IOException | RuntimeException e) {
            // keep the default
        }
        return new int[] {DEFAULT_LOWEST, Math.max(highest, DEFAULT_LOWEST + 1_000)};
    }

    /** Whether {@code port} is leased, or being tried, in this JVM. */
    static boolean inUse(int port) {
        return IN_USE.contains(port);
    }

    /** The range ports are picked from, for messages and tests. */
    static int[] pickedFrom() {
        return range().clone();
    }
}

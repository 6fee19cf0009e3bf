package ipc.grader.net;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out free loopback TCP ports, chosen at run time.
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
 */
public final class Ports {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int LOWEST = 10_000;
    private static final int HIGHEST = highestBelowEphemeralRange();
    private static final int ATTEMPTS = 500;

    private Ports() {
    }

    /** A free TCP port on 127.0.0.1, held for this caller until the lease is closed. */
    public static PortLease leaseTcp() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            DatagramSocket hold = holdUdp(port);
            if (hold == null) {
                continue;
            }
            if (tcpBindable(port)) {
                return new PortLease(port, hold);
            }
            hold.close();
        }
        throw new IllegalStateException("no free loopback port found in " + LOWEST + ".." + HIGHEST
                + " after " + ATTEMPTS + " attempts");
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

    /** Just below the ephemeral range (Linux reads it from /proc; 32767 suits macOS and Windows too). */
    private static int highestBelowEphemeralRange() {
        int highest = 32_767;
        try {
            Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
            if (Files.isReadable(range)) {
                int ephemeralLow = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
                highest = Math.min(highest, ephemeralLow - 1);
            }
        } catch (IOException | RuntimeException e) {
            // keep the default
        }
        return Math.max(highest, LOWEST + 1_000);
    }
}

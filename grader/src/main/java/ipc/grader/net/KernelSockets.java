package ipc.grader.net;

import ipc.grader.platform.Platform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the kernel knows about loopback TCP sockets, read from {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6} on Linux. Two facts matter to the grader, and both are read without
 * touching the sockets themselves:
 * <ul>
 *   <li>whether something listens on a port: a readiness check that, unlike a probe connection,
 *   cannot steal a single-client server's one client, and unlike a probe bind cannot race the
 *   server's own bind;</li>
 *   <li>how many bytes a peer has received but not yet read: so the grader can send the next piece
 *   of a message only once the program has read the previous one, which makes "one read = one
 *   message" bugs fail every time instead of once in a while.</li>
 * </ul>
 *
 * <p>What is read where:
 * <ul>
 *   <li>Linux: {@code /proc/net/tcp} and {@code /proc/net/tcp6} (listeners, accept queues, unread
 *   and unsent bytes, who owns a socket), {@code /proc/net/udp} and {@code /proc/net/udp6} (bound
 *   datagram sockets), and {@code /proc/<pid>/fd} to tie sockets to a program's processes.</li>
 *   <li>macOS and Windows, and Linux with {@code -Dsockgrader.platform=portable}: {@link #available()}
 *   is false, and only {@link #isListening} and {@link #isBoundUdp} answer, from the output of
 *   {@code netstat -an} ({@link Netstat} runs it, {@link NetstatTable} reads it in any language).
 *   Queues and owners are unknown there: callers fall back to a pause, and a port taken by any
 *   process counts as ready.</li>
 * </ul>
 */
public final class KernelSockets {

    private static final List<ProcNetTable> TCP = List.of(ProcNetTable.TCP6, ProcNetTable.TCP4);
    private static final List<ProcNetTable> UDP = List.of(ProcNetTable.UDP4, ProcNetTable.UDP6);
    private static final boolean READABLE = ProcNetTable.TCP4.readable();
    /**
     * The TCP table in which a socket was found last, searched first next time: a Java program's
     * sockets are IPv6 ones (in {@code tcp6}) even on 127.0.0.1, a Python program's IPv4 ones.
     */
    private static volatile ProcNetTable lastFound = ProcNetTable.TCP6;

    private KernelSockets() {
    }

    /** Whether the tables may be read: on Linux, unless {@link Platform#portable()} turns them off. */
    public static boolean available() {
        return READABLE && Platform.procFileSystem();
    }

    /** Whether a socket listens on {@code port} (any local address). */
    public static boolean isListening(int port) {
        if (!available()) {
            return Netstat.isListening(port);
        }
        return listening(port).isPresent();
    }

    /** Whether a UDP socket is bound to {@code port} (any local address): a datagram server is ready. */
    public static boolean isBoundUdp(int port) {
        if (!available()) {
            return Netstat.isBoundUdp(port);
        }
        String field = ProcNetTable.portField(port);
        return UDP.stream().anyMatch(table -> table.find(field, row -> row.localPort() == port).isPresent());
    }

    /**
     * Whether one of the given processes holds the socket listening on {@code port}, found through its
     * inode in {@code /proc/<pid>/fd}. A process with no socket at all (a JVM still starting) is
     * answered without reading a table. False off Linux, or for processes this user may not inspect.
     */
    public static boolean isListeningBy(int port, Collection<Long> pids) {
        if (!available()) {
            return false;
        }
        Set<String> inodes = socketInodes(pids);
        return !inodes.isEmpty()
                && firstFound(table -> table.listener(row -> row.localPort() == port && inodes.contains(row.inode()))).isPresent();
    }

    /**
     * The ports on which the given processes listen, found through their sockets' inodes in
     * {@code /proc/<pid>/fd}. Empty off Linux, or for processes this user may not inspect.
     */
    public static Set<Integer> listeningPortsOf(Collection<Long> pids) {
        return portsOf(pids, false);
    }

    /** The UDP ports the given processes have sockets bound to; empty off Linux. */
    public static Set<Integer> boundUdpPortsOf(Collection<Long> pids) {
        return portsOf(pids, true);
    }

    private static Set<Integer> portsOf(Collection<Long> pids, boolean udp) {
        Set<Integer> ports = new TreeSet<>();
        Set<String> inodes = available() ? socketInodes(pids) : Set.of();
        if (inodes.isEmpty()) {
            return ports;
        }
        for (ProcNetTable table : udp ? UDP : TCP) {
            for (ProcNetRow row : udp ? table.rows() : table.listeners()) {
                if (inodes.contains(row.inode())) {
                    ports.add(row.localPort());
                }
            }
        }
        return ports;
    }

    /** The inodes of the sockets the given processes have open, from the links in {@code /proc/<pid>/fd}. */
    private static Set<String> socketInodes(Collection<Long> pids) {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
                for (Path fd : fds) {
                    String target = readLink(fd);
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone, or not ours to read
            }
        }
        return inodes;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return ""; // closed while we looked
        }
    }

    /**
     * Connections waiting in the accept queue of the socket listening on {@code port}: established
     * by the kernel but not yet taken by the program's {@code accept()}. Empty off Linux or when
     * nothing listens.
     */
    public static OptionalInt acceptQueue(int port) {
        if (!available()) {
            return OptionalInt.empty();
        }
        return listening(port).map(row -> OptionalInt.of(row.receiveQueue())).orElse(OptionalInt.empty());
    }

    /**
     * Bytes waiting in the receive queue of the socket whose local port is {@code localPort} and
     * remote port {@code remotePort}, or empty when there is no such socket (it was closed).
     */
    public static OptionalInt unreadBytes(int localPort, int remotePort) {
        return connection(localPort, remotePort).map(row -> OptionalInt.of(row.receiveQueue())).orElse(OptionalInt.empty());
    }

    /**
     * Bytes the socket whose local port is {@code localPort} and remote port {@code remotePort} has
     * written but its peer has not yet received (its tx_queue), or empty when there is no such socket.
     */
    public static OptionalInt unsentBytes(int localPort, int remotePort) {
        return connection(localPort, remotePort).map(row -> OptionalInt.of(row.sendQueue())).orElse(OptionalInt.empty());
    }

    /**
     * The table row of the TCP connection from {@code localPort} to {@code remotePort}, if there is one,
     * read no further than that row: first in the table where the last one was found.
     */
    private static Optional<ProcNetRow> connection(int localPort, int remotePort) {
        if (!available()) {
            return Optional.empty();
        }
        String hint = ProcNetTable.portField(localPort);
        return firstFound(table -> table.find(hint,
                row -> row.localPort() == localPort && row.remotePort() == remotePort && !row.listening()));
    }

    /** What {@code search} finds in a TCP table, searching first the table where a socket was found last. */
    private static Optional<ProcNetRow> firstFound(Function<ProcNetTable, Optional<ProcNetRow>> search) {
        ProcNetTable first = lastFound;
        for (ProcNetTable table : first == ProcNetTable.TCP6 ? TCP : List.of(ProcNetTable.TCP4, ProcNetTable.TCP6)) {
            Optional<ProcNetRow> row = search.apply(table);
            if (row.isPresent()) {
                lastFound = table;
                return row;
            }
        }
        return Optional.empty();
    }

    /**
     * What the kernel holds on {@code port}, for messages about a port that turned out to be taken:
     * each socket's state and owner ({@code LISTEN uid 0, held by this JVM}), or "nothing".
     */
    public static String describe(int port) {
        if (!available()) {
            return "(no socket table on this system)";
        }
        Set<Integer> ours = listeningPortsOf(List.of(ProcessHandle.current().pid()));
        StringBuilder out = new StringBuilder();
        for (ProcNetRow row : rows(TCP)) {
            if (row.localPort() == port) {
                out.append(out.length() == 0 ? "" : ", ").append(STATES.getOrDefault(row.state(), row.state()))
                        .append(" to port ").append(row.remotePort()).append(" uid ").append(row.uid())
                        .append(row.listening() && ours.contains(port) ? " (this JVM)" : "");
            }
        }
        return out.length() == 0 ? "nothing on it" : out.toString();
    }

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("01", "ESTABLISHED"), Map.entry("02", "SYN_SENT"), Map.entry("03", "SYN_RECV"),
            Map.entry("04", "FIN_WAIT1"), Map.entry("05", "FIN_WAIT2"), Map.entry("06", "TIME_WAIT"),
            Map.entry("07", "CLOSE"), Map.entry("08", "CLOSE_WAIT"), Map.entry("09", "LAST_ACK"),
            Map.entry("0A", "LISTEN"), Map.entry("0B", "CLOSING"));

    /**
     * The socket listening on {@code port}. The kernel lists listening sockets first: the search ends at
     * the row sought or at the first row that is not listening, in the table where the last socket was
     * found first, so a Java server's port is found without reading the IPv4 table to its dear end.
     */
    static Optional<ProcNetRow> listening(int port) {
        return firstFound(table -> table.listener(row -> row.localPort() == port));
    }

    private static List<ProcNetRow> rows(List<ProcNetTable> tables) {
        List<ProcNetRow> rows = new ArrayList<>();
        for (ProcNetTable table : tables) {
            rows.addAll(table.rows());
        }
        return rows;
    }

    /** The port of an address field such as {@code 0100007F:1F90}: hex after the colon. */
    static int port(String address) {
        return ProcNetRow.port(address);
    }
}

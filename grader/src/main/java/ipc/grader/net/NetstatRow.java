package ipc.grader.net;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A TCP or UDP row of {@code netstat -an}. The columns differ by system: Linux and macOS print
 * {@code Proto Recv-Q Send-Q Local Foreign State}, Windows {@code Proto Local Foreign State}. The
 * state is read for one word only (see {@link #isListeningTcp()}), because Windows translates it.
 */
record NetstatRow(boolean tcp, NetstatAddress local, NetstatAddress foreign, String state, OptionalInt receiveQueue) {

    /**
     * What BSD netstat (macOS) prints for a TCP socket that is bound but does not listen: its foreign
     * address is {@code *.*} like a listener's. macOS never translates it, and Windows lists bound
     * sockets only with {@code -q}, which the grader does not pass.
     */
    private static final String BOUND_NOT_LISTENING = "CLOSED";

    /** The row a line holds, or empty for headers, unix sockets and anything else that is not TCP or UDP. */
    static Optional<NetstatRow> parse(String line) {
        String[] columns = line.trim().split("\\s+");
        String protocol = columns[0].toLowerCase(Locale.ROOT);
        boolean tcp = protocol.startsWith("tcp");
        if (!tcp && !protocol.startsWith("udp")) {
            return Optional.empty();
        }
        boolean queues = hasQueueColumns(columns);
        int localColumn = queues ? 3 : 1;
        if (columns.length < localColumn + 2) {
            return Optional.empty();
        }
        String state = columns.length > localColumn + 2 ? columns[localColumn + 2] : "";
        return Optional.of(new NetstatRow(tcp, NetstatAddress.of(columns[localColumn]),
                NetstatAddress.of(columns[localColumn + 1]), state,
                queues ? OptionalInt.of(Integer.parseInt(columns[1])) : OptionalInt.empty()));
    }

    /** Linux and macOS print the receive and send queues, two numbers, before the addresses; Windows does not. */
    private static boolean hasQueueColumns(String[] columns) {
        return columns.length > 4 && isNumber(columns[1]) && isNumber(columns[2]);
    }

    private static boolean isNumber(String column) {
        return !column.isEmpty() && column.chars().allMatch(Character::isDigit);
    }

    /** A TCP socket waiting for connections: no peer at the other end. */
    boolean isListeningTcp() {
        return tcp && foreign.isWildcard() && !state.equals(BOUND_NOT_LISTENING);
    }

    boolean isUdp() {
        return !tcp;
    }

    boolean hasLocalPort(int port) {
        return local.portNumber().orElse(-1) == port;
    }

    /** A TCP connection from {@code localPort} to {@code remotePort}, not a listener. */
    boolean isConnection(int localPort, int remotePort) {
        return tcp && !foreign.isWildcard() && hasLocalPort(localPort) && foreign.portNumber().orElse(-1) == remotePort;
    }
}

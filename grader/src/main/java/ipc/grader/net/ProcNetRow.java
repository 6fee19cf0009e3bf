package ipc.grader.net;

import java.util.Optional;

/**
 * One socket of the kernel's tables {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}:
 * a line such as {@code 0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000 1000 0 4242 ...},
 * read once into named fields. Ports and queues are hexadecimal there.
 *
 * @param localPort    the socket's own port
 * @param remotePort   its peer's port, 0 for a listener
 * @param state        the kernel's state code: {@code 0A} is LISTEN, {@code 01} ESTABLISHED
 * @param sendQueue    bytes written but not yet received by the peer (tx_queue)
 * @param receiveQueue bytes received but not yet read; for a listener, connections waiting to be accepted
 * @param uid          the owner's user id, "?" where the line is short
 * @param inode        the socket's inode, which ties it to a process's {@code /proc/<pid>/fd}; "" where short
 */
record ProcNetRow(int localPort, int remotePort, String state, int sendQueue, int receiveQueue, String uid, String inode) {

    private static final String LISTEN = "0A";

    /** The row of one table line (not the header), or empty for a line that is not a socket. */
    static Optional<ProcNetRow> parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length <= 4 || fields[4].indexOf(':') < 0) {
            return Optional.empty();
        }
        String queues = fields[4];
        int colon = queues.indexOf(':');
        return Optional.of(new ProcNetRow(port(fields[1]), port(fields[2]), fields[3],
                queue(queues.substring(0, colon)), queue(queues.substring(colon + 1)),
                fields.length > 7 ? fields[7] : "?", fields.length > 9 ? fields[9] : ""));
    }

    /**
     * A queue's size. The kernel prints a difference of sequence numbers as a 32-bit word, which
     * for a socket being torn down can be a negative number (such as {@code AD029558}): nothing queued.
     */
    private static int queue(String hex) {
        long value = Long.parseLong(hex, 16);
        return value > Integer.MAX_VALUE ? 0 : (int) value;
    }

    boolean listening() {
        return LISTEN.equals(state);
    }

    /** The port of an address field such as {@code 0100007F:1F90}: hex after the last colon. */
    static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}

package ipc.grader.net;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The TCP and UDP sockets in the text of {@code netstat -an}, as Linux (net-tools), macOS and
 * Windows in any language print it. Pure: it parses text, {@link Netstat} runs the command.
 *
 * <p>Listening is read from the foreign address, never from the state column: German Windows writes
 * {@code ABHÖREN}, French {@code A L'ÉCOUTE}, where English writes {@code LISTENING}, but a
 * listener's foreign address is a wildcard ({@code 0.0.0.0:0}, {@code [::]:0}, {@code *.*},
 * {@code 0.0.0.0:*}) in every language.
 */
final class NetstatTable {

    private final List<NetstatRow> rows;

    private NetstatTable(List<NetstatRow> rows) {
        this.rows = rows;
    }

    static NetstatTable parse(String netstatOutput) {
        return new NetstatTable(netstatOutput.lines().map(NetstatRow::parse).flatMap(Optional::stream).toList());
    }

    /** Whether a TCP socket listens on {@code port}, on any local address; connections on it do not count. */
    boolean isListening(int port) {
        return rows.stream().anyMatch(row -> row.isListeningTcp() && row.hasLocalPort(port));
    }

    /**
     * Bytes received but not yet read by the program on the connection from {@code localPort} to
     * {@code remotePort} (its Recv-Q), or empty when there is no such connection. Only Linux and
     * macOS print the queues; see {@link #showsQueues()}.
     */
    OptionalInt unreadBytes(int localPort, int remotePort) {
        return rows.stream().filter(row -> row.isConnection(localPort, remotePort)).findFirst()
                .map(NetstatRow::receiveQueue).orElse(OptionalInt.empty());
    }

    /** Whether the rows carry their queues: Linux's and macOS's netstat print them, Windows' does not. */
    boolean showsQueues() {
        return rows.stream().anyMatch(row -> row.receiveQueue().isPresent());
    }

    /** Whether a UDP socket is bound to {@code port}, on any local address, connected or not. */
    boolean isBoundUdp(int port) {
        return rows.stream().anyMatch(row -> row.isUdp() && row.hasLocalPort(port));
    }
}

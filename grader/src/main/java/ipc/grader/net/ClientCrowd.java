package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import ipc.grader.time.Deadline;
import ipc.grader.time.KernelPolling;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Many clients of one server at the same time, all driven from one grader thread by a selector:
 * a hundred connections cost the grader no hundred threads. Used to show that a server serves
 * clients concurrently and keeps their bytes apart.
 *
 * <p>The clients connect in batches, and never overrun the server's accept queue (a default
 * backlog of 50): Linux and macOS drop a connection attempt past it and the client retries a
 * second later, Windows refuses it outright. Where the kernel's socket table shows the queue
 * (Linux), a batch waits while too many connections wait in it. Elsewhere each client of a batch
 * first has its first record echoed, which proves that the server accepted it, before the next
 * batch connects.
 */
public final class ClientCrowd implements AutoCloseable {

    /**
     * Connections the grader lets wait in the server's accept queue where it can read the queue.
     * The queue is read every {@value #CONNECTS_BETWEEN_CHECKS} connects, so it never exceeds
     * their sum, well below a default backlog of 50.
     */
    private static final int MAX_WAITING_TO_BE_ACCEPTED = 24;
    private static final int CONNECTS_BETWEEN_CHECKS = 16;

    private final int port;
    private final String peer;
    private final Selector selector;
    private final List<CrowdMember> members = new ArrayList<>();

    private ClientCrowd(int port, String peer, Selector selector) {
        this.port = port;
        this.peer = peer;
        this.selector = selector;
    }

    /**
     * Connects {@code size} clients, holding back while too many may wait to be accepted, and
     * fails with how many the server accepted if they are not all connected within the deadline.
     */
    public static ClientCrowd connect(int port, String peer, int size) {
        return connect(port, peer, size, KernelSockets.acceptQueue(port).isPresent());
    }

    /** As {@link #connect(int, String, int)}; where {@code queueVisible} is false, each batch is confirmed by an echo. */
    static ClientCrowd connect(int port, String peer, int size, boolean queueVisible) {
        Selector selector;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ClientCrowd crowd = new ClientCrowd(port, peer, selector);
        try {
            crowd.connectAll(size, queueVisible, Deadline.in(Waits.CROWD));
        } catch (RuntimeException | Error e) {
            crowd.close();
            throw e;
        }
        return crowd;
    }

    /**
     * Connects in batches of {@value #CONNECTS_BETWEEN_CHECKS}: a batch is started at once and
     * finished through the selector; between batches, the accept queue is read, or the batch's
     * first records are echoed.
     */
    private void connectAll(int size, boolean queueVisible, Deadline deadline) {
        int looksBehind = 0;
        try {
            while (members.size() < size) {
                if (deadline.hasExpired()) {
                    throw notAllAccepted(size, deadline);
                }
                OptionalInt waiting = queueVisible ? KernelSockets.acceptQueue(port) : OptionalInt.empty();
                if (waiting.isPresent() && waiting.getAsInt() >= MAX_WAITING_TO_BE_ACCEPTED) {
                    // Let the server catch up with accept(), looking again on the kernel's schedule.
                    selector.select(KernelPolling.pauseBefore(++looksBehind).toMillis());
                    continue;
                }
                looksBehind = 0;
                List<CrowdMember> batch = connectBatch(Math.min(CONNECTS_BETWEEN_CHECKS, size - members.size()), size, deadline);
                if (!queueVisible) {
                    confirmAccepted(batch, size, deadline);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("client " + members.size() + " of " + size + " could not connect to " + peer
                    + ": " + e.getMessage(), e);
        }
    }

    private List<CrowdMember> connectBatch(int count, int size, Deadline deadline) throws IOException {
        List<CrowdMember> batch = new ArrayList<>();
        int pending = 0;
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            CrowdMember member = new CrowdMember(members.size() + 1, channel);
            members.add(member);
            batch.add(member);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            if (!channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                pending++;
            }
        }
        while (pending > 0) {
            if (deadline.hasExpired()) {
                throw notAllAccepted(size, deadline);
            }
            selector.select(deadline.remainingMillis());
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isConnectable() && ((SocketChannel) key.channel()).finishConnect()) {
                    key.interestOps(0);
                    pending--;
                }
            }
            selector.selectedKeys().clear();
        }
        return batch;
    }

    /** Each client of {@code batch} sends its first record and must get it back: then the server has accepted it. */
    private void confirmAccepted(List<CrowdMember> batch, int size, Deadline deadline) {
        batch.forEach(member -> member.expectEcho(CrowdPayload.RECORD));
        pump(batch, deadline);
        List<String> problems = problems(batch, deadline);
        if (!problems.isEmpty()) {
            throw new AssertionError(peer + " served " + (members.size() - problems.size()) + " of the first "
                    + members.size() + " of " + size + " clients at once within " + deadline.describe()
                    + " (the grader connects " + CONNECTS_BETWEEN_CHECKS + " clients at a time, and each sends its first "
                    + CrowdPayload.RECORD + " bytes and waits for their echo before more connect).\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "\n  (and " + (problems.size() - 10) + " more)" : ""));
        }
    }

    private AssertionError notAllAccepted(int size, Deadline deadline) {
        int connected = (int) members.stream().filter(member -> member.channel.isConnected()).count();
        OptionalInt waiting = KernelSockets.acceptQueue(port);
        return new AssertionError(peer + " accepted " + (waiting.isPresent() ? String.valueOf(connected - waiting.getAsInt())
                : "fewer than " + size) + " of " + size + " clients within " + deadline.describe()
                + ": the others waited in the queue of connections that nobody accept()s.");
    }

    public int size() {
        return members.size();
    }

    /**
     * Every client sends its own {@code bytesEach}-byte payload, all at once, and must get exactly
     * its own bytes back. Fails listing the clients that did not, and naming cross-talk where a
     * client received another client's bytes.
     */
    public void expectEachEchoedOwnPayload(int bytesEach) {
        members.forEach(member -> member.expectEcho(bytesEach));
        Deadline deadline = Deadline.in(Waits.CROWD);
        pump(members, deadline);
        List<String> problems = problems(members, deadline);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + members.size() + " concurrent clients did not get their own "
                    + bytesEach + " bytes back intact\n" + "Each client sent records such as "
                    + Bytes.show(Arrays.copyOf(CrowdPayload.of(7, CrowdPayload.RECORD), CrowdPayload.RECORD))
                    + " (client 7, record 0).\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "\n  (and " + (problems.size() - 10) + " more)" : ""));
        }
    }

    private static List<String> problems(List<CrowdMember> clients, Deadline deadline) {
        List<String> problems = new ArrayList<>();
        for (CrowdMember member : clients) {
            String problem = member.problem(deadline.describe());
            if (problem != null) {
                problems.add("client " + member.number + " " + problem);
            }
        }
        return problems;
    }

    private void pump(List<CrowdMember> clients, Deadline deadline) {
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        try {
            for (CrowdMember member : clients) {
                member.channel.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE, member);
            }
            while (!deadline.hasExpired() && clients.stream().anyMatch(member -> !member.done())) {
                selector.select(deadline.remainingMillis());
                for (SelectionKey key : selector.selectedKeys()) {
                    CrowdMember member = (CrowdMember) key.attachment();
                    if (member.done()) {
                        key.interestOps(0);
                        continue;
                    }
                    if (key.isWritable() && member.write()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    if (key.isReadable()) {
                        member.read(in, peer);
                    }
                }
                selector.selectedKeys().clear();
            }
            for (CrowdMember member : clients) {
                member.channel.keyFor(selector).interestOps(0);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the grader's crowd of clients failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
        members.forEach(CrowdMember::close);
    }
}

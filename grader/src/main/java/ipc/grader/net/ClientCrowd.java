package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import ipc.grader.time.Deadline;
import ipc.grader.time.KernelPolling;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Many clients of one server at the same time, all driven from one grader thread by a selector:
 * a hundred connections cost the grader no hundred threads. Used to show that a server serves
 * clients concurrently and keeps their bytes apart.
 *
 * <p>The clients connect in batches, and must not be lost to the server's accept queue (a default
 * backlog of 50). Where the kernel's socket table shows the queue (Linux), a batch waits while
 * too many connections wait in it. Elsewhere the queue cannot be seen, and past the backlog Linux
 * and macOS drop a connection attempt (the client's kernel tries again a moment later) while
 * Windows refuses it: there a refused connection is tried again, as the other systems do by
 * themselves, so a correct server never loses points to its backlog.
 */
public final class ClientCrowd implements AutoCloseable {

    /**
     * Connections the grader lets wait in the server's accept queue where it can read the queue.
     * The queue is read every {@value #CONNECTS_BETWEEN_CHECKS} connects, so it never exceeds
     * their sum, well below a default backlog of 50.
     */
    private static final int MAX_WAITING_TO_BE_ACCEPTED = 24;
    private static final int CONNECTS_BETWEEN_CHECKS = 16;
    private static final int CLIENTS_PER_BUDGET = 250;

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

    /** As {@link #connect(int, String, int)}; where {@code queueVisible} is false, refused connections are tried again. */
    static ClientCrowd connect(int port, String peer, int size, boolean queueVisible) {
        Selector selector;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ClientCrowd crowd = new ClientCrowd(port, peer, selector);
        try {
            crowd.connectAll(size, queueVisible, Deadline.in(budget(size)));
        } catch (RuntimeException | Error e) {
            crowd.close();
            throw e;
        }
        return crowd;
    }

    /**
     * Connects in batches of {@value #CONNECTS_BETWEEN_CHECKS}: a batch is started at once and
     * finished through the selector; between batches, the accept queue is read where it can be.
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
                connectBatch(Math.min(CONNECTS_BETWEEN_CHECKS, size - members.size()), size, !queueVisible, deadline);
            }
        } catch (IOException e) {
            throw new AssertionError("client " + (members.size() + 1) + " of " + size + " could not connect to " + peer
                    + ": " + e.getMessage(), e);
        }
    }

    /** Connects the next {@code count} clients; a refused one is tried again while {@code retryRefused}. */
    private void connectBatch(int count, int size, boolean retryRefused, Deadline deadline) throws IOException {
        int first = members.size() + 1;
        CrowdMember[] batch = new CrowdMember[count];
        Deque<Integer> toConnect = new ArrayDeque<>();
        IntStream.range(first, first + count).forEach(toConnect::add);
        int pending = 0;
        int refusals = 0;
        try {
            while (!toConnect.isEmpty() || pending > 0) {
                if (deadline.hasExpired()) {
                    keep(batch);
                    throw notAllAccepted(size, deadline);
                }
                while (!toConnect.isEmpty()) {
                    int number = toConnect.poll();
                    SocketChannel channel = SocketChannel.open();
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    if (channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                        batch[number - first] = new CrowdMember(number, channel);
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT, number);
                        pending++;
                    }
                }
                List<Integer> refused = new ArrayList<>();
                selector.select(deadline.remainingMillis());
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    int number = (Integer) key.attachment();
                    try {
                        if (key.isConnectable() && channel.finishConnect()) {
                            key.interestOps(0);
                            key.attach(null);
                            batch[number - first] = new CrowdMember(number, channel);
                            pending--;
                        }
                    } catch (ConnectException e) {
                        if (!retryRefused) {
                            throw e;
                        }
                        channel.close();
                        pending--;
                        refused.add(number);
                    }
                }
                selector.selectedKeys().clear();
                if (!refused.isEmpty()) {
                    selector.select(KernelPolling.pauseBefore(++refusals).toMillis());
                    toConnect.addAll(refused);
                }
            }
        } finally {
            // Connected clients are the crowd's to close; a connection still pending is closed here.
            keep(batch);
            selector.keys().stream().filter(key -> key.attachment() instanceof Integer)
                    .forEach(key -> Closing.quietly((SocketChannel) key.channel()));
        }
    }

    /** Adds the batch's connected clients to the crowd, once. */
    private void keep(CrowdMember[] batch) {
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] != null) {
                members.add(batch[i]);
                batch[i] = null;
            }
        }
    }

    private AssertionError notAllAccepted(int size, Deadline deadline) {
        int connected = (int) members.stream().filter(member -> member.channel.isConnected()).count();
        OptionalInt waiting = KernelSockets.acceptQueue(port);
        return new AssertionError(peer + " accepted " + (waiting.isPresent() ? String.valueOf(connected - waiting.getAsInt())
                : "fewer than " + size) + " of " + size + " clients within " + deadline.describe()
                + ": the others waited in the queue of connections that nobody accept()s"
                + (waiting.isPresent() ? "." : ", or were refused."));
    }

    /**
     * The time {@code size} clients get to connect, or to be echoed: {@link Waits#CROWD} for up to
     * {@value #CLIENTS_PER_BUDGET}, and as much again for each {@value #CLIENTS_PER_BUDGET} more, since
     * many gradings at once on two cores (a class, the meta-tests) share the machine's time.
     */
    static Duration budget(int size) {
        return Waits.CROWD.multipliedBy(Math.max(1, (size + CLIENTS_PER_BUDGET - 1) / CLIENTS_PER_BUDGET));
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
        Deadline deadline = Deadline.in(budget(members.size()));
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

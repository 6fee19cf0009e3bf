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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Many clients of one server at the same time, all driven from one grader thread by a selector:
 * a hundred connections cost the grader no hundred threads. Used to show that a server serves
 * clients concurrently and keeps their bytes apart.
 */
public final class ClientCrowd implements AutoCloseable {

    /**
     * Connections the grader lets wait in the server's accept queue; more would overflow a default
     * backlog of 50, and the kernel would drop connection attempts (retried only a second later).
     * The queue is read every {@value #CONNECTS_BETWEEN_CHECKS} connects, so it never exceeds
     * their sum.
     */
    private static final int MAX_WAITING_TO_BE_ACCEPTED = 24;
    private static final int CONNECTS_BETWEEN_CHECKS = 16;
    /** Bytes per record of a client's payload: {@code "042|00000000007\n"}. */
    private static final int RECORD = 16;

    private final int port;
    private final String peer;
    private final Selector selector;
    private final List<Member> members = new ArrayList<>();

    private static final class Member {
        final int number;
        final SocketChannel channel;
        ByteBuffer toSend;
        byte[] expected;
        byte[] received;
        int receivedLength;
        String problem;

        Member(int number, SocketChannel channel) {
            this.number = number;
            this.channel = channel;
        }

        boolean done() {
            return problem != null || expected != null && receivedLength >= expected.length;
        }
    }

    private ClientCrowd(int port, String peer, Selector selector) {
        this.port = port;
        this.peer = peer;
        this.selector = selector;
    }

    /**
     * Connects {@code size} clients, holding back while too many wait to be accepted, and fails
     * with how many the server accepted if they are not all connected within the deadline.
     */
    public static ClientCrowd connect(int port, String peer, int size) {
        Selector selector;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ClientCrowd crowd = new ClientCrowd(port, peer, selector);
        try {
            crowd.connectAll(size, Deadline.in(Waits.CROWD));
        } catch (RuntimeException | Error e) {
            crowd.close();
            throw e;
        }
        return crowd;
    }

    /**
     * Connects in batches of {@value #CONNECTS_BETWEEN_CHECKS}: a batch is started at once and
     * finished through the selector, and the server's accept queue is read between batches.
     */
    private void connectAll(int size, Deadline deadline) {
        int connected = 0;
        int looksBehind = 0;
        try {
            while (connected < size) {
                if (deadline.hasExpired()) {
                    throw notAllAccepted(connected, size, deadline);
                }
                OptionalInt waiting = KernelSockets.acceptQueue(port);
                if (waiting.isPresent() && waiting.getAsInt() >= MAX_WAITING_TO_BE_ACCEPTED) {
                    // Let the server catch up with accept(), looking again on the kernel's schedule.
                    selector.select(KernelPolling.pauseBefore(++looksBehind).toMillis());
                    continue;
                }
                looksBehind = 0;
                int pending = 0;
                for (int i = 0; i < CONNECTS_BETWEEN_CHECKS && connected + pending < size; i++) {
                    SocketChannel channel = SocketChannel.open();
                    members.add(new Member(members.size() + 1, channel));
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    if (channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                        connected++;
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT);
                        pending++;
                    }
                }
                while (pending > 0) {
                    if (deadline.hasExpired()) {
                        throw notAllAccepted(connected, size, deadline);
                    }
                    selector.select(deadline.remainingMillis());
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (key.isConnectable() && ((SocketChannel) key.channel()).finishConnect()) {
                            key.interestOps(0);
                            connected++;
                            pending--;
                        }
                    }
                    selector.selectedKeys().clear();
                }
            }
        } catch (IOException e) {
            throw new AssertionError("client " + members.size() + " of " + size + " could not connect to " + peer
                    + ": " + e.getMessage(), e);
        }
    }

    private AssertionError notAllAccepted(int connected, int size, Deadline deadline) {
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
        for (Member member : members) {
            member.expected = payload(member.number, bytesEach);
            member.received = new byte[bytesEach];
            member.toSend = ByteBuffer.wrap(member.expected);
        }
        Deadline deadline = Deadline.in(Waits.CROWD);
        pump(deadline);
        List<String> problems = new ArrayList<>();
        for (Member member : members) {
            if (member.problem == null && member.receivedLength < bytesEach) {
                member.problem = "got " + member.receivedLength + " of its " + bytesEach + " bytes back within "
                        + deadline.describe();
            }
            if (member.problem != null) {
                problems.add("client " + member.number + " " + member.problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + members.size() + " concurrent clients did not get their own "
                    + bytesEach + " bytes back intact\n" + "Each client sent records such as "
                    + Bytes.show(Arrays.copyOf(payload(7, RECORD), RECORD)) + " (client 7, record 0).\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "\n  (and " + (problems.size() - 10) + " more)" : ""));
        }
    }

    private void pump(Deadline deadline) {
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        try {
            for (Member member : members) {
                member.channel.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE, member);
            }
            while (!deadline.hasExpired() && members.stream().anyMatch(member -> !member.done())) {
                selector.select(deadline.remainingMillis());
                for (SelectionKey key : selector.selectedKeys()) {
                    Member member = (Member) key.attachment();
                    if (member.done()) {
                        key.interestOps(0);
                        continue;
                    }
                    if (key.isWritable()) {
                        member.channel.write(member.toSend);
                        if (!member.toSend.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    }
                    if (key.isReadable()) {
                        read(member, in);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the grader's crowd of clients failed: " + e.getMessage(), e);
        }
    }

    private void read(Member member, ByteBuffer in) {
        in.clear();
        int n;
        try {
            n = member.channel.read(in);
        } catch (IOException e) {
            member.problem = "was reset by " + peer + " (" + e.getMessage() + ")";
            return;
        }
        if (n < 0) {
            member.problem = "was closed by " + peer + " after " + member.receivedLength + " bytes";
            return;
        }
        int from = member.receivedLength;
        if (from + n > member.expected.length) {
            member.problem = "got " + (from + n - member.expected.length) + " bytes more than it sent";
            return;
        }
        System.arraycopy(in.array(), 0, member.received, from, n);
        member.receivedLength += n;
        int at = Arrays.mismatch(member.received, from, from + n, member.expected, from, from + n);
        if (at >= 0) {
            member.problem = describeMismatch(member, from + at);
        }
    }

    private static String describeMismatch(Member member, int at) {
        int recordStart = at - at % RECORD;
        int recordEnd = Math.min(member.receivedLength, recordStart + RECORD);
        byte[] got = Arrays.copyOfRange(member.received, recordStart, recordEnd);
        String record = new String(got, StandardCharsets.US_ASCII);
        String detail = "got " + Bytes.show(got) + " at byte " + recordStart;
        if (record.length() >= 3 && record.substring(0, 3).chars().allMatch(Character::isDigit)
                && Integer.parseInt(record.substring(0, 3)) != member.number % 1000) {
            return detail + ": bytes sent by client " + Integer.parseInt(record.substring(0, 3)) + " (cross-talk between clients)";
        }
        return detail + ", expected " + Bytes.show(Arrays.copyOfRange(member.expected, recordStart,
                Math.min(member.expected.length, recordStart + RECORD)));
    }

    /** Client {@code number}'s payload: 16-byte records that name the client and count up. */
    static byte[] payload(int number, int length) {
        byte[] data = new byte[length];
        byte[] record = new byte[RECORD];
        writeDigits(record, 0, 3, number % 1000);
        record[3] = '|';
        record[RECORD - 1] = '\n';
        for (int offset = 0, index = 0; offset < length; offset += RECORD, index++) {
            writeDigits(record, 4, 11, index);
            System.arraycopy(record, 0, data, offset, Math.min(RECORD, length - offset));
        }
        return data;
    }

    /** {@code value} as {@code width} zero-padded decimal digits at {@code at}; formatting 400,000 records must be cheap. */
    private static void writeDigits(byte[] into, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Member member : members) {
            try {
                member.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

package ipc.grader.fault;

import ipc.grader.feedback.Bytes;
import ipc.grader.net.LeasedBind;
import ipc.grader.net.PortLease;
import ipc.grader.net.ServerEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A UDP relay on loopback between a student program and the grader (or the other way round) that
 * loses, doubles or swaps datagrams by a {@link DatagramPlan}: the network misbehaviour UDP
 * programs must survive, made to happen on cue instead of by luck.
 *
 * <p>Datagrams sent to {@link #port()} go on to the target from the relay's own socket; what the
 * target sends back goes to whoever sent to the relay last. One thread does all of it; it ends
 * when the relay closes.
 */
public final class DatagramRelay implements ServerEndpoint, AutoCloseable {

    /** A datagram held back to be swapped goes out at the latest after this, even if none follows it. */
    private static final long HOLD_MILLIS = 500;
    private static final long JOIN_MILLIS = 2_000;

    private final int targetPort;
    private final String targetName;
    private DatagramPlan plan = DatagramPlan.deliverAll();
    private PortLease lease;
    private DatagramChannel front;
    private DatagramChannel back;
    private Selector selector;
    private Thread thread;
    private volatile boolean closed;
    private SocketAddress lastSender;
    private final Map<Direction, DatagramPlan.Fates> fates = new EnumMap<>(Direction.class);
    private final Map<Direction, Integer> counts = new EnumMap<>(Direction.class);
    /** Datagrams held back, newest first: each goes out right after the one that followed it. */
    private final Map<Direction, Deque<Held>> held = new EnumMap<>(Map.of(
            Direction.REQUESTS, new ArrayDeque<>(), Direction.RESPONSES, new ArrayDeque<>()));
    private final List<String> log = new ArrayList<>();
    private final Map<Direction, List<byte[]>> dropped = new EnumMap<>(Map.of(
            Direction.REQUESTS, new ArrayList<>(), Direction.RESPONSES, new ArrayList<>()));

    private record Held(byte[] payload, long since) {
    }

    private DatagramRelay(int targetPort, String targetName) {
        this.targetPort = targetPort;
        this.targetName = targetName;
    }

    /** A relay in front of UDP port {@code targetPort} on 127.0.0.1; {@code targetName} names it in messages. */
    public static DatagramRelay to(int targetPort, String targetName) {
        return new DatagramRelay(targetPort, targetName);
    }

    public DatagramRelay following(DatagramPlan plan) {
        this.plan = plan;
        return this;
    }

    /** Binds a leased UDP port and starts relaying. */
    public DatagramRelay start() {
        LeasedBind<DatagramChannel> bound = LeasedBind.udp("the grader's UDP relay", port -> {
            DatagramChannel channel = DatagramChannel.open();
            try {
                return channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        });
        lease = bound.lease();
        front = bound.bound();
        try {
            back = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            front.configureBlocking(false);
            back.configureBlocking(false);
            selector = Selector.open();
            front.register(selector, SelectionKey.OP_READ, Direction.REQUESTS);
            back.register(selector, SelectionKey.OP_READ, Direction.RESPONSES);
        } catch (IOException e) {
            close();
            throw new IllegalStateException("the grader's UDP relay could not start: " + e.getMessage(), e);
        }
        for (Direction direction : Direction.values()) {
            fates.put(direction, plan.fates(direction));
            counts.put(direction, 0);
        }
        thread = new Thread(this::relay, "sockgrader-relay-" + lease.port());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public int port() {
        return lease.port();
    }

    /** For messages: what the relay does, with any seed. */
    public String describe() {
        return "the grader's UDP relay in front of " + targetName + ", which " + plan.describe();
    }

    /** What happened to each datagram so far, in order, for messages. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** The payloads dropped so far going {@code direction}, in order. */
    public synchronized List<byte[]> dropped(Direction direction) {
        return List.copyOf(dropped.get(direction));
    }

    private void relay() {
        ByteBuffer buffer = ByteBuffer.allocate(65_507);
        try {
            while (!closed) {
                selector.select(HOLD_MILLIS / 5);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    Direction direction = (Direction) key.attachment();
                    buffer.clear();
                    SocketAddress sender;
                    while ((sender = channel.receive(buffer)) != null) {
                        if (direction == Direction.REQUESTS) {
                            lastSender = sender;
                        }
                        handle(direction, Arrays.copyOf(buffer.array(), buffer.position()));
                        buffer.clear();
                    }
                }
                selector.selectedKeys().clear();
                releaseOverdue();
            }
        } catch (IOException e) {
            if (!closed) {
                record("relay stopped: " + e.getMessage());
            }
        }
    }

    private void handle(Direction direction, byte[] payload) throws IOException {
        int number = counts.merge(direction, 1, Integer::sum);
        DatagramPlan.Fate fate = fates.get(direction).of(number);
        record((direction == Direction.REQUESTS ? "datagram " + number + " to " + targetName
                : "datagram " + number + " from " + targetName) + " " + Bytes.show(payload) + ": " + words(fate));
        switch (fate) {
            case DROP -> {
                synchronized (this) {
                    dropped.get(direction).add(payload);
                }
                return;
            }
            case SWAP_WITH_NEXT -> {
                held.get(direction).push(new Held(payload, System.nanoTime()));
                return;
            }
            case DUPLICATE -> {
                forward(direction, payload);
                forward(direction, payload);
            }
            case DELIVER -> forward(direction, payload);
        }
        releaseHeld(direction);
    }

    /** Sends every held datagram, newest first: two swaps in a row turn 1 2 3 into 3 2 1. */
    private void releaseHeld(Direction direction) throws IOException {
        Held waiting;
        while ((waiting = held.get(direction).poll()) != null) {
            forward(direction, waiting.payload());
        }
    }

    private void releaseOverdue() throws IOException {
        for (Direction direction : Direction.values()) {
            Held oldest = held.get(direction).peekLast();
            if (oldest != null && System.nanoTime() - oldest.since() > HOLD_MILLIS * 1_000_000) {
                releaseHeld(direction);
            }
        }
    }

    private void forward(Direction direction, byte[] payload) throws IOException {
        if (direction == Direction.REQUESTS) {
            back.send(ByteBuffer.wrap(payload), new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } else if (lastSender != null) {
            front.send(ByteBuffer.wrap(payload), lastSender);
        }
    }

    private static String words(DatagramPlan.Fate fate) {
        return switch (fate) {
            case DELIVER -> "delivered";
            case DROP -> "dropped";
            case DUPLICATE -> "delivered twice";
            case SWAP_WITH_NEXT -> "held back until the next one had gone";
        };
    }

    private synchronized void record(String line) {
        log.add(line);
    }

    @Override
    public void close() {
        closed = true;
        if (selector != null) {
            selector.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (java.io.Closeable closeable : new java.io.Closeable[] {selector, front, back}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (IOException e) {
                // closing the rest anyway
            }
        }
        if (lease != null) {
            lease.close();
        }
    }

    @Override
    public String toString() {
        return "UDP relay to port " + targetPort;
    }
}

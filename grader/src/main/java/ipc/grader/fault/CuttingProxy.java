package ipc.grader.fault;

import ipc.grader.net.Closing;
import ipc.grader.net.LeasedBind;
import ipc.grader.net.PacedDelivery;
import ipc.grader.net.PortLease;
import ipc.grader.net.ServerEndpoint;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that stands between the grader and a student program and re-cuts the
 * byte stream on its way through: one byte per segment, random pieces from a seed, several writes
 * joined into one segment, pauses between pieces. The bytes themselves pass unchanged, and so do
 * half-closes and resets, so a correct program cannot tell the proxy is there; one that assumes a
 * read returns one whole message fails every time.
 *
 * <pre>{@code
 * try (CuttingProxy proxy = CuttingProxy.to(serverPort, "EchoServer")
 *         .cuttingRequests(Cut.oneBytePerSegment())
 *         .start()) {
 *     // connect to proxy.port() instead of serverPort
 * }
 * }</pre>
 *
 * <p>Requests are the bytes from whoever connects to the proxy towards the target; responses come
 * back. Each direction of each connection is pumped by its own thread, all of which end when the
 * proxy closes.
 *
 * <p>No library on Maven Central fits: Toxiproxy needs its own server binary, and the JDK-only
 * proxies found slice by time, not by a replayable plan. This one is small and tested on its own.
 */
public final class CuttingProxy implements ServerEndpoint, AutoCloseable {

    private static final long JOIN_MILLIS = 2_000;

    private final int targetPort;
    private final String targetName;
    private Cut requests = Cut.asSent();
    private Cut responses = Cut.asSent();
    private PortLease lease;
    private ServerSocket listener;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<Direction, Flow> flows = new EnumMap<>(Map.of(
            Direction.REQUESTS, new Flow(), Direction.RESPONSES, new Flow()));
    private volatile boolean closed;

    private CuttingProxy(int targetPort, String targetName) {
        this.targetPort = targetPort;
        this.targetName = targetName;
    }

    /** A proxy in front of {@code 127.0.0.1:targetPort}; {@code targetName} names it in messages. */
    public static CuttingProxy to(int targetPort, String targetName) {
        return new CuttingProxy(targetPort, targetName);
    }

    /** How to cut the bytes that go towards the target. */
    public CuttingProxy cuttingRequests(Cut cut) {
        this.requests = cut;
        return this;
    }

    /** How to cut the bytes that come back from the target. */
    public CuttingProxy cuttingResponses(Cut cut) {
        this.responses = cut;
        return this;
    }

    /** Listens on a leased loopback port and starts accepting. */
    public CuttingProxy start() {
        LeasedBind<ServerSocket> bound = LeasedBind.tcp("the grader's proxy", port -> {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        });
        lease = bound.lease();
        listener = bound.bound();
        spawn("accept", this::acceptLoop);
        return this;
    }

    @Override
    public int port() {
        if (lease == null) {
            throw new IllegalStateException("the proxy has not started");
        }
        return lease.port();
    }

    /** For messages: what the proxy does, in the student's terms, with any seed. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!requests.isAsSent()) {
            parts.add("what was sent to " + targetName + " into " + requests.describe());
        }
        if (!responses.isAsSent()) {
            parts.add("what " + targetName + " sent back into " + responses.describe());
        }
        return parts.isEmpty() ? "a proxy that passes bytes on as they come"
                : "the grader's proxy, which cut " + String.join(", and ", parts);
    }

    /** Who the proxy stands in front of, for messages. */
    public String targetName() {
        return targetName;
    }

    /** Bytes delivered so far going {@code direction}, over all connections. */
    public long delivered(Direction direction) {
        return flows.get(direction).bytes.get();
    }

    /** How far this proxy has got in passing bytes on going {@code direction}, for a sender that waits on it. */
    public PacedDelivery pacing(Direction direction) {
        Flow flow = flows.get(direction);
        return new PacedDelivery() {
            @Override
            public long delivered() {
                return flow.bytes.get();
            }

            @Override
            public boolean ended() {
                return closed || connections.get() > 0 && flow.pumping.get() == 0;
            }
        };
    }

    /**
     * Fails unless all {@code total} bytes sent going {@code direction} were delivered to
     * {@code receiver}: a program that took a piece of a message for a whole one often finishes (or
     * closes) before the rest arrives, and this is where that shows, whatever the timing. Waits
     * while the delivery is still under way.
     */
    public void expectDelivered(Direction direction, long total, String receiver) {
        Flow flow = flows.get(direction);
        Deadline deadline = Deadline.in(Waits.REPLY);
        Poll.named(receiver + " to take " + total + " bytes").stoppingWhen(() -> flow.pumping.get() == 0)
                .until(deadline, () -> flow.bytes.get() >= total); // the outcome is judged below, from the bytes
        long got = flow.bytes.get();
        if (got < total) {
            throw new AssertionError(receiver + " took only " + got + " of the " + total + " bytes sent to it before it "
                    + (flow.pumping.get() == 0 ? "closed the connection" : "stopped reading") + "; " + describe()
                    + ".\nA program that treats each read() as one whole message gets ahead of the data like this: "
                    + "it answers, or finishes, before the rest of a message has arrived.");
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket incoming;
            try {
                incoming = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            int number = connections.get() + 1; // counted once its pumps exist, below
            Socket outgoing = new Socket();
            if (!track(incoming) || !track(outgoing)) {
                return;
            }
            try {
                incoming.setTcpNoDelay(true);
                outgoing.setTcpNoDelay(true);
                outgoing.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort),
                        (int) Deadline.in(Waits.STARTUP).remainingMillis());
            } catch (IOException e) {
                // The target is not there: the connector sees a reset, as it would without the proxy.
                StreamPump.abort(incoming);
                StreamPump.abort(outgoing);
                continue;
            }
            StreamPump.Pair pair = new StreamPump.Pair(incoming, outgoing);
            spawn(number + "-requests", new StreamPump(incoming, outgoing, requests, pair,
                    flows.get(Direction.REQUESTS), () -> closed));
            spawn(number + "-responses", new StreamPump(outgoing, incoming, responses, pair,
                    flows.get(Direction.RESPONSES), () -> closed));
            // Not before: a connection counted with no pump yet looked ended (see pacing), and a sender
            // then started its reply deadline while the paced delivery had not even begun.
            connections.incrementAndGet();
        }
    }

    private synchronized boolean track(Socket socket) {
        if (closed) {
            StreamPump.abort(socket);
            return false;
        }
        sockets.add(socket);
        return true;
    }

    private synchronized void spawn(String role, Runnable work) {
        if (closed) {
            return;
        }
        Thread thread = new Thread(work, "sockgrader-proxy-" + lease.port() + "-" + role);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Stops accepting, closes every connection through the proxy and waits for its threads to end. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(threads);
            try {
                if (listener != null) {
                    listener.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            sockets.forEach(Closing::quietly);
        }
        Deadline deadline = Deadline.in(Duration.ofMillis(JOIN_MILLIS));
        for (Thread thread : running) {
            try {
                thread.join(deadline.remainingMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (lease != null) {
            lease.close();
        }
    }

    /** Bytes delivered one way, and how many pumps still carry them. */
    static final class Flow {
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger pumping = new AtomicInteger();
    }

    @Override
    public String toString() {
        return lease == null ? "proxy to port " + targetPort : "proxy on port " + lease.port() + " to port " + targetPort;
    }
}

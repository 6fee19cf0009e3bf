package ipc.grader.fault;

import ipc.grader.net.Closing;
import ipc.grader.net.PeerProgress;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** One direction of one proxied connection: reads from one socket, writes to the other, cut by a {@link Cut}. */
final class StreamPump implements Runnable {

    private static final int BUFFER = 64 * 1024;
    /** Coalescing stops gathering at this size, so a sender that never pauses still gets through. */
    private static final int MOST_GATHERED = 1024 * 1024;

    private final Socket from;
    private final Socket to;
    private final Cut cut;
    private final Pair pair;
    private final CuttingProxy.Flow flow;
    private final BooleanSupplier proxyClosed;
    private final Cut.PieceSizes sizes;
    /** Cleared once the receiver leaves a piece unread for long: waiting on it again would only add up. */
    private boolean receiverReads;

    StreamPump(Socket from, Socket to, Cut cut, Pair pair, CuttingProxy.Flow flow, BooleanSupplier proxyClosed) {
        this.from = from;
        this.to = to;
        this.cut = cut;
        this.pair = pair;
        this.flow = flow;
        flow.pumping.incrementAndGet(); // counted from creation, so no gap before the thread runs
        this.proxyClosed = proxyClosed;
        this.sizes = cut.pieceSizes();
        this.receiverReads = cut.eachReadBeforeNext();
    }

    @Override
    public void run() {
        try {
            pump();
        } finally {
            flow.pumping.decrementAndGet();
        }
    }

    private void pump() {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    to.shutdownOutput(); // pass the half-close on
                    pair.directionDone();
                    return;
                }
                if (cut.coalesces()) {
                    Gathered gathered = gather(in, buffer, n);
                    deliver(out, gathered.bytes, gathered.bytes.length);
                    if (gathered.ended) {
                        to.shutdownOutput();
                        pair.directionDone();
                        return;
                    }
                } else {
                    deliver(out, buffer, n);
                }
            }
        } catch (IOException e) {
            if (!proxyClosed.getAsBoolean()) {
                // A reset on one side, or a write into a closed one: the other side sees a reset too.
                pair.abort();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(OutputStream out, byte[] data, int length) throws IOException, InterruptedException {
        int offset = 0;
        while (offset < length) {
            int size = Math.min(sizes.next(), length - offset);
            out.write(data, offset, size); // a socket stream is unbuffered: one write, one segment
            offset += size;
            flow.bytes.addAndGet(size);
            if (receiverReads) {
                receiverReads = PeerProgress.awaitRead(to.getLocalPort(), to.getPort(), Deadline.in(Waits.CONSUME));
            }
            if (!cut.pause().isZero()) {
                // Pacing the stream, not waiting for a condition.
                TimeUnit.MILLISECONDS.sleep(cut.pause().toMillis());
            }
        }
    }

    private record Gathered(byte[] bytes, boolean ended) {
    }

    /** Reads on until the sender has been quiet for the linger time, so its writes go out as one. */
    private Gathered gather(InputStream in, byte[] buffer, int first) throws IOException {
        ByteArrayOutputStream gathered = new ByteArrayOutputStream();
        gathered.write(buffer, 0, first);
        from.setSoTimeout((int) Math.max(1, Deadline.in(cut.linger()).remainingMillis()));
        try {
            while (gathered.size() < MOST_GATHERED) {
                int n = in.read(buffer);
                if (n < 0) {
                    return new Gathered(gathered.toByteArray(), true);
                }
                gathered.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // the sender paused: what we have goes out as one segment
        } finally {
            from.setSoTimeout(0);
        }
        return new Gathered(gathered.toByteArray(), false);
    }

    /** Both directions of one connection: closed together once both have ended. */
    static final class Pair {
        private final Socket a;
        private final Socket b;
        private final AtomicInteger open = new AtomicInteger(2);

        Pair(Socket a, Socket b) {
            this.a = a;
            this.b = b;
        }

        void directionDone() {
            if (open.decrementAndGet() == 0) {
                Closing.quietly(a);
                Closing.quietly(b);
            }
        }

        void abort() {
            StreamPump.abort(a);
            StreamPump.abort(b);
        }
    }

    /** Closes with a reset (SO_LINGER 0), as a crashed peer would. */
    static void abort(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // closing anyway
        }
        Closing.quietly(socket);
    }

}

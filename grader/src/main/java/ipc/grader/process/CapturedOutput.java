package ipc.grader.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One output stream of a student program, drained on its own thread so the program never blocks on
 * a full pipe, and kept within a fixed size: the first {@value #HEAD} bytes and the last
 * {@value #TAIL}. A program that floods its output costs the grader no memory.
 */
final class CapturedOutput {

    static final int HEAD = 32 * 1024;
    static final int TAIL = 16 * 1024;

    private final byte[] head = new byte[HEAD];
    private final byte[] tail = new byte[TAIL];
    private int headLength;
    private long total;
    private final Thread drainer;
    private final InputStream stream;

    CapturedOutput(InputStream stream, String threadName) {
        this.stream = stream;
        this.drainer = new Thread(this::drain, threadName);
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    private void drain() {
        byte[] chunk = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(chunk)) != -1) {
                append(chunk, n);
            }
        } catch (IOException e) {
            // The pipe closed under us: the program is gone, and what we have is all there is.
        }
    }

    private synchronized void append(byte[] chunk, int n) {
        int toHead = Math.min(n, HEAD - headLength);
        System.arraycopy(chunk, 0, head, headLength, toHead);
        headLength += toHead;
        for (int i = toHead; i < n; i++) {
            // Byte number k past the head lands in tail[k % TAIL]: a ring that keeps the last TAIL bytes.
            tail[(int) ((total + i - HEAD) % TAIL)] = chunk[i];
        }
        total += n;
    }

    /** Everything kept, as UTF-8 text, with a marker where bytes were cut. */
    synchronized String text() {
        if (total <= HEAD) {
            return new String(head, 0, headLength, StandardCharsets.UTF_8);
        }
        long beyondHead = total - HEAD;
        int kept = (int) Math.min(beyondHead, TAIL);
        byte[] end = new byte[kept];
        long start = beyondHead - kept;
        for (int i = 0; i < kept; i++) {
            end[i] = tail[(int) ((start + i) % TAIL)];
        }
        String cut = beyondHead > kept ? "\n[... " + (beyondHead - kept) + " bytes of output cut ...]\n" : "";
        return new String(head, 0, HEAD, StandardCharsets.UTF_8) + cut + new String(end, StandardCharsets.UTF_8);
    }

    synchronized long totalBytes() {
        return total;
    }

    /** Waits for the stream to end (the process and every holder of the pipe gone), within a bound. */
    boolean awaitEnd(long timeout, TimeUnit unit) {
        try {
            drainer.join(unit.toMillis(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !drainer.isAlive();
    }
}

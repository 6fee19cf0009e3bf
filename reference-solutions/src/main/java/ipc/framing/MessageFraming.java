package ipc.framing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Messages over a byte stream: each message is sent as a frame, a 4-byte big-endian length followed
 * by that many payload bytes. The length tells the reader where one message ends and the next one
 * begins, however the stream cuts the bytes into reads.
 */
public final class MessageFraming {

    /** The longest payload a frame may carry, 16 MiB. */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;

    private static final int HEADER_LENGTH = 4;

    private MessageFraming() {
    }

    /**
     * Writes {@code payload} as one frame and flushes.
     *
     * @throws IllegalArgumentException if the payload is longer than {@link #MAX_LENGTH}
     */
    public static void writeMessage(OutputStream out, byte[] payload) throws IOException {
        int length = payload.length;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("payload of " + length + " bytes is over the limit of " + MAX_LENGTH);
        }
        byte[] header = {
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
        };
        out.write(header);
        out.write(payload);
        out.flush();
    }

    /**
     * Reads one frame and returns its payload.
     *
     * @return the payload, or null if the stream ended cleanly, before the first byte of a frame
     * @throws EOFException if the stream ended inside a frame (in its header or its payload)
     * @throws IOException if the length is negative or over {@link #MAX_LENGTH}; no buffer of that
     *     size is allocated
     */
    public static byte[] readMessage(InputStream in) throws IOException {
        byte[] header = new byte[HEADER_LENGTH];
        int got = readFully(in, header);
        if (got == 0) {
            return null;
        }
        if (got < HEADER_LENGTH) {
            throw new EOFException("stream ended after " + got + " of the " + HEADER_LENGTH + " length bytes");
        }
        int length = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16)
                | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        // Check before allocating: the length comes from the peer, and a wrong one must not cost memory.
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("bad frame length " + length + ": must be between 0 and " + MAX_LENGTH);
        }
        byte[] payload = new byte[length];
        int read = readFully(in, payload);
        if (read < length) {
            throw new EOFException("stream ended after " + read + " of the " + length + " payload bytes");
        }
        return payload;
    }

    /**
     * Reads until {@code buffer} is full or the stream ends, and returns how many bytes it holds.
     * One read may return any part of what was sent, even nothing: only -1 means the end.
     */
    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}

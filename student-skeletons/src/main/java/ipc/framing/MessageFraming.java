package ipc.framing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Exercise {@code framing}. See {@code exercises/framing/README.md}.
 *
 * <p>Messages over a byte stream: each message is sent as a frame, a 4-byte big-endian length
 * followed by that many payload bytes.
 */
public final class MessageFraming {

    /** The longest payload a frame may carry, 16 MiB. */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;

    private MessageFraming() {
    }

    /**
     * Writes {@code payload} as one frame: its length as 4 bytes, most significant byte first
     * (big-endian), then the payload bytes; then flushes.
     *
     * @throws IllegalArgumentException if the payload is longer than {@link #MAX_LENGTH}
     */
    public static void writeMessage(OutputStream out, byte[] payload) throws IOException {
        // TODO: refuse a payload longer than MAX_LENGTH with an IllegalArgumentException.
        // TODO: write the 4 length bytes (big-endian), then the payload, then flush.
        throw new UnsupportedOperationException("TODO: MessageFraming.writeMessage is not written yet");
    }

    /**
     * Reads one frame and returns its payload.
     *
     * @return the payload, or null if the stream ended cleanly, before the first byte of a frame
     * @throws EOFException if the stream ended inside a frame: after 1 to 3 length bytes, or
     *     before the whole payload arrived
     * @throws IOException if the length is negative or over {@link #MAX_LENGTH}; it is refused
     *     before any buffer of that size is allocated
     */
    public static byte[] readMessage(InputStream in) throws IOException {
        // TODO: read the 4 length bytes with your own loop. A read may return fewer bytes than you
        //       asked for, even 0 (then just read again); only -1 means the stream has ended. Do not
        //       use available(), and not DataInputStream.readInt either: you must tell a clean end
        //       (no byte at all: return null) from a cut header (1 to 3 bytes: EOFException).
        // TODO: check the length before allocating: negative or over MAX_LENGTH is an IOException
        //       whose message names the bad length and the limit.
        // TODO: read exactly that many payload bytes with the same loop; if the stream ends first,
        //       throw EOFException. Return the payload.
        throw new UnsupportedOperationException("TODO: MessageFraming.readMessage is not written yet");
    }
}

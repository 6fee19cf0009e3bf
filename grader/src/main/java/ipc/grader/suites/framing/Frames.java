package ipc.grader.suites.framing;

import java.util.Arrays;
import java.util.Random;

/** Frames as the exercise defines them: the payload's length in 4 big-endian bytes, then the payload. */
final class Frames {

    private Frames() {
    }

    static byte[] frame(byte[] payload) {
        return concat(header(payload.length), payload);
    }

    static byte[] header(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    static byte[] concat(byte[]... parts) {
        int total = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** {@code length} bytes of every value, the same on every run. */
    static byte[] randomPayload(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}

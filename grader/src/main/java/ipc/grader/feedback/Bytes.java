package ipc.grader.feedback;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shows bytes to a student safely: printable ASCII as itself, {@code \r \n \t} as escapes, every
 * other byte as {@code \xNN}, inside quotes; long data cut in the middle with the total length.
 * Nothing a submission sends can garble the report or flood it.
 */
public final class Bytes {

    /** Bytes shown in full; longer data keeps its head and tail. */
    static final int SHOWN = 96;
    private static final int HEAD = 64;
    private static final int TAIL = 24;

    private Bytes() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "ping-0\n"}, or {@code "…" (1048576 bytes)} with the middle cut when long. */
    public static String show(byte[] data) {
        return show(data, 0, data.length);
    }

    public static String show(byte[] data, int from, int to) {
        int length = to - from;
        if (length <= SHOWN) {
            return quote(data, from, to) + (length > 8 ? " (" + length + " bytes)" : "");
        }
        return quote(data, from, from + HEAD) + " ... " + quote(data, to - TAIL, to)
                + " (" + length + " bytes in all, middle cut)";
    }

    /** Where two byte sequences first differ, with a little context from both, or "" if equal. */
    public static String firstDifference(byte[] expected, byte[] actual) {
        int common = Math.min(expected.length, actual.length);
        int at = Arrays.mismatch(expected, actual);
        if (at < 0) {
            return "";
        }
        if (at >= common) {
            return expected.length > actual.length
                    ? "the first " + actual.length + " bytes are right, then " + (expected.length - actual.length)
                            + " bytes are missing, starting with " + show(slice(expected, at, 16))
                    : "all " + expected.length + " expected bytes are right, then " + (actual.length - expected.length)
                            + " extra bytes came: " + show(slice(actual, at, 16));
        }
        int from = Math.max(0, at - 8);
        return "first difference at byte " + at + ": expected " + quote(expected, at, at + 1) + ", got "
                + quote(actual, at, at + 1) + "; around it expected " + quote(expected, from, Math.min(expected.length, at + 8))
                + ", got " + quote(actual, from, Math.min(actual.length, at + 8));
    }

    private static byte[] slice(byte[] data, int from, int max) {
        return Arrays.copyOfRange(data, from, Math.min(data.length, from + max));
    }

    static String quote(byte[] data, int from, int to) {
        StringBuilder out = new StringBuilder(to - from + 2).append('"');
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        out.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

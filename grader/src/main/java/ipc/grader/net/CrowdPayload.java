package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What each client of a {@link ClientCrowd} sends: 16-byte records that name the client and count
 * up ({@code "042|00000000007\n"}), so a byte that comes back to the wrong client names the client
 * it was sent by.
 */
final class CrowdPayload {

    /** Bytes per record. */
    static final int RECORD = 16;

    private CrowdPayload() {
    }

    /** Client {@code number}'s payload of {@code length} bytes. */
    static byte[] of(int number, int length) {
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

    /** Where {@code received} first differs from {@code expected}, at byte {@code at}: its record, and whose it is. */
    static String describeMismatch(int client, byte[] received, int receivedLength, byte[] expected, int at) {
        int recordStart = at - at % RECORD;
        int recordEnd = Math.min(receivedLength, recordStart + RECORD);
        byte[] got = Arrays.copyOfRange(received, recordStart, recordEnd);
        String record = new String(got, StandardCharsets.US_ASCII);
        String detail = "got " + Bytes.show(got) + " at byte " + recordStart;
        if (record.length() >= 3 && record.substring(0, 3).chars().allMatch(Character::isDigit)
                && Integer.parseInt(record.substring(0, 3)) != client % 1000) {
            return detail + ": bytes sent by client " + Integer.parseInt(record.substring(0, 3)) + " (cross-talk between clients)";
        }
        return detail + ", expected " + Bytes.show(Arrays.copyOfRange(expected, recordStart,
                Math.min(expected.length, recordStart + RECORD)));
    }

    /** {@code value} as {@code width} zero-padded decimal digits at {@code at}; formatting 400,000 records must be cheap. */
    private static void writeDigits(byte[] into, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}

package ipc.grader.suites.framing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.InputStream;

/**
 * Input streams as awkward as a network can be, made with Mockito: every {@code InputStream}
 * method the student may call ({@code read(byte[])}, {@code readNBytes}, {@code DataInputStream}
 * on top) ends in the two stubbed {@code read} methods, so the stream's pace is ours to set.
 * {@code available()} says 0, as a socket often does.
 */
final class MockStreams {

    private MockStreams() {
    }

    /** Hands {@code data} out one byte per read; with {@code emptyReads}, a read of 0 bytes before each byte. */
    static InputStream oneBytePerRead(byte[] data, boolean emptyReads) throws IOException {
        InputStream in = mock(InputStream.class, CALLS_REAL_METHODS);
        int[] position = {0};
        boolean[] emptyNext = {emptyReads};
        doAnswer(call -> {
            byte[] buffer = call.getArgument(0);
            int offset = call.getArgument(1);
            int length = call.getArgument(2);
            if (length == 0) {
                return 0;
            }
            if (position[0] >= data.length) {
                return -1;
            }
            if (emptyNext[0]) {
                emptyNext[0] = false;
                return 0;
            }
            buffer[offset] = data[position[0]++];
            emptyNext[0] = emptyReads;
            return 1;
        }).when(in).read(any(byte[].class), anyInt(), anyInt());
        doAnswer(call -> position[0] < data.length ? data[position[0]++] & 0xff : -1).when(in).read();
        doReturn(0).when(in).available();
        return in;
    }

    /** Hands out {@code head}, then zero bytes for ever, as much per read as asked for. */
    static InputStream headThenEndlessZeros(byte[] head) throws IOException {
        InputStream in = mock(InputStream.class, CALLS_REAL_METHODS);
        long[] position = {0};
        doAnswer(call -> {
            byte[] buffer = call.getArgument(0);
            int offset = call.getArgument(1);
            int length = call.getArgument(2);
            for (int i = 0; i < length; i++) {
                long at = position[0]++;
                buffer[offset + i] = at < head.length ? head[(int) at] : 0;
            }
            return length;
        }).when(in).read(any(byte[].class), anyInt(), anyInt());
        doAnswer(call -> {
            long at = position[0]++;
            return at < head.length ? head[(int) at] & 0xff : 0;
        }).when(in).read();
        doReturn(0).when(in).available();
        return in;
    }
}

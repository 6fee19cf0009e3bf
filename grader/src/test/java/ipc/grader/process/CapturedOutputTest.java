package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;

class CapturedOutputTest {

    private static final int HEAD = CapturedOutput.HEAD;
    private static final int TAIL = CapturedOutput.TAIL;

    private static CapturedOutput drained(InputStream stream) {
        CapturedOutput output = new CapturedOutput(stream, "captured-output-test");
        assertThat(output.awaitEnd(10, TimeUnit.SECONDS)).as("stream drained").isTrue();
        return output;
    }

    private static InputStream oneByteAtATime(byte[] data) throws IOException {
        InputStream stream = mock(InputStream.class);
        AtomicInteger next = new AtomicInteger();
        Answer<Integer> oneByte = invocation -> {
            byte[] buffer = invocation.getArgument(0);
            int offset = invocation.getArguments().length == 3 ? invocation.<Integer>getArgument(1) : 0;
            int at = next.getAndIncrement();
            if (at >= data.length) {
                return -1;
            }
            buffer[offset] = data[at];
            return 1;
        };
        when(stream.read(any(byte[].class), anyInt(), anyInt())).thenAnswer(oneByte);
        when(stream.read(any(byte[].class))).thenAnswer(oneByte);
        return stream;
    }

    private static byte[] letters(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        return data;
    }

    /** Letters with markers at the start, on both sides of both cut points, and at the end. */
    private static byte[] markedOutput(int length) {
        byte[] data = letters(length);
        put(data, 0, "<<FIRST>>");
        put(data, HEAD - "<<HEAD-END>>".length(), "<<HEAD-END>>");
        put(data, HEAD, "<<CUT-START>>");
        put(data, length - TAIL - "<<CUT-END>>".length(), "<<CUT-END>>");
        put(data, length - TAIL, "<<TAIL-START>>");
        put(data, length - "<<LAST>>".length(), "<<LAST>>");
        return data;
    }

    private static void put(byte[] data, int at, String marker) {
        byte[] bytes = marker.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, data, at, bytes.length);
    }

    private static String ascii(byte[] data, int from, int to) {
        return new String(Arrays.copyOfRange(data, from, to), StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("output read one byte per call is captured complete, multi-byte characters included")
    void capturesOneByteReads() throws IOException {
        String text = "line one\nline two: héllo ✓\n";
        InputStream stream = oneByteAtATime(text.getBytes(StandardCharsets.UTF_8));

        CapturedOutput output = drained(stream);

        assertThat(output.text()).isEqualTo(text);
        assertThat(output.totalBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        verify(stream).close();
    }

    @Test
    @DisplayName("a flood keeps the first 32 KiB and the last 16 KiB and says how many bytes were cut")
    void keepsHeadAndTailOfAFlood() {
        byte[] data = markedOutput(200 * 1024);

        CapturedOutput output = drained(new ByteArrayInputStream(data));

        String text = output.text();
        assertThat(text).isEqualTo(ascii(data, 0, HEAD) + "\n[... 155648 bytes of output cut ...]\n"
                + ascii(data, data.length - TAIL, data.length));
        assertThat(text).startsWith("<<FIRST>>").endsWith("<<LAST>>")
                .contains("<<HEAD-END>>", "<<TAIL-START>>")
                .doesNotContain("<<CUT-START>>", "<<CUT-END>>");
        assertThat(output.totalBytes()).isEqualTo(200 * 1024);
    }

    @Test
    @DisplayName("the kept tail is right when reads come in odd sizes that wrap the ring")
    void keepsTailAcrossOddSizedReads() {
        byte[] data = markedOutput(100_003);
        InputStream oddChunks = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 997));
            }
        };

        CapturedOutput output = drained(oddChunks);

        int cut = data.length - HEAD - TAIL;
        assertThat(output.text()).isEqualTo(ascii(data, 0, HEAD) + "\n[... " + cut + " bytes of output cut ...]\n"
                + ascii(data, data.length - TAIL, data.length));
        assertThat(output.totalBytes()).isEqualTo(100_003);
    }

    @Test
    @DisplayName("output a little longer than the head is kept whole, with no cut marker")
    void keepsOutputThatFitsHeadAndTail() {
        byte[] data = letters(HEAD + TAIL);

        CapturedOutput output = drained(new ByteArrayInputStream(data));

        assertThat(output.text()).isEqualTo(ascii(data, 0, data.length)).doesNotContain("cut ...]");
        assertThat(output.totalBytes()).isEqualTo(HEAD + TAIL);
    }

    @Test
    @DisplayName("empty output is captured as empty text")
    void capturesEmptyOutput() {
        CapturedOutput output = drained(new ByteArrayInputStream(new byte[0]));

        assertThat(output.text()).isEmpty();
        assertThat(output.totalBytes()).isZero();
    }

    @Test
    @DisplayName("awaitEnd is false while the stream is open and true once it ended")
    void awaitEndFollowsTheStream() throws IOException {
        PipedOutputStream program = new PipedOutputStream();
        CapturedOutput output = new CapturedOutput(new PipedInputStream(program), "captured-output-test");

        assertThat(output.awaitEnd(50, TimeUnit.MILLISECONDS)).isFalse();

        program.write("bye\n".getBytes(StandardCharsets.US_ASCII));
        program.close();

        assertThat(output.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output.text()).isEqualTo("bye\n");
    }
}

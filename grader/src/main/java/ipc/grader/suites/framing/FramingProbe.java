package ipc.grader.suites.framing;

import static ipc.grader.suites.framing.Frames.concat;
import static ipc.grader.suites.framing.Frames.frame;
import static ipc.grader.suites.framing.Frames.header;

import ipc.grader.feedback.Bytes;
import ipc.grader.probe.ProbeScenarios;
import ipc.grader.probe.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs in a probe JVM with the student's classes: calls {@code MessageFraming.writeMessage} and
 * {@code readMessage} on streams that misbehave the way sockets do. Each scenario is named after
 * the graded check in {@link MessageFramingTest} that reports it.
 */
public final class FramingProbe {

    static final String LIBRARY = "ipc.framing.MessageFraming";
    /** Refusing a hostile length may cost a few small objects, never a buffer of that length. */
    private static final long ALLOCATION_ALLOWED = 1024 * 1024;

    private FramingProbe() {
    }

    public static void main(String[] args) throws IOException {
        ProbeScenarios.run(args, FramingProbe::warmUp, scenarios());
    }

    /** Every scenario by name, in the order they run; the graded checks name them. */
    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("writesTheLengthBigEndianThenThePayload", FramingProbe::writesTheLengthBigEndianThenThePayload);
        scenarios.put("readsAFrameThatArrivesOneBytePerRead", FramingProbe::readsAFrameThatArrivesOneBytePerRead);
        scenarios.put("keepsReadingWhenAReadReturnsNoBytes", FramingProbe::keepsReadingWhenAReadReturnsNoBytes);
        scenarios.put("returnsNullAtACleanEnd", FramingProbe::returnsNullAtACleanEnd);
        scenarios.put("throwsEofExceptionOnATruncatedFrame", FramingProbe::throwsEofExceptionOnATruncatedFrame);
        scenarios.put("refusesAHostileLengthWithoutAllocatingIt", FramingProbe::refusesAHostileLengthWithoutAllocatingIt);
        return scenarios;
    }

    /** Makes Mockito generate its stream classes before any scenario's clock starts. */
    private static void warmUp() throws IOException {
        MockStreams.oneBytePerRead(new byte[1], true).read(new byte[1], 0, 1);
        MockStreams.headThenEndlessZeros(new byte[1]).read(new byte[1], 0, 1);
    }

    static int scenarioCount() {
        return scenarios().size();
    }

    private static void writesTheLengthBigEndianThenThePayload() throws Exception {
        byte[] payload = pattern(300);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, payload);
        expectBytes(out.toByteArray(), frame(payload), "writeMessage(out, a 300-byte payload)");
        out.reset();
        write(out, new byte[0]);
        expectBytes(out.toByteArray(), header(0), "writeMessage(out, an empty payload)");
    }

    private static void readsAFrameThatArrivesOneBytePerRead() throws Exception {
        byte[] first = pattern(300);
        byte[] second = Bytes.utf8("hello");
        InputStream in = MockStreams.oneBytePerRead(concat(frame(first), frame(second)), false);
        String setting = "on a stream that hands out one byte per read() and holds a 300-byte frame, then a 5-byte frame";
        expectPayload(read(in), first, "the first readMessage " + setting);
        expectPayload(read(in), second, "the second readMessage " + setting);
        expectNull(read(in), "the third readMessage " + setting + ", then ends");
    }

    private static void keepsReadingWhenAReadReturnsNoBytes() throws Exception {
        byte[] payload = Bytes.utf8("hello");
        InputStream in = MockStreams.oneBytePerRead(frame(payload), true);
        expectPayload(read(in), payload, "readMessage on a stream whose every other read() returns 0 bytes (not -1: "
                + "the stream has not ended)");
    }

    private static void returnsNullAtACleanEnd() throws Exception {
        expectNull(read(MockStreams.oneBytePerRead(new byte[0], false)), "readMessage on a stream that is already at its end");
    }

    private static void throwsEofExceptionOnATruncatedFrame() throws Exception {
        expectEof(Arrays.copyOf(header(10), 2), "a stream that ends after 2 of the 4 length bytes");
        expectEof(concat(header(10), Bytes.utf8("abcd")), "a stream that ends after the length 10 and 4 payload bytes");
    }

    private static void refusesAHostileLengthWithoutAllocatingIt() throws Exception {
        int[] lengths = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 16 * 1024 * 1024 + 1};
        for (int length : lengths) {
            InputStream in = MockStreams.headThenEndlessZeros(header(length));
            String setting = "readMessage on a frame whose length bytes " + Bytes.show(header(length)) + " say " + length
                    + " (then zero bytes without end)";
            long before = allocatedBytes();
            Object returned;
            try {
                returned = invoke("readMessage", in);
            } catch (IOException refused) {
                long allocated = allocatedBytes() - before;
                if (allocated > ALLOCATION_ALLOWED) {
                    throw new AssertionError(setting + " threw " + refused.getClass().getSimpleName() + ", but only after "
                            + "allocating " + allocated / (1024 * 1024) + " MiB: check the length before you create the buffer.");
                }
                continue;
            }
            throw new AssertionError(setting + " returned " + (returned == null ? "null"
                    : ((byte[]) returned).length + " bytes") + " instead of throwing an IOException.");
        }
    }

    // ---- calling the student's code -------------------------------------------------------------

    private static void write(OutputStream out, byte[] payload) throws Exception {
        invoke("writeMessage", out, payload);
    }

    private static byte[] read(InputStream in) throws Exception {
        return (byte[]) invoke("readMessage", in);
    }

    private static Object invoke(String name, Object... arguments) throws Exception {
        Method method = method(name);
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            throw (Error) e.getCause();
        }
    }

    private static Method method(String name) {
        Class<?>[] parameters = name.equals("readMessage")
                ? new Class<?>[] {InputStream.class} : new Class<?>[] {OutputStream.class, byte[].class};
        try {
            Method method = Class.forName(LIBRARY).getMethod(name, parameters);
            if (!Modifier.isStatic(method.getModifiers())) {
                throw new AssertionError("MessageFraming." + name + " must be static.");
            }
            return method;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("there is no class " + LIBRARY + ".");
        } catch (NoSuchMethodException e) {
            throw new AssertionError("MessageFraming has no public static method " + name + "("
                    + (parameters.length == 1 ? "InputStream" : "OutputStream, byte[]") + ").");
        }
    }

    // ---- judging ---------------------------------------------------------------------------------

    private static void expectBytes(byte[] actual, byte[] expected, String call) {
        if (!Arrays.equals(actual, expected)) {
            throw new AssertionError(call + " wrote " + Bytes.show(actual) + " but should write " + Bytes.show(expected)
                    + ": " + Bytes.firstDifference(expected, actual));
        }
    }

    private static void expectPayload(byte[] actual, byte[] expected, String call) {
        if (actual == null) {
            throw new AssertionError(call + " returned null, but a " + expected.length + "-byte payload was there to read.");
        }
        if (!Arrays.equals(actual, expected)) {
            throw new AssertionError(call + " returned " + actual.length + " bytes " + Bytes.show(actual) + " instead of the "
                    + expected.length + " bytes " + Bytes.show(expected) + ".");
        }
    }

    private static void expectNull(byte[] actual, String call) {
        if (actual != null) {
            throw new AssertionError(call + " returned " + actual.length + " bytes " + Bytes.show(actual)
                    + " instead of null (the stream ended before a new frame began).");
        }
    }

    private static void expectEof(byte[] data, String stream) throws Exception {
        String call = "readMessage on " + stream;
        byte[] returned;
        try {
            returned = read(MockStreams.oneBytePerRead(data, false));
        } catch (EOFException expected) {
            return;
        } catch (IOException other) {
            throw new AssertionError(call + " threw " + other + ", but a stream that ends inside a frame calls for an "
                    + "EOFException.");
        }
        throw new AssertionError(call + " returned " + (returned == null ? "null" : returned.length + " bytes")
                + " instead of throwing an EOFException: the frame is incomplete, which is not a clean end.");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }
}

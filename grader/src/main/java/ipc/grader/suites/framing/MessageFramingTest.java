package ipc.grader.suites.framing;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code MessageFraming} at unit level: its two methods called on streams that behave as badly as a
 * socket may. The calls run in a probe JVM of their own ({@link FramingProbe}); each check here
 * reports one of its scenarios.
 */
@GradedExercise("framing")
@DisplayName("framing: MessageFraming")
class MessageFramingTest {

    @Test
    @Points(2)
    @DisplayName("writeMessage writes the length in 4 big-endian bytes, then the payload")
    @Hint("Big-endian means the most significant byte first: a length of 300 (0x12C) is written 00 00 01 2C. "
            + "DataOutputStream.writeInt does exactly this.")
    void writesTheLengthBigEndianThenThePayload(Lab lab) {
        expectPassed(lab, "writesTheLengthBigEndianThenThePayload");
    }

    @Test
    @Points(3)
    @DisplayName("readMessage reads a frame that arrives one byte per read")
    @Hint("read(buffer) may return fewer bytes than you asked for, even 1. Loop until you have all the bytes of the "
            + "header and then of the payload (DataInputStream.readFully or InputStream.readNBytes do); never size a "
            + "read on available().")
    void readsAFrameThatArrivesOneBytePerRead(Lab lab) {
        expectPassed(lab, "readsAFrameThatArrivesOneBytePerRead");
    }

    @Test
    @Points(1)
    @DisplayName("readMessage keeps reading when a read returns no bytes")
    @Hint("Only -1 means the end of the stream; a read that returns 0 just means nothing yet. Loop while the count is "
            + "short, and stop only on -1.")
    void keepsReadingWhenAReadReturnsNoBytes(Lab lab) {
        expectPassed(lab, "keepsReadingWhenAReadReturnsNoBytes");
    }

    @Test
    @Points(1)
    @DisplayName("readMessage returns null when the stream ends before a frame")
    @Hint("If the stream ends (read returns -1) before the first byte of a length, that is a clean end: return null.")
    void returnsNullAtACleanEnd(Lab lab) {
        expectPassed(lab, "returnsNullAtACleanEnd");
    }

    @Test
    @Points(2)
    @DisplayName("readMessage throws EOFException when the stream ends inside a frame")
    @Hint("A stream that ends after part of a length, or part of a payload, lost data: throw java.io.EOFException, "
            + "and do not return what you have or null.")
    void throwsEofExceptionOnATruncatedFrame(Lab lab) {
        expectPassed(lab, "throwsEofExceptionOnATruncatedFrame");
    }

    @Test
    @Points(2)
    @DisplayName("readMessage refuses a negative length or one over 16 MiB without allocating it")
    @Hint("The length comes from the other side and may be garbage or hostile. Check 0 <= length <= 16 MiB before "
            + "new byte[length], and throw an IOException if it is not.")
    void refusesAHostileLengthWithoutAllocatingIt(Lab lab) {
        expectPassed(lab, "refusesAHostileLengthWithoutAllocatingIt");
    }

    private static void expectPassed(Lab lab, String scenario) {
        lab.probe(FramingProbe.class, FramingProbe.LIBRARY, FramingProbe.scenarioCount()).expectPassed(scenario);
    }
}

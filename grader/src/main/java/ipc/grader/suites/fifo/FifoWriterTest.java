package ipc.grader.suites.fifo;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.Bytes;
import ipc.grader.feedback.ExitStatus;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.platform.FileTypes;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The student's FifoWriter, read by the grader's own reader ({@link FifoEnd}) in a process of its own. */
@GradedExercise("fifo")
@DisplayName("fifo: FifoWriter")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "named pipes made with mkfifo exist only on Linux and macOS")
class FifoWriterTest {

    static final String WRITER = "ipc.fifo.FifoWriter";

    @Test
    @Points(2)
    @DisplayName("writes each message into the named pipe as a line, and exits with status 0")
    @Hint("Open the pipe for writing (Files.newBufferedWriter(path, UTF_8, StandardOpenOption.WRITE)) and write "
            + "each message followed by \"\\n\"; closing it is the reader's end of the stream.")
    void writesEachMessageAsALine(Lab lab) {
        Path fifo = lab.folder().resolve("in.fifo");
        NamedPipes.make(fifo);
        StudentProgram reader = lab.startGraderTool(FifoEnd.class, "the grader's reader", "read", fifo);
        StudentProgram writer = lab.start(WRITER, fifo, "one", "two words", "ünïcode");
        int status = writer.awaitExit(Deadline.in(Waits.STARTUP), "it was started with three messages");
        // A writer that never opened the pipe leaves the grader's reader waiting in open(), or on its way
        // there: release it until it has ended, then close it, which drains the last of its output.
        NamedPipes.releaseUntilEnded(fifo, reader);
        reader.close();
        String expected = "one\ntwo words\nünïcode\n";
        String received = reader.stdout();
        if (received.isEmpty()) {
            throw writer.exitedEarly("without sending anything through the named pipe " + fifo.getFileName()
                    + "; expected " + Bytes.show(Bytes.utf8(expected)) + ".");
        }
        assertThat(received).as("what came out of the pipe: %s, expected %s (FifoWriter was given: one, \"two words\", "
                + "ünïcode)", Bytes.show(Bytes.utf8(received)), Bytes.show(Bytes.utf8(expected))).isEqualTo(expected);
        assertThat(status).as("exit status of FifoWriter").isZero();
    }

    @Test
    @Points(1)
    @DisplayName("fails with a non-zero status, making no file, when there is no named pipe at the path")
    @Hint("Open with StandardOpenOption.WRITE only: the default options CREATE a regular file, and your messages "
            + "then go into a file no reader is watching.")
    void failsWithoutAPipe(Lab lab) {
        Path missing = lab.folder().resolve("missing.fifo");
        StudentProgram writer = lab.start(WRITER, missing, "lost?");
        int status = writer.awaitExit(Deadline.in(Waits.STARTUP), "it was started where no named pipe exists");
        if (Files.exists(missing, LinkOption.NOFOLLOW_LINKS)) {
            throw new AssertionError("FifoWriter " + writer.exitSummary() + " when there was no named pipe at "
                    + missing.getFileName() + ", and left " + FileTypes.describe(missing) + " there; it should make "
                    + "no file and fail with a non-zero status.");
        }
        if (status == 0) {
            throw ExitStatus.failure(writer.displayName(), writer.exitSummary(), "when there was no named pipe at "
                    + missing.getFileName(), "fail with a non-zero status");
        }
    }
}

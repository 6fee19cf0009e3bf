package ipc.grader.suites.shm;

import ipc.grader.feedback.Bytes;
import ipc.grader.feedback.ExitStatus;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The grader's side of the shared counter: the file it makes, and the 8 bytes it reads back. */
record CounterFile(Path path, long start) {

    /** 4 copies x 100,000 locked increments take about 3.5 s here; a slow runner gets room to spare. */
    private static final Duration RUN = Duration.ofSeconds(30);

    static CounterFile create(Path path, long value) {
        try {
            Files.write(path, ByteBuffer.allocate(Long.BYTES).putLong(0, value).array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CounterFile(path, value);
    }

    /** Waits for every copy to exit with status 0, then expects the counter to hold {@code expected}. */
    void expectAfter(List<StudentProgram> copies, long expected, String run) {
        Deadline deadline = Deadline.in(RUN);
        for (StudentProgram copy : copies) {
            int status = copy.awaitExit(deadline, "it was started (" + run + ")");
            if (status != 0) {
                throw ExitStatus.failure(copy.displayName(), copy.exitSummary(), "(" + run + ")", "exit with 0");
            }
        }
        byte[] bytes = read();
        if (bytes.length != Long.BYTES) {
            throw new AssertionError("The counter file holds " + bytes.length + " bytes after " + run
                    + ", but it must stay 8 bytes long: " + Bytes.show(bytes) + ".");
        }
        long value = ByteBuffer.wrap(bytes).getLong();
        if (value != expected) {
            StudentProgram first = copies.get(0);
            String when = "with the counter at " + String.format(Locale.ROOT, "%,d", value) + ", expected "
                    + String.format(Locale.ROOT, "%,d", expected) + " (" + run + ")" + lost(value, expected)
                    + ".\nThe file's 8 bytes: " + Bytes.show(bytes) + ", expected "
                    + Bytes.show(ByteBuffer.allocate(Long.BYTES).putLong(0, expected).array()) + " (big-endian).";
            // A counter that never moved: the copies ended without doing their work at all.
            throw value == start ? first.exitedEarly(when)
                    : new AssertionError(first.displayName() + " " + first.exitSummary() + " " + when);
        }
    }

    private static String lost(long value, long expected) {
        return value >= 0 && value < expected ? String.format(Locale.ROOT, ": %,d updates were lost", expected - value) : "";
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AssertionError("The counter file " + path.getFileName() + " is gone: " + e.getMessage(), e);
        }
    }
}

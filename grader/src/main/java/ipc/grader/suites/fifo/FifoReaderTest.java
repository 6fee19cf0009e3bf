package ipc.grader.suites.fifo;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.platform.FileTypes;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The student's FifoReader, fed by the grader's own writers ({@link FifoEnd}), each a process. */
@GradedExercise("fifo")
@DisplayName("fifo: FifoReader")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "named pipes made with mkfifo exist only on Linux and macOS")
class FifoReaderTest {

    static final String READER = "ipc.fifo.FifoReader";

    @Test
    @Points(2)
    @DisplayName("makes a real named pipe (a FIFO, not a regular file) at the path it is given")
    @Hint("Java cannot make a FIFO itself: run the command mkfifo <path> (new ProcessBuilder(\"mkfifo\", path)) "
            + "and wait for it. Files.createFile makes a regular file, which is not a pipe.")
    void makesARealFifo(Lab lab) {
        Path fifo = lab.folder().resolve("messages.fifo");
        StudentProgram reader = lab.start(READER, fifo);
        NamedPipes.awaitCreated(fifo, reader);
        assertThat(FileTypes.isNamedPipe(fifo)).as("what FifoReader made at %s is %s", fifo.getFileName(),
                FileTypes.describe(fifo)).isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("prints \"Received:\" and the line for each line a writer sends, in order")
    @Hint("Open the pipe like a file (Files.newBufferedReader) and loop on readLine() until it returns null, "
            + "printing \"Received: \" and the line each time.")
    void printsEachLine(Lab lab) {
        Path fifo = lab.folder().resolve("lines.fifo");
        StudentProgram reader = startReader(lab, fifo);
        StudentProgram writer = openWriter(lab, fifo, reader, "writer");
        writer.type("first\nsecond line\nthird, with ünïcode\n");
        expectReceived(reader, "first", "second line", "third, with ünïcode");
    }

    @Test
    @Points(3)
    @DisplayName("keeps reading while any writer still has the pipe open, taking lines from several writers")
    @Hint("Read until readLine() returns null, not until the first line or the first writer is gone: the end of "
            + "a FIFO's stream comes only once every writer has closed it.")
    void readsUntilTheLastWriterCloses(Lab lab) {
        Path fifo = lab.folder().resolve("shared.fifo");
        StudentProgram reader = startReader(lab, fifo);
        StudentProgram first = openWriter(lab, fifo, reader, "writer 1");
        StudentProgram second = openWriter(lab, fifo, reader, "writer 2");
        StudentProgram last = openWriter(lab, fifo, reader, "writer 3");
        first.type("from one\n");
        expectReceived(reader, "from one");
        first.endInput();
        second.type("from two\n");
        second.endInput();
        expectReceived(reader, "from one", "from two");
        last.type("from three, the last writer still open\n");
        expectReceived(reader, "from one", "from two", "from three, the last writer still open");
    }

    @Test
    @Points(2)
    @DisplayName("exits with status 0 once every writer has closed the pipe, and removes the pipe")
    @Hint("After the read loop, delete the pipe (Files.deleteIfExists): a named pipe stays in the file system "
            + "until someone removes it.")
    void endsAndRemovesThePipe(Lab lab) {
        Path fifo = lab.folder().resolve("done.fifo");
        StudentProgram reader = startReader(lab, fifo);
        StudentProgram writer = openWriter(lab, fifo, reader, "writer");
        writer.type("only line\n");
        writer.endInput();
        expectReceived(reader, "only line");
        assertThat(reader.awaitExit(Deadline.in(Waits.EXIT), "the only writer closed the pipe"))
                .as("exit status of FifoReader").isZero();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as("FifoReader has ended, and at %s there is %s",
                fifo.getFileName(), FileTypes.describe(fifo)).isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("uses a named pipe that is already there")
    @Hint("Make the pipe only when nothing is at the path: mkfifo fails (\"File exists\") on a pipe that is there.")
    void usesAnExistingPipe(Lab lab) {
        Path fifo = lab.folder().resolve("existing.fifo");
        NamedPipes.make(fifo);
        StudentProgram reader = lab.start(READER, fifo);
        StudentProgram writer = openWriter(lab, fifo, reader, "writer");
        writer.type("it was there\n");
        writer.endInput();
        expectReceived(reader, "it was there");
    }

    private static StudentProgram startReader(Lab lab, Path fifo) {
        StudentProgram reader = lab.start(READER, fifo);
        NamedPipes.awaitCreated(fifo, reader);
        return reader;
    }

    /** A grader writer with the pipe open: from then on the reader's stream cannot end before it closes. */
    static StudentProgram openWriter(Lab lab, Path fifo, StudentProgram reader, String name) {
        StudentProgram writer = lab.startGraderTool(FifoEnd.class, "the grader's " + name, "write", fifo);
        Deadline deadline = Deadline.in(Waits.STARTUP);
        // The grader's writer waits in open() until a reader opens the pipe: watch the reader too.
        if (Poll.named("the grader's " + name + " to open the pipe").stoppingWhen(() -> !reader.isAlive() || !writer.isAlive())
                .until(deadline, () -> writer.stdout().lines().anyMatch("open"::equals)) == Poll.Outcome.TIMED_OUT) {
            throw new AssertionError("the grader's " + name + " could not open " + fifo.getFileName() + " for writing "
                    + "within " + deadline.describe() + ": FifoReader is running but did not open it for reading ("
                    + FileTypes.describe(fifo) + " there).");
        }
        if (writer.stdout().lines().noneMatch("open"::equals)) {
            NamedPipes.release(fifo); // lets the grader's writer out of open() before it is stopped
            throw reader.isAlive() ? new AssertionError("the grader's " + name + " " + writer.exitSummary()
                    + " before it could open " + fifo.getFileName() + " (" + FileTypes.describe(fifo) + " there).")
                    : reader.exitedEarly("before the grader's " + name + " could open the pipe.");
        }
        return writer;
    }

    private static void expectReceived(StudentProgram reader, String... lines) {
        for (String line : lines) {
            reader.awaitStdoutLine(("Received: " + line)::equals, "\"Received: " + line + "\"", Deadline.in(Waits.REPLY));
        }
        assertThat(reader.stdout().lines().filter(line -> line.startsWith("Received: ")).toList())
                .as("FifoReader's \"Received:\" lines, in the order it printed them")
                .containsExactly(java.util.Arrays.stream(lines).map(line -> "Received: " + line).toArray(String[]::new));
    }
}

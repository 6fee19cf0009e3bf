package ipc.grader.suites.shm;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.process.StudentProgram;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Copies of SharedCounter add to one 8-byte counter in a memory-mapped file. The grader makes the
 * file, runs the copies as separate processes, and reads the counter's bytes afterwards.
 */
@GradedExercise("shared-memory")
@DisplayName("shared-memory: SharedCounter")
class SharedCounterTest {

    static final String COUNTER = "ipc.shm.SharedCounter";

    @Test
    @Points(2)
    @DisplayName("one copy adds its increments to the big-endian 8-byte counter at offset 0")
    @Hint("Map the file's first 8 bytes (channel.map(READ_WRITE, 0, 8)) and use getLong(0)/putLong(0, ...): a "
            + "MappedByteBuffer is big-endian unless you change its order, and a long is 8 bytes, an int only 4.")
    void oneCopyCounts(Lab lab) {
        CounterFile counter = CounterFile.create(lab.folder().resolve("counter.bin"), 0);
        StudentProgram copy = lab.start(COUNTER, counter.path(), 1000);
        counter.expectAfter(List.of(copy), 1000, "1 copy x 1000 increments, starting from 0");
    }

    @Test
    @Points(1)
    @DisplayName("adds to the value already in the file, beyond what an int can hold")
    @Hint("Read the counter from the mapping and write back that value plus one; a copy must not count from 0 on "
            + "its own, nor keep the counter in an int.")
    void addsToTheValueThere(Lab lab) {
        long start = (1L << 40) + 5;
        CounterFile counter = CounterFile.create(lab.folder().resolve("counter.bin"), start);
        StudentProgram copy = lab.start(COUNTER, counter.path(), 10);
        counter.expectAfter(List.of(copy), start + 10, "1 copy x 10 increments, starting from " + start);
    }

    @Test
    @Points(5)
    @DisplayName("four copies running at the same time add exactly 4 x 100,000: no update is lost")
    @Hint("Reading the counter, adding one and writing it back are three steps; when two processes interleave "
            + "them, one addition is lost. Hold a lock that other processes respect (channel.lock(0, 8, false), "
            + "a FileLock) around each read-add-write: synchronized and ReentrantLock only stop this JVM's threads.")
    void fourCopiesLoseNoUpdate(Lab lab) {
        CounterFile counter = CounterFile.create(lab.folder().resolve("counter.bin"), 0);
        List<StudentProgram> copies = lab.startTogether(4, COUNTER, counter.path(), 100_000);
        counter.expectAfter(copies, 400_000, "4 copies x 100,000 increments, started together, from 0");
    }
}

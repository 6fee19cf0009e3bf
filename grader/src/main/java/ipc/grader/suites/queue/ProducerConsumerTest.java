package ipc.grader.suites.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.NeverPrinted;
import ipc.grader.feedback.Text;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** ProducerConsumer runs as a process; the grader reads what its consumers print and how much CPU it burns. */
@GradedExercise("message-queue")
@DisplayName("message-queue: ProducerConsumer")
class ProducerConsumerTest {

    static final String PROGRAM = "ipc.queue.ProducerConsumer";

    /** Items of the CPU check's one producer, and the items it lets pass before it watches: see {@link ThreadActivity}. */
    static final int SPIN_ITEMS = 1_100;
    static final int SPIN_WARM_UP = 400;

    /** Runs of the CPU check's program that may be watched before the grader gives up keeping up with it. */
    private static final int SPIN_ATTEMPTS = 3;

    @Test
    @Points(4)
    @DisplayName("consumes every item exactly once, each producer's items in the order they were made")
    @Hint("Put the poison pills on the queue only after every producer has finished (join them first), one pill "
            + "per consumer, so no consumer stops while items are still coming; take() hands each item to one "
            + "consumer only, in the order it was put.")
    void consumesEveryItemOnce(Lab lab) {
        StudentProgram program = lab.start(PROGRAM, 3, 2, 100);
        ConsumedItems consumed = awaitEnd(program);
        List<String> problems = consumed.problems(3, 100);
        if (!problems.isEmpty()) {
            throw new AssertionError("ProducerConsumer 3 2 100 (3 producers x 100 items, 2 consumers): "
                    + String.join("; ", problems) + ".");
        }
    }

    @Test
    @Points(1)
    @DisplayName("prints \"consumed\" and the number of items consumed as its last line")
    @Hint("Join every consumer thread before printing the total, so the line comes last and counts every item.")
    void printsTheTotalLast(Lab lab) {
        StudentProgram program = lab.start(PROGRAM, 2, 3, 50);
        awaitEnd(program);
        List<String> lines = program.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String last = lines.get(lines.size() - 1);
        if (!last.equals("consumed 100")) {
            throw new AssertionError("ProducerConsumer 2 3 50 printed \"" + Text.cut(last, 80) + "\" as its last line, "
                    + "but the last line must be \"consumed 100\" (2 producers x 50 items)"
                    + (program.isAlive() ? "; it was still running when the grader stopped waiting." : "."));
        }
    }

    @Test
    @Points(2)
    @DisplayName("every consumer stops on a poison pill, and the program exits with status 0")
    @Hint("Each consumer stops at the first pill it takes, so four consumers need four pills; a consumer left "
            + "waiting in take() keeps the JVM alive for ever.")
    void everyConsumerStops(Lab lab) {
        StudentProgram program = lab.start(PROGRAM, 2, 4, 20);
        int status = program.awaitExit(Deadline.in(Waits.STARTUP), "its 2 producers made their 20 items each");
        int consumed = ConsumedItems.from(program.stdout()).count();
        if (consumed < 40) {
            throw program.exitedEarly("having consumed only " + consumed + " of the 40 items (2 producers x 20 items, "
                    + "4 consumers).");
        }
        assertThat(status).as("exit status of ProducerConsumer (2 producers, 4 consumers)").isZero();
    }

    @Test
    @Points(3)
    @DisplayName("consumers wait for items without burning CPU while the queue is empty")
    @Hint("take() puts a consumer to sleep until an item arrives; a loop around poll() or isEmpty() keeps "
            + "asking, and spins a CPU core per consumer while the producers are between items, whether it takes a "
            + "lock each time round or calls Thread.yield() or Thread.onSpinWait(): none of them sleeps.")
    void consumersDoNotSpin(Lab lab) {
        ThreadActivity activity = watchConsumers(lab);
        activity.spinning().ifPresent(seen -> {
            throw new AssertionError("ProducerConsumer 1 3 " + SPIN_ITEMS + " kept busy from its " + SPIN_WARM_UP
                    + "th item to its last: " + seen + ". Busy waiting (a loop around poll(), isEmpty(), a lock, "
                    + "Thread.yield() or Thread.onSpinWait()) keeps asking the queue instead of sleeping until it has an "
                    + "item. The threads, " + activity + ".");
        });
    }

    /**
     * The consumers' activity in a run of ProducerConsumer 1 3 {@value #SPIN_ITEMS}, watched again in a new
     * run when the grader fell behind its output; the check is skipped if it did every time.
     */
    private static ThreadActivity watchConsumers(Lab lab) {
        for (int attempt = 1; attempt < SPIN_ATTEMPTS; attempt++) {
            try (StudentProgram program = lab.start(PROGRAM, 1, 3, SPIN_ITEMS)) {
                Optional<ThreadActivity> activity = ThreadActivity.whileConsuming(program, 1, SPIN_ITEMS, SPIN_WARM_UP);
                if (activity.isPresent()) {
                    return activity.get();
                }
            }
        }
        StudentProgram program = lab.start(PROGRAM, 1, 3, SPIN_ITEMS);
        return ThreadActivity.whileConsuming(program, 1, SPIN_ITEMS, SPIN_WARM_UP).orElseThrow(() -> new TestAbortedException(
                "In " + SPIN_ATTEMPTS + " runs of ProducerConsumer 1 3 " + SPIN_ITEMS + ", the grader read what it printed "
                + "too long after it was printed to tell which items were consumed while it watched the CPU: this "
                + "machine is too busy for the check (or the producers do not sleep 1 ms before each item). Grade "
                + "again on a quieter machine; the check's points are left out of the total meanwhile."));
    }

    /**
     * Until the program exits, or at most until the deadline (what it printed is judged either way,
     * and the exit is a check of its own); fails at once when it printed no item at all.
     */
    private static ConsumedItems awaitEnd(StudentProgram program) {
        Deadline deadline = Deadline.in(Waits.STARTUP);
        try {
            program.awaitExit(deadline, "it was started");
        } catch (AssertionError stillRunning) {
            // judged below by what it printed
        }
        ConsumedItems consumed = ConsumedItems.from(program.stdout());
        if (consumed.count() == 0) {
            throw program.isAlive() ? NeverPrinted.failure(program.displayName(), "a \"consumer <c> got <p>:<n>\" line",
                    deadline.describe(), "") : program.exitedEarly("before it printed a \"consumer <c> got <p>:<n>\" line.");
        }
        return consumed;
    }
}

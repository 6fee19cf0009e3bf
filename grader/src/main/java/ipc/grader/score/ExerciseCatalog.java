package ipc.grader.score;

import java.util.List;

/**
 * The graded exercises, in the order of the course (and of every report): the one list of them.
 * The command line checks {@code --exercise} against it, and the meta-tests check that each
 * exercise here is complete (suites, README with its points, mutants, reference and skeletons) and
 * that nothing of an exercise exists outside it. Adding an exercise starts here (README.md,
 * "Adding an exercise").
 */
public final class ExerciseCatalog {

    private static final List<String> IDS = List.of(
            "pipe", "udp-ping-pong", "tcp-ping-pong", "echo", "sequential-echo", "threaded-echo", "framing",
            "http", "chat", "fifo", "unix-echo", "shared-memory", "message-queue", "selector-echo");

    private ExerciseCatalog() {
    }

    public static boolean contains(String id) {
        return IDS.contains(id);
    }

    /** Position in the catalogue, for sorting; unknown ids sort last. */
    public static int order(String id) {
        int index = IDS.indexOf(id);
        return index < 0 ? IDS.size() : index;
    }

    public static List<String> ids() {
        return IDS;
    }
}

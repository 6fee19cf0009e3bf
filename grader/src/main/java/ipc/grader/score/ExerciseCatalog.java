package ipc.grader.score;

import java.util.List;

/**
 * The exercise ids of the catalogue ({@code shared/exercise-catalogue.md}), in the catalogue's
 * order, which is the order of every report. Which of them are graded is decided by the suites
 * that exist; this list only orders and names them.
 */
public final class ExerciseCatalog {

    private static final List<String> IDS = List.of(
            "pipe", "udp-ping-pong", "tcp-ping-pong", "echo", "sequential-echo", "threaded-echo", "framing",
            "http", "chat", "fifo", "shared-memory", "message-queue", "selector-echo");

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

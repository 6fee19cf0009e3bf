package ipc.grader.suites.nio;

import ipc.grader.process.StudentProgram;
import ipc.grader.process.ThreadCount;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;

/** A server's thread count, read from the operating system, and the check that it stayed put. */
final class ServerThreads {

    private ServerThreads() {
    }

    /**
     * The server's threads now. Aborts the check (left out of the total, with the reason) where this
     * system will not tell, and fails if the server is gone.
     */
    static int count(StudentProgram server, String when) {
        OptionalInt count = ThreadCount.of(server.pid());
        if (count.isEmpty() && server.isAlive()) {
            Assumptions.abort("this system did not tell how many threads " + server.displayName() + " has ("
                    + ThreadCount.source() + "), so the grader cannot tell one thread from many; the check is left out");
        }
        if (count.isEmpty()) {
            throw new AssertionError(server.displayName() + " " + server.exitSummary() + " " + when + ".");
        }
        return count.getAsInt();
    }

    /** Fails if the server has more than {@code extra} threads over {@code before}. */
    static void expectAtMost(StudentProgram server, int before, int extra, String when) {
        int now = count(server, when);
        if (now > before + extra) {
            throw new AssertionError(server.displayName() + " had " + before + " threads before its first client and "
                    + now + " " + when + ": " + (now - before) + " more, where one event loop needs at most " + extra
                    + " more (counted by the operating system, " + ThreadCount.source() + ").");
        }
    }
}

package ipc.grader.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every student program that is running, so that a grader stopped by Ctrl-C or a CI cancel still
 * ends them: a shutdown hook closes whatever is left.
 */
final class LiveProcesses {

    private static final Set<StudentProgram> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(StudentProgram::close), "sockgrader-shutdown"));
    }

    private LiveProcesses() {
    }

    static void add(StudentProgram program) {
        RUNNING.add(program);
    }

    static void remove(StudentProgram program) {
        RUNNING.remove(program);
    }

    /** How many student programs this JVM still runs; 0 after every test. */
    static int count() {
        return RUNNING.size();
    }
}

package ipc.grader.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a student's main class in its own JVM, as usual, but only once the grader says "go": it
 * loads the class, prints {@link #READY}, and waits for one byte on stdin before calling
 * {@code main}. Programs that must overlap in time to show a race (several copies updating one
 * shared counter) then really do overlap, rather than each finishing before the next JVM has
 * started. Usage: {@code java -cp <student classes>:<grader> ipc.grader.process.StartLine <main class> <args>...}
 */
public final class StartLine {

    /** What a copy prints on stdout once it waits at the start line. */
    public static final String READY = "(sockgrader: waiting at the start line)";

    private StartLine() {
    }

    public static void main(String[] args) throws Throwable {
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        System.out.println(READY);
        System.out.flush();
        if (System.in.read() < 0) {
            return; // the grader gave up before the start
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the program's own exception, as if it had been started directly
        }
    }
}

package ipc.grader.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to run one program of a submission: a compiled Java main class, or a command template for a
 * program in another language. Either way the program is a separate process.
 */
public interface ProgramLaunch {

    /** The command line that runs the program with these arguments. */
    List<String> command(ProgramArguments arguments);

    /** The program as the student knows it, for messages: {@code EchoServer}, {@code python3 echo.py}. */
    String displayName();

    /** The program as messages name it once it runs with {@code arguments}; by default {@link #displayName()}. */
    default String displayName(ProgramArguments arguments) {
        return displayName();
    }

    /** The folder the program must run in, if it needs one (a script found by a relative name). */
    default Optional<Path> directory() {
        return Optional.empty();
    }
}

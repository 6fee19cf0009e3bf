package ipc.grader.process;

/**
 * Decides when a started program is ready to be tested. Implementations poll within a deadline
 * and fail fast, with the program's exit code and output, once the program has exited.
 */
@FunctionalInterface
public interface WaitStrategy {

    /** Returns when {@code program} is ready; throws an {@link AssertionError} saying why not. */
    void waitUntilReady(StudentProgram program);
}

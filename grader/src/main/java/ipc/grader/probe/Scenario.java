package ipc.grader.probe;

/**
 * One unit-level check of a student's library class, run inside a probe JVM. It passes by
 * returning, and fails by throwing an {@link AssertionError} whose message is written for the
 * student; anything else the student's code throws is reported as it is.
 */
@FunctionalInterface
public interface Scenario {

    void run() throws Exception;
}

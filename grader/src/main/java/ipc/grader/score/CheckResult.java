package ipc.grader.score;

import ipc.grader.feedback.FailureKind;
import ipc.grader.junit.Visibility;
import java.time.Duration;

/**
 * The outcome of one graded check: all of its points when it passed, none otherwise.
 *
 * @param exercise   the exercise id
 * @param id         stable id, {@code SuiteClass#method}, used by mutants and reports
 * @param name       what the check verifies, in plain words
 * @param points     what the check is worth
 * @param status     passed or failed; a check that did not run is failed, never passed, unless the
 *                   grader itself skipped it because it cannot run on this platform (see {@link Status#SKIPPED})
 * @param message    why it failed: the first line is the reason, the rest the details ("" when passed)
 * @param duration   how long the check took
 * @param suite      the suite's class name, as JUnit reports name it
 * @param visibility when the student sees it: {@link Visibility#VISIBLE} but for hidden checks
 * @param hint       the check's own hint toward the concept ({@code @Hint}), "" without one; a failure
 *                   message may carry another, more precise one
 * @param kind       what kind of failure it met, for tests to match instead of the wording; null
 *                   unless it failed
 */
public record CheckResult(String exercise, String id, String name, int points, Status status, String message,
                          Duration duration, String suite, Visibility visibility, String hint, FailureKind kind) {

    /** A check whose failure, if it failed, is of no particular kind ({@link FailureKind#WRONG_RESULT}). */
    public CheckResult(String exercise, String id, String name, int points, Status status, String message,
                       Duration duration, String suite, Visibility visibility, String hint) {
        this(exercise, id, name, points, status, message, duration, suite, visibility, hint,
                status == Status.FAILED ? FailureKind.WRONG_RESULT : null);
    }

    /** A visible check without a hint, of a suite in the graded package, named by the class part of {@code id}. */
    public CheckResult(String exercise, String id, String name, int points, Status status, String message,
                       Duration duration) {
        this(exercise, id, name, points, status, message, duration,
                "ipc.grader.suites." + id.substring(0, id.indexOf('#')), Visibility.VISIBLE, "");
    }

    public enum Status {
        PASSED,
        FAILED,
        /**
         * Not run because the check cannot run on this platform (named pipes on Windows): neither
         * earned nor lost, its points are left out of the total.
         */
        SKIPPED
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** Whether the check counts towards the total: it ran, passed or failed. */
    public boolean counts() {
        return status != Status.SKIPPED;
    }

    /** Failed, as opposed to passed or skipped. */
    public boolean failed() {
        return status == Status.FAILED;
    }

    public int score() {
        return passed() ? points : 0;
    }

    /** Whether the check is hidden from students until later (or for ever). */
    public boolean hidden() {
        return visibility != Visibility.VISIBLE;
    }

    /** The method name part of {@link #id()}. */
    public String method() {
        return id.substring(id.indexOf('#') + 1);
    }

    /** The one-line reason of a failure. */
    public String reason() {
        String text = message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}

package ipc.grader.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The command that reruns one check alone in a student repository, printed at the end of the
 * check's failure report: fixing one check goes faster when only it runs.
 *
 * <p>The Maven form works on every OS. Surefire matches {@code -Dtest} against the suites it scans
 * in the grader's jar by simple class name, so no package is needed; and as surefire is skipped in
 * the grader module of a student repository, no {@code -Dsurefire.failIfNoSpecifiedTests=false} is
 * needed either (tried in an export: the run grades that one check and ends with its summary).
 */
final class RerunCommand {

    private RerunCommand() {
    }

    /**
     * {@code mvn test -Dtest=EchoServerTest#echoesAShortMessage}; empty for a hidden check, which a
     * student repository does not have.
     */
    static Optional<String> of(Class<?> suite, Method check) {
        if (check == null || AnnotationSupport.isAnnotated(suite, Hidden.class) || AnnotationSupport.isAnnotated(check, Hidden.class)) {
            return Optional.empty();
        }
        return Optional.of("mvn test -Dtest=" + suite.getSimpleName() + "#" + check.getName());
    }
}

package ipc.grader.probe;

import ipc.grader.feedback.ExitedEarly;
import ipc.grader.feedback.Threw;
import java.util.Map;
import java.util.Set;

/** What one probe run found, scenario by scenario. */
public final class ProbeResults {

    private final String library;
    private final Map<String, String> failures;
    private final Map<String, Boolean> passed;
    private final Set<String> threw;
    private final String probeEnded;
    private final String probeStderr;

    /**
     * {@code threw} names the failed scenarios whose code threw an exception; {@code probeEnded}
     * says how the probe JVM ended ("exited with code 1"), and {@code probeStderr} what it printed on
     * stderr (shown as it is, possibly empty), for a scenario it never got to.
     */
    ProbeResults(String library, Map<String, Boolean> passed, Map<String, String> failures, Set<String> threw,
                 String probeEnded, String probeStderr) {
        this.library = library;
        this.passed = Map.copyOf(passed);
        this.failures = Map.copyOf(failures);
        this.threw = Set.copyOf(threw);
        this.probeEnded = probeEnded;
        this.probeStderr = probeStderr;
    }

    /**
     * Passes if scenario {@code id} passed; otherwise fails with what the probe saw, and says so
     * when the scenario never got to run (an earlier one ended the JVM).
     */
    public void expectPassed(String id) {
        Boolean result = passed.get(id);
        if (Boolean.TRUE.equals(result)) {
            return;
        }
        if (result == null) {
            throw ExitedEarly.failure(library + " could not be checked: the probe JVM running it", probeEnded,
                    "before this check ran (does your code call System.exit, or hang?)."
                            + (probeStderr.isEmpty() ? "" : "\nIts stderr:\n" + probeStderr));
        }
        throw threw.contains(id) ? Threw.failure(failures.get(id)) : new AssertionError(failures.get(id));
    }

    @Override
    public String toString() {
        return library + " " + passed;
    }
}

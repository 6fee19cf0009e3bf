package ipc.grader.probe;

import java.util.Map;

/** What one probe run found, scenario by scenario. */
public final class ProbeResults {

    private final String library;
    private final Map<String, String> failures;
    private final Map<String, Boolean> passed;
    private final String whyMissing;

    ProbeResults(String library, Map<String, Boolean> passed, Map<String, String> failures, String whyMissing) {
        this.library = library;
        this.passed = Map.copyOf(passed);
        this.failures = Map.copyOf(failures);
        this.whyMissing = whyMissing;
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
            throw new AssertionError(library + " could not be checked: " + whyMissing);
        }
        throw new AssertionError(failures.get(id));
    }

    @Override
    public String toString() {
        return library + " " + passed;
    }
}

package ipc.grader.junit;

import ipc.grader.submission.Submission;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration parameters of a grading run, set by {@code ./grade} on its launcher or by
 * Maven as system properties: which submission to grade, or which opened submission (with its
 * command templates) a {@code GradingRun} lends.
 */
public final class GradingSettings {

    /** The submission's folder (see {@link ipc.grader.submission.SourceRoot}). */
    public static final String SUBMISSION = "sockgrader.submission";

    /** A submission already opened by the caller of the run, by its {@link #share} key. */
    public static final String OPENED_SUBMISSION = "sockgrader.openedSubmission";

    private static final Map<String, Submission> OPENED = new ConcurrentHashMap<>();

    private GradingSettings() {
    }

    /**
     * Lends an opened submission to the runs that name the returned key in
     * {@link #OPENED_SUBMISSION}; the lender closes it and calls {@link #unshare}.
     */
    public static String share(Submission submission) {
        String key = UUID.randomUUID().toString();
        OPENED.put(key, submission);
        return key;
    }

    public static void unshare(String key) {
        OPENED.remove(key);
    }

    static Optional<Submission> shared(String key) {
        return Optional.ofNullable(OPENED.get(key));
    }
}

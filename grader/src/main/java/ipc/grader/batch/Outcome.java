package ipc.grader.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the grading of one submission in a batch ended. */
public enum Outcome {
    /** The grader ran every check and wrote its reports; the score is what it measured. */
    GRADED("graded"),
    /** The grading did not end within the per-submission limit; its processes were killed. */
    TIMED_OUT("timed out"),
    /** The grader ended without a report (it crashed, or was killed from outside). */
    BROKEN("broken"),
    /** The folder holds no exercise sources to grade. */
    NO_SOURCES("no sources");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** As written in the gradebook and in {@code batch.json}. */
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Outcome ofLabel(String label) {
        for (Outcome outcome : values()) {
            if (outcome.label.equals(label)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("not a batch outcome: " + label);
    }
}

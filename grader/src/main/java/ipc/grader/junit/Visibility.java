package ipc.grader.junit;

import java.util.Locale;

/**
 * When a student may see a check, in Gradescope's words. Public checks are {@link #VISIBLE}; a
 * hidden check (see {@link Hidden}) is shown later or never.
 */
public enum Visibility {
    /** Shown at once: every public check. */
    VISIBLE,
    /** Shown once the due date has passed: the default for hidden checks. */
    AFTER_DUE_DATE,
    /** Shown once the instructor publishes the grades. */
    AFTER_PUBLISHED,
    /** Never shown to the student. */
    HIDDEN;

    /** The value Gradescope's {@code results.json} uses: {@code after_due_date}, and so on. */
    public String gradescopeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package ipc.grader.time;

import java.time.Duration;

/**
 * The one knob for slow machines: every deadline in the grader is a nominal duration multiplied
 * by this factor, so a course on slow CI runners stretches all of them at once
 * ({@code -Dsockgrader.timeScale=2}). Deadlines only bound waits that a correct program ends
 * early; a larger scale makes a buggy program's run longer, never a correct program's score lower.
 */
public final class TimeScale {

    /** System property that sets the factor; {@code 1} when absent. */
    public static final String PROPERTY = "sockgrader.timeScale";

    private TimeScale() {
    }

    /** The factor in use, at least 0.1. */
    public static double factor() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return 1.0;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a number, not '" + value + "'", e);
        }
        if (!Double.isFinite(factor)) {
            // NaN would make every deadline zero, infinity every wait endless.
            throw new IllegalArgumentException(PROPERTY + " must be a finite number, not '" + value + "'");
        }
        return Math.max(0.1, factor);
    }

    /** {@code nominal} stretched by the factor. */
    public static Duration scaled(Duration nominal) {
        return Duration.ofNanos(Math.round(nominal.toNanos() * factor()));
    }
}

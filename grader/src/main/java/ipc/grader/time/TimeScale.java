package ipc.grader.time;

import ipc.grader.settings.RunSettings;
import java.time.Duration;

/**
 * The one knob for slow machines: every deadline in the grader is a nominal duration multiplied
 * by the run's factor ({@code --time-scale 2}, or {@code -Dsockgrader.timeScale=2} under Maven), so
 * a course on slow CI runners stretches all of them at once. Deadlines only bound waits that a
 * correct program ends early; a larger scale makes a buggy program's run longer, never a correct
 * program's score lower.
 */
public final class TimeScale {

    private TimeScale() {
    }

    /** The run's factor, at least 0.1 (see {@link RunSettings#timeScale()}). */
    public static double factor() {
        return RunSettings.current().timeScale();
    }

    /** {@code nominal} stretched by the factor. */
    public static Duration scaled(Duration nominal) {
        return Duration.ofNanos(Math.round(nominal.toNanos() * factor()));
    }
}

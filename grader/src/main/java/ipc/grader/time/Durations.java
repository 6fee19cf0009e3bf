package ipc.grader.time;

import java.time.Duration;
import java.util.Locale;

/** Durations as a student reads them: {@code 250 ms}, {@code 3 s}, {@code 1.5 s}. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

package ipc.grader.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What a batch shows while it runs. On a terminal, one line redrawn in place: a bar, submissions
 * done, running and failed, and the time left. In a CI log, which keeps every byte, a plain line per
 * finished submission instead.
 */
final class Progress {

    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private int total;
    private int done;
    private int running;
    private int failed;

    private Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A terminal shows a bar; a CI log ({@code CI} set, or output not a terminal) gets plain lines. */
    static Progress on(PrintStream out) {
        return new Progress(out, System.console() != null && System.getenv("CI") == null);
    }

    static Progress plain(PrintStream out) {
        return new Progress(out, false);
    }

    static Progress bar(PrintStream out) {
        return new Progress(out, true);
    }

    synchronized void begin(int submissions, int skipped) {
        total = submissions;
        out.printf(Locale.ROOT, "Grading %d submissions%s%n", submissions,
                skipped == 0 ? "" : " (" + skipped + " more unchanged since their last grading, kept)");
        draw();
    }

    synchronized void started() {
        running++;
        draw();
    }

    synchronized void finished(String student, Outcome outcome, String detail, Duration took) {
        running--;
        done++;
        if (outcome != Outcome.GRADED) {
            failed++;
        }
        if (terminal) {
            if (outcome != Outcome.GRADED) {
                out.print("\r\033[K");
                out.printf(Locale.ROOT, "%s: %s, %s%n", student, outcome.label(), detail);
            }
            draw();
        } else {
            out.printf(Locale.ROOT, "[%d/%d] %s: %s%s (%.1f s)%n", done, total, student, outcome.label(),
                    detail.isEmpty() ? "" : ", " + detail, took.toMillis() / 1000.0);
        }
    }

    synchronized void end() {
        if (terminal) {
            out.println();
        }
        out.printf(Locale.ROOT, "Graded %d submissions in %s, %d not to the end%n", done, format(elapsed()), failed);
    }

    private void draw() {
        if (!terminal || total == 0) {
            return;
        }
        int filled = done * BAR / total;
        out.print("\r\033[K[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + String.format(Locale.ROOT, "%d/%d done, %d running, %d failed, %s", done, total, running, failed, eta()));
        out.flush();
    }

    private String eta() {
        if (done == 0) {
            return "ETA --";
        }
        Duration left = elapsed().multipliedBy(total - done).dividedBy(done);
        return "ETA " + format(left);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}

package ipc.grader.batch;

import java.util.Locale;
import java.util.Map;

/**
 * The class report, as one static HTML page ({@code class-report.html}: inline CSS and SVG, no
 * script, nothing fetched) and as Markdown ({@code class-report.md}) with the same numbers: the
 * distribution of totals and of each exercise, then every check ranked by how many submissions
 * failed it, with its hint, so the most common misunderstanding of the class is at the top.
 */
final class ClassReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
            .histograms{display:flex;flex-wrap:wrap;gap:1.5rem}
            figure{margin:0}figcaption{font-weight:600;margin-bottom:.25rem}
            .bar{fill:#3b6ea8}.histogram text{font-size:10px;fill:#222}.histogram .axis{fill:#666}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f2f2f2}td.num{text-align:right;white-space:nowrap}
            .share{display:inline-block;height:.6rem;background:#c0392b;margin-right:.4rem}
            """;

    private ClassReport() {
    }

    static String html(ClassSummary summary) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>sockgrader class report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>sockgrader class report</h1>\n<p id=\"counts\">").append(Html.escape(counts(summary))).append("</p>\n")
                .append("<h2>Totals</h2>\n<figure id=\"totals\"><figcaption>Total score, % of the maximum (submissions per range)</figcaption>")
                .append(summary.totals().svg()).append("</figure>\n")
                .append("<h2>Exercises</h2>\n<div class=\"histograms\">\n");
        for (Map.Entry<String, Histogram> exercise : summary.exercises().entrySet()) {
            page.append("<figure class=\"exercise\"><figcaption>").append(Html.escape(exercise.getKey()))
                    .append(", % of its points</figcaption>").append(exercise.getValue().svg()).append("</figure>\n");
        }
        page.append("</div>\n<h2>Checks, most failed first</h2>\n<table id=\"ranking\">\n")
                .append("<thead><tr><th>#</th><th>Exercise</th><th>Check</th><th>Points</th><th>Failed</th><th>Hint</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        for (ClassSummary.CheckTally check : summary.ranking()) {
            rank++;
            page.append(String.format(Locale.ROOT, "<tr><td class=\"num\">%d</td><td>%s</td><td>%s</td><td class=\"num\">%d</td>"
                            + "<td class=\"num\"><span class=\"share\" style=\"width:%.1fem\"></span>%d of %d (%.0f%%)</td><td>%s</td></tr>%n",
                    rank, Html.escape(check.exercise()), Html.escape(check.name()), check.points(), 4 * check.failedShare(),
                    check.failed(), check.graded(), 100 * check.failedShare(), Html.escape(check.hint())));
        }
        return page.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    static String markdown(ClassSummary summary) {
        StringBuilder md = new StringBuilder("# sockgrader class report\n\n").append(counts(summary)).append("\n\n");
        md.append("## Totals\n\n").append(table(summary.totals())).append('\n');
        md.append("## Exercises\n\n| Exercise |");
        for (int bin = 0; bin < Histogram.BINS; bin++) {
            md.append(' ').append(Histogram.binLabel(bin)).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(Histogram.BINS)).append('\n');
        for (Map.Entry<String, Histogram> exercise : summary.exercises().entrySet()) {
            md.append("| ").append(exercise.getKey()).append(" |");
            for (int count : exercise.getValue().counts()) {
                md.append(' ').append(count).append(" |");
            }
            md.append('\n');
        }
        md.append("\n## Checks, most failed first\n\n| # | Exercise | Check | Points | Failed | Hint |\n|---:|---|---|---:|---:|---|\n");
        int rank = 0;
        for (ClassSummary.CheckTally check : summary.ranking()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d of %d (%.0f%%) | %s |%n", ++rank, cell(check.exercise()),
                    cell(check.name()), check.points(), check.failed(), check.graded(), 100 * check.failedShare(), cell(check.hint())));
        }
        return md.toString();
    }

    private static String counts(ClassSummary summary) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d submissions, %d graded to the end",
                summary.students(), summary.graded()));
        summary.outcomes().forEach((outcome, count) -> {
            if (outcome != Outcome.GRADED) {
                text.append(", ").append(count).append(' ').append(outcome.label());
            }
        });
        return text.append(String.format(Locale.ROOT, "; mean score %.0f%% of the maximum.", 100 * summary.meanShare())).toString();
    }

    private static String table(Histogram histogram) {
        StringBuilder md = new StringBuilder("| Share of the maximum | Submissions |\n|---|---:|\n");
        for (int bin = 0; bin < Histogram.BINS; bin++) {
            md.append("| ").append(Histogram.binLabel(bin)).append(" | ").append(histogram.counts()[bin]).append(" |\n");
        }
        return md.toString();
    }

    /** Text for a Markdown table cell: no line breaks, no column bars. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}

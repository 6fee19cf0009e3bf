package ipc.grader.batch;

import java.util.List;
import java.util.Locale;

/**
 * A distribution of scores as ten bars, by share of the maximum (0-9%, 10-19%, ... 90-100%), drawn
 * as inline SVG: the class report is one static page with nothing to fetch.
 */
record Histogram(String title, int[] counts) {

    static final int BINS = 10;
    private static final int WIDTH = 420;
    private static final int HEIGHT = 160;
    private static final int AXIS = 24;

    /** Bins {@code scores} (each {@code [score, max]}); a maximum of 0 counts as full marks. */
    static Histogram of(String title, List<int[]> scores) {
        int[] counts = new int[BINS];
        for (int[] score : scores) {
            double share = score[1] == 0 ? 1 : (double) score[0] / score[1];
            counts[Math.min(BINS - 1, (int) Math.floor(share * BINS))]++;
        }
        return new Histogram(title, counts);
    }

    static String binLabel(int bin) {
        return bin == BINS - 1 ? "90-100%" : (bin * 10) + "-" + (bin * 10 + 9) + "%";
    }

    /** Under a bar: its range without the % sign, which the caption gives ("0-9", ... "90-100"). */
    private static String axisLabel(int bin) {
        return binLabel(bin).replace("%", "");
    }

    String svg() {
        int most = 1;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        double barWidth = (double) WIDTH / BINS;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"histogram\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + "><title>%s</title>", WIDTH, HEIGHT + AXIS, WIDTH, HEIGHT + AXIS, Html.escape(title)));
        for (int bin = 0; bin < BINS; bin++) {
            double height = counts[bin] == 0 ? 0 : Math.max(2, (HEIGHT - 16) * counts[bin] / (double) most);
            double x = bin * barWidth;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s: %d</title></rect>", x + 2, HEIGHT - height, barWidth - 4, height, binLabel(bin), counts[bin]));
            if (counts[bin] > 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                        x + barWidth / 2, HEIGHT - height - 4, counts[bin]));
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x + barWidth / 2, HEIGHT + 16, axisLabel(bin)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/></svg>", HEIGHT, WIDTH, HEIGHT));
        return svg.toString();
    }
}

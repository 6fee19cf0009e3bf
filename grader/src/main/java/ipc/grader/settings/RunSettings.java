package ipc.grader.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of one grading run, read once where the run starts (the command line, or the JUnit
 * configuration that Maven passes, where {@code -Dsockgrader.seed=7} arrives) and the same for
 * every check of the run. Nothing below those two entry points reads a system property: what needs
 * a setting asks the run's, as Awaitility's conditions ask their {@code ConditionFactory}.
 *
 * @param timeScale            the factor every deadline is stretched by, at least 0.1
 * @param seed                 the seed of every random cut, payload and lost datagram
 * @param portRange            {@code lowest-highest} to pick free ports from, or "" for the default range
 * @param platform             {@code native} or {@code portable} (only what every system has), "" for native
 * @param studentLineSeparator {@code native}, {@code lf} or {@code crlf}: the line ends of student JVMs
 */
public record RunSettings(double timeScale, long seed, String portRange, String platform, String studentLineSeparator) {

    public static final String TIME_SCALE = "sockgrader.timeScale";
    public static final String SEED = "sockgrader.seed";
    public static final String PORT_RANGE = "sockgrader.portRange";
    public static final String PLATFORM = "sockgrader.platform";
    public static final String STUDENT_LINE_SEPARATOR = "sockgrader.studentLineSeparator";

    /** Every setting at its default: no stretch, the project's fixed seed, the default ports, native. */
    public static final RunSettings DEFAULTS = new RunSettings(1.0, 20_261_122L, "", "", "");

    private static volatile RunSettings current = DEFAULTS;

    public RunSettings {
        if (!Double.isFinite(timeScale)) {
            // NaN would make every deadline zero, infinity every wait endless.
            throw new IllegalArgumentException(TIME_SCALE + " must be a finite number, not '" + timeScale + "'");
        }
        timeScale = Math.max(0.1, timeScale);
        portRange = portRange.strip();
        platform = platform.strip().toLowerCase(Locale.ROOT);
        studentLineSeparator = studentLineSeparator.strip().toLowerCase(Locale.ROOT);
    }

    /** The settings that {@code parameters} (a JUnit configuration, say) give, the defaults for the rest. */
    public static RunSettings from(Function<String, Optional<String>> parameters) {
        return new RunSettings(
                parameters.apply(TIME_SCALE).filter(value -> !value.isBlank()).map(RunSettings::timeScale)
                        .orElse(DEFAULTS.timeScale),
                parameters.apply(SEED).filter(value -> !value.isBlank()).map(RunSettings::seed).orElse(DEFAULTS.seed),
                parameters.apply(PORT_RANGE).orElse(""),
                parameters.apply(PLATFORM).orElse(""),
                parameters.apply(STUDENT_LINE_SEPARATOR).orElse(""));
    }

    /** For the command line only: the settings its JVM was started with ({@code java -Dsockgrader.platform=portable}). */
    public static RunSettings fromSystemProperties() {
        return from(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /** The settings of the run in progress in this JVM, the defaults before one starts. */
    public static RunSettings current() {
        return current;
    }

    /** Makes {@code settings} the run's: called by the run's entry point, before any check. */
    public static void use(RunSettings settings) {
        current = settings;
    }

    public RunSettings withTimeScale(double factor) {
        return new RunSettings(factor, seed, portRange, platform, studentLineSeparator);
    }

    /** The settings that differ from the defaults, by name: for a JUnit launcher's configuration. */
    public Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (timeScale != DEFAULTS.timeScale) {
            parameters.put(TIME_SCALE, String.valueOf(timeScale));
        }
        if (seed != DEFAULTS.seed) {
            parameters.put(SEED, String.valueOf(seed));
        }
        for (Map.Entry<String, String> text : Map.of(PORT_RANGE, portRange, PLATFORM, platform,
                STUDENT_LINE_SEPARATOR, studentLineSeparator).entrySet()) {
            if (!text.getValue().isEmpty()) {
                parameters.put(text.getKey(), text.getValue());
            }
        }
        return parameters;
    }

    /** The same settings as {@code -D} options, for another grader JVM of the same run; the time scale always. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-D" + TIME_SCALE + "=" + timeScale));
        asParameters().forEach((name, value) -> {
            if (!name.equals(TIME_SCALE)) {
                options.add("-D" + name + "=" + value);
            }
        });
        return options;
    }

    private static double timeScale(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIME_SCALE + " must be a number, not '" + value + "'", e);
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED + " must be a whole number, not '" + value + "'", e);
        }
    }
}

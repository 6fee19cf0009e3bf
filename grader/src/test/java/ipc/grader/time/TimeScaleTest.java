package ipc.grader.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ipc.grader.settings.RunSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Isolated // sets the run's time scale, which every deadline of a test running beside it would read
class TimeScaleTest {

    /** Runs {@code action} in a run whose setting is {@code value} (null: absent), then restores the settings. */
    static <T> T withTimeScale(String value, Supplier<T> action) {
        RunSettings saved = RunSettings.current();
        try {
            RunSettings.use(RunSettings.from(name -> name.equals(RunSettings.TIME_SCALE) ? Optional.ofNullable(value)
                    : Optional.empty()));
            return action.get();
        } finally {
            RunSettings.use(saved);
        }
    }

    @Test
    @DisplayName("the property is named sockgrader.timeScale")
    void propertyName() {
        assertThat(RunSettings.TIME_SCALE).isEqualTo("sockgrader.timeScale");
    }

    @Test
    @DisplayName("without the property the factor is 1 and durations are unchanged")
    void defaultsToOne() {
        assertThat(withTimeScale(null, TimeScale::factor)).isEqualTo(1.0);
        assertThat(withTimeScale(null, () -> TimeScale.scaled(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("a blank property counts as absent")
    void blankIsAbsent() {
        assertThat(withTimeScale("  ", TimeScale::factor)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the property's number stretches every duration")
    void readsTheFactor() {
        assertThat(withTimeScale("2.5", TimeScale::factor)).isEqualTo(2.5);
        assertThat(withTimeScale("2.5", () -> TimeScale.scaled(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("blanks around the number are ignored")
    void trimsTheNumber() {
        assertThat(withTimeScale(" 2 ", TimeScale::factor)).isEqualTo(2.0);
    }

    @Test
    @DisplayName("a value that is not a number is refused with the property named")
    void rejectsNonNumbers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withTimeScale("fast", TimeScale::factor))
                .withMessage("sockgrader.timeScale must be a number, not 'fast'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.01", "0", "-4"})
    @DisplayName("a factor below 0.1 is raised to 0.1")
    void clampsSmallFactors(String value) {
        assertThat(withTimeScale(value, TimeScale::factor)).isEqualTo(0.1);
        assertThat(withTimeScale(value, () -> TimeScale.scaled(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    @DisplayName("NaN is refused like any other value that is not a number")
    void rejectsNaN() {
        assertThatIllegalArgumentException().isThrownBy(() -> withTimeScale("NaN", TimeScale::factor));
    }
}

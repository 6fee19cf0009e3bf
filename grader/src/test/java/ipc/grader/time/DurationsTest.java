package ipc.grader.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @Test
    @DisplayName("less than a second is given in milliseconds")
    void millisecondsBelowOneSecond() {
        assertThat(Durations.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
    }

    @Test
    @DisplayName("whole seconds are given without a decimal")
    void wholeSeconds() {
        assertThat(Durations.describe(Duration.ofSeconds(3))).isEqualTo("3 s");
    }

    @Test
    @DisplayName("other durations are given in seconds with one decimal and a point")
    void fractionalSeconds() {
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }

    @ParameterizedTest(name = "{0} ms is \"{1}\"")
    @CsvSource({"0, 0 ms", "999, 999 ms", "1000, 1 s", "60000, 60 s", "12400, 12.4 s"})
    @DisplayName("boundaries between milliseconds, whole and fractional seconds")
    void boundaries(long millis, String expected) {
        assertThat(Durations.describe(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}

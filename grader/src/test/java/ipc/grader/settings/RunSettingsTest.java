package ipc.grader.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    private static RunSettings from(Map<String, String> parameters) {
        return RunSettings.from(name -> Optional.ofNullable(parameters.get(name)));
    }

    @Test
    @DisplayName("without parameters every setting has its default")
    void defaults() {
        assertThat(from(Map.of())).isEqualTo(RunSettings.DEFAULTS);
        assertThat(RunSettings.DEFAULTS.asParameters()).isEmpty();
        assertThat(RunSettings.DEFAULTS.jvmOptions()).containsExactly("-Dsockgrader.timeScale=1.0");
    }

    @Test
    @DisplayName("each setting is read from its parameter, and goes back out as the same parameter")
    void roundTrip() {
        Map<String, String> given = Map.of("sockgrader.timeScale", "2.5", "sockgrader.seed", "7",
                "sockgrader.portRange", "20000-20999", "sockgrader.platform", "Portable",
                "sockgrader.studentLineSeparator", "crlf");
        RunSettings settings = from(given);
        assertThat(settings).isEqualTo(new RunSettings(2.5, 7, "20000-20999", "portable", "crlf"));
        assertThat(from(settings.asParameters())).isEqualTo(settings);
        assertThat(settings.jvmOptions()).containsExactlyInAnyOrder("-Dsockgrader.timeScale=2.5", "-Dsockgrader.seed=7",
                "-Dsockgrader.portRange=20000-20999", "-Dsockgrader.platform=portable",
                "-Dsockgrader.studentLineSeparator=crlf");
    }

    @Test
    @DisplayName("a seed or a time scale that is no number is refused, naming its parameter")
    void refusesWhatIsNoNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> from(Map.of("sockgrader.seed", "lucky")))
                .withMessage("sockgrader.seed must be a whole number, not 'lucky'");
        assertThatIllegalArgumentException().isThrownBy(() -> from(Map.of("sockgrader.timeScale", "Infinity")))
                .withMessageContaining("sockgrader.timeScale must be a finite number");
    }

    @Test
    @DisplayName("the settings in use are the run's, until another run's are used")
    void current() {
        RunSettings saved = RunSettings.current();
        try {
            RunSettings.use(saved.withTimeScale(3));
            assertThat(RunSettings.current().timeScale()).isEqualTo(3.0);
        } finally {
            RunSettings.use(saved);
        }
    }
}

package ipc.grader.suites.echo;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.settings.RunSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // changes the run's seed, which the checks of a run beside it would read
class PayloadsTest {

    @Test
    @DisplayName("the 1 MiB payload is the same for one seed, and follows -Dsockgrader.seed to another")
    void followsTheSeed() {
        RunSettings saved = RunSettings.current();
        try {
            RunSettings.use(RunSettings.DEFAULTS);
            byte[] fixed = Payloads.mebibyte();
            assertThat(Payloads.mebibyte()).isEqualTo(fixed);
            RunSettings.use(new RunSettings(1, 7, "", "", ""));
            assertThat(Payloads.mebibyte()).isNotEqualTo(fixed);
        } finally {
            RunSettings.use(saved);
        }
    }
}

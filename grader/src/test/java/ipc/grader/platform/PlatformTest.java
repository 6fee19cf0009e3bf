package ipc.grader.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.grader.settings.RunSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The switches are read through pure functions, so no test sets them for the whole (parallel) JVM. */
class PlatformTest {

    @Test
    @DisplayName("the platform switch is native by default and portable when asked; anything else is refused")
    void platformSwitch() {
        assertThat(Platform.portable("")).isFalse();
        assertThat(Platform.portable("native")).isFalse();
        assertThat(Platform.portable("portable")).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> Platform.portable("windows"))
                .withMessageContaining(Platform.PROPERTY);
    }

    @Test
    @DisplayName("student line ends are the JVM's own by default, or LF or CRLF when asked")
    void lineEnds() {
        assertThat(Platform.lineSeparator("")).isEmpty();
        assertThat(Platform.lineSeparator("native")).isEmpty();
        assertThat(Platform.lineSeparator("lf")).contains("\n");
        assertThat(Platform.lineSeparator("crlf")).contains("\r\n");
        assertThatIllegalArgumentException().isThrownBy(() -> Platform.lineSeparator("cr"))
                .withMessageContaining(Platform.LINE_SEPARATOR_PROPERTY);
    }

    @Test
    @DisplayName("reports name exactly the switches in force")
    void switchesNamed() {
        assertThat(Platform.switches("", "")).isEmpty();
        assertThat(Platform.switches("native", "native")).isEmpty();
        assertThat(Platform.switches("portable", "")).isEqualTo("portable platform");
        assertThat(Platform.switches("portable", "crlf")).isEqualTo("portable platform, student line ends crlf");
        assertThat(Platform.switches("", "crlf")).isEqualTo("student line ends crlf");
    }

    @Test
    @DisplayName("on this JVM, where no switch is set, Linux reads /proc and process command lines")
    void nativeHere() {
        assumeTrue(RunSettings.current().platform().isEmpty() && System.getProperty("os.name").equals("Linux"),
                "Linux without the portable switch");
        assertThat(Platform.procFileSystem()).isTrue();
        assertThat(Platform.processCommandLines()).isTrue();
        assertThat(Platform.refusesPastBacklog()).isFalse();
    }
}

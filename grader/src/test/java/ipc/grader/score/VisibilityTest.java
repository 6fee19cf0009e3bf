package ipc.grader.score;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.Hidden;
import ipc.grader.junit.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    static class PublicSuite {
        void check() {
        }

        @Hidden(Visibility.HIDDEN)
        void neverShown() {
        }
    }

    @Hidden
    static class HiddenSuite {
        void check() {
        }

        @Hidden(Visibility.AFTER_PUBLISHED)
        void shownWhenPublished() {
        }
    }

    @Test
    @DisplayName("a check is visible, unless it or its suite is @Hidden; its own annotation wins")
    void fromTheAnnotations() throws NoSuchMethodException {
        assertThat(ScoreCollector.visibility(PublicSuite.class.getDeclaredMethod("check"))).isEqualTo(Visibility.VISIBLE);
        assertThat(ScoreCollector.visibility(PublicSuite.class.getDeclaredMethod("neverShown"))).isEqualTo(Visibility.HIDDEN);
        assertThat(ScoreCollector.visibility(HiddenSuite.class.getDeclaredMethod("check"))).isEqualTo(Visibility.AFTER_DUE_DATE);
        assertThat(ScoreCollector.visibility(HiddenSuite.class.getDeclaredMethod("shownWhenPublished")))
                .isEqualTo(Visibility.AFTER_PUBLISHED);
    }

    @Test
    @DisplayName("each visibility has Gradescope's name")
    void gradescopeNames() {
        assertThat(Visibility.values()).extracting(Visibility::gradescopeName)
                .containsExactly("visible", "after_due_date", "after_published", "hidden");
    }
}

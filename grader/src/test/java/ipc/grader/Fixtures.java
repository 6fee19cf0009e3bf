package ipc.grader;

import ipc.grader.submission.Submission;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** The fixture programs of the grader's own tests (src/test/resources/fixtures), as a submission. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The folder that holds {@code ipc/fixture/*.java}. */
    public static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/ipc/fixture/Exits.java").toURI())
                    .getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh submission of the fixtures; close it. */
    public static Submission submission() {
        return Submission.open(root(), Map.of());
    }
}

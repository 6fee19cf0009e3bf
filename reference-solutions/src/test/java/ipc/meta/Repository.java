package ipc.meta;

import ipc.grader.home.RepositoryLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the meta-tests find the instructor repository's parts (Maven runs them in this module's folder). */
final class Repository {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final Path REFERENCE = MODULE.resolve("src/main/java");
    static final Path SKELETONS = ROOT.resolve(RepositoryLayout.SKELETONS);
    static final Path MUTANTS = MODULE.resolve("mutants");

    static {
        if (!Files.isDirectory(SKELETONS) || !Files.isDirectory(MUTANTS)) {
            throw new IllegalStateException("run the meta-tests from reference-solutions/ (mvn test does)");
        }
    }

    private Repository() {
    }
}

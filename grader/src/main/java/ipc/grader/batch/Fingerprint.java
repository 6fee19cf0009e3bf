package ipc.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a grading depends on, as one SHA-256: the exercise sources of the submission (the same
 * {@code ipc/**.java} files grading copies), the grader itself, and the options that change a score.
 * A rerun of a batch skips a submission whose fingerprint is the one its last grading recorded.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    /** The fingerprint of grading the sources under {@code sourceRoot} with {@code grader} and {@code options}. */
    static String of(Path sourceRoot, String grader, List<String> options) {
        MessageDigest digest = sha256();
        update(digest, "grader " + grader);
        options.forEach(option -> update(digest, "option " + option));
        Path ipc = sourceRoot.resolve("ipc");
        if (Files.isDirectory(ipc)) {
            try (Stream<Path> walk = Files.walk(ipc)) {
                for (Path file : walk.filter(file -> file.toString().endsWith(".java")
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    update(digest, "file " + sourceRoot.relativize(file).toString().replace('\\', '/'));
                    digest.update(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Identifies the grader's build: the hash of its jar, or, when it runs from class folders (the
     * project's own tests), of their class files.
     */
    static String ofGrader(Path codeSource) {
        MessageDigest digest = sha256();
        try {
            if (Files.isRegularFile(codeSource)) {
                digest.update(Files.readAllBytes(codeSource));
            } else if (Files.isDirectory(codeSource)) {
                try (Stream<Path> walk = Files.walk(codeSource)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        update(digest, codeSource.relativize(file).toString());
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

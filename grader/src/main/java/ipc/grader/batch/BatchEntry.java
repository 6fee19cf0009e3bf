package ipc.grader.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ipc.grader.report.WholeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a batch records beside each student's reports ({@code batch.json}): how the grading ended,
 * why, how long it took, and the fingerprint of what was graded, which lets a rerun skip it.
 */
record BatchEntry(String student, Outcome outcome, String reason, String fingerprint, double seconds) {

    static final String FILE = "batch.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        // Written whole or not at all: a batch killed mid-write leaves no entry, so the rerun grades again.
        WholeFile.write(folder.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    /** The entry in {@code folder}, if a grading there ran to its end. */
    static Optional<BatchEntry> readFrom(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), BatchEntry.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable: graded again
        }
    }
}

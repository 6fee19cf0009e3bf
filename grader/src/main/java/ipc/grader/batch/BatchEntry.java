package ipc.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path partial = folder.resolve(FILE + ".partial");
        JSON.writeValue(partial.toFile(), JSON.createObjectNode().put("student", student).put("outcome", outcome.label())
                .put("reason", reason).put("fingerprint", fingerprint).put("seconds", seconds));
        // Written whole or not at all: a batch killed mid-write leaves no entry, so the rerun grades again.
        Files.move(partial, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entry in {@code folder}, if a grading there ran to its end. */
    static Optional<BatchEntry> readFrom(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new BatchEntry(node.path("student").asText(), Outcome.ofLabel(node.path("outcome").asText()),
                    node.path("reason").asText(), node.path("fingerprint").asText(), node.path("seconds").asDouble()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable: graded again
        }
    }
}

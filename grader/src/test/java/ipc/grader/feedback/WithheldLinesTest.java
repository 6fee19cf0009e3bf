package ipc.grader.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WithheldLinesTest {

    @TempDir
    Path home;
    private WithheldLines withheld;

    @BeforeEach
    void aCourse() throws Exception {
        Path hidden = Files.createDirectories(home.resolve("hidden/ipc/echo"));
        Files.writeString(hidden.resolve("EchoServer.java"), """
                package ipc.echo;
                import java.net.ServerSocket;
                public final class EchoServer {
                    // the answer, in a comment
                    private static final String STATUS = "HTTP/1.1 200 OK";
                    out.write(reply.getBytes());
                    out.write("bye\\n".getBytes());
                    HTTP/1.1 404 Not Found
                }
                """);
        Files.writeString(hidden.resolve("notes.txt"), "int secret = answer(42);\n");
        Path published = Files.createDirectories(home.resolve("public/ipc/echo"));
        Files.writeString(published.resolve("EchoServer.java"), "package ipc.echo;\npublic final class EchoServer {\n}\n");
        withheld = WithheldLines.of(List.of(home.resolve("hidden"), home.resolve("not-there")),
                List.of(home.resolve("public"), home.resolve("not-there-either")));
    }

    @Test
    @DisplayName("a hidden line printed by a program is withheld, with the quoting around it kept")
    void printedLine() {
        String feedback = "Your program printed:\n  | out.write(reply.getBytes());\n  | listening\n";

        assertThat(withheld.from(feedback))
                .isEqualTo("Your program printed:\n  | " + WithheldLines.MARKER + "\n  | listening\n");
    }

    @Test
    @DisplayName("a hidden line sent as bytes is withheld as Bytes shows it, escapes and all")
    void escapedBytes() {
        String shown = Bytes.show(Bytes.utf8("out.write(\"bye\\n\".getBytes());\nhello\n"));

        assertThat(withheld.from("expected \"bye\" but got " + shown + " back"))
                .startsWith("expected \"bye\" but got \"" + WithheldLines.MARKER + "\\nhello\\n\" (")
                .endsWith(" bytes) back");
    }

    @Test
    @DisplayName("comments and every line of a mutant are withheld too")
    void commentsAndMutants() throws Exception {
        Files.writeString(home.resolve("hidden/never-flushes.mutant"), "mistake: never flushes its stream\n");
        WithheldLines more = WithheldLines.of(List.of(home.resolve("hidden")), List.of(home.resolve("public")));

        assertThat(more.from("// the answer, in a comment\nmistake: never flushes its stream"))
                .isEqualTo(WithheldLines.MARKER + "\n" + WithheldLines.MARKER);
    }

    @Test
    @DisplayName("public lines, prose a program could print, short lines and files that are not sources are kept")
    void whatIsKept() {
        String feedback = String.join("\n", "public final class EchoServer {", "HTTP/1.1 404 Not Found",
                "int secret = answer(42);", "out.write(reply.getBytes()); and more", "}", "package ipc.echo;");

        assertThat(withheld.from(feedback)).isEqualTo(feedback);
    }

    @Test
    @DisplayName("where there is nothing to withhold, the text is unchanged")
    void nothingToWithhold() {
        assertThat(WithheldLines.none().from("out.write(reply.getBytes());")).isEqualTo("out.write(reply.getBytes());");
        assertThat(WithheldLines.of(List.of(home.resolve("missing")), List.of()).size()).isZero();
    }
}

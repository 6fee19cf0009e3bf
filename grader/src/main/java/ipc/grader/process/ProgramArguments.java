package ipc.grader.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A program's arguments in the catalogue's shape: a server gets {@code <port> [extra...]}, a client
 * {@code <host> <port> [extra...]}. Kept apart so that a command template can place the host and
 * port where its program expects them.
 */
public record ProgramArguments(String host, Integer port, List<String> extras) {

    public ProgramArguments {
        extras = List.copyOf(extras);
    }

    /** {@code <port> [extra...]}. */
    public static ProgramArguments forServer(int port, Object... extras) {
        return new ProgramArguments(null, port, strings(extras));
    }

    /** {@code <host> <port> [extra...]}. */
    public static ProgramArguments forClient(String host, int port, Object... extras) {
        return new ProgramArguments(Objects.requireNonNull(host), port, strings(extras));
    }

    /** Arguments with neither host nor port. */
    public static ProgramArguments of(Object... extras) {
        return new ProgramArguments(null, null, strings(extras));
    }

    /** All arguments in catalogue order, as a Java program receives them. */
    public List<String> inOrder() {
        List<String> all = new ArrayList<>();
        if (host != null) {
            all.add(host);
        }
        if (port != null) {
            all.add(String.valueOf(port));
        }
        all.addAll(extras);
        return all;
    }

    private static List<String> strings(Object... values) {
        List<String> out = new ArrayList<>(values.length);
        for (Object value : values) {
            out.add(String.valueOf(value));
        }
        return out;
    }
}

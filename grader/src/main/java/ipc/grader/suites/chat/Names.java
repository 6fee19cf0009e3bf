package ipc.grader.suites.chat;

import ipc.grader.net.TcpConnection;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the chat names a client: its address as the server sees it, {@code ip:port}. */
final class Names {

    private static final Pattern JOINED = Pattern.compile("\\*\\*\\* (\\S+) joined \\*\\*\\*");

    private Names() {
    }

    /** The name of the grader's own client {@code connection}: the server sees its local port. */
    static String of(TcpConnection connection) {
        return "127.0.0.1:" + connection.localPort();
    }

    /** Reads the next line on {@code observer}, a join notice, and returns the name in it. */
    static String fromJoinNotice(TcpConnection observer) {
        String line = observer.readLine(Deadline.in(Waits.REPLY));
        Matcher matcher = JOINED.matcher(line == null ? "" : line);
        if (!matcher.matches()) {
            throw observer.failure("expected a join notice \"*** <ip:port> joined ***\" but got "
                    + (line == null ? "the end of the stream" : "\"" + line + "\""));
        }
        return matcher.group(1);
    }
}

package ipc.grader.net;

import java.util.OptionalInt;
import java.util.Set;

/**
 * One address column of a {@code netstat -an} row, in any of the forms the three systems print:
 * Linux and Windows put the port after the last colon ({@code 127.0.0.1:8080}, {@code [::1]:8080},
 * {@code :::8080}), macOS after the last dot ({@code 127.0.0.1.8080}, {@code *.8080},
 * {@code fe80::1%lo0.8080}). Whichever of the two comes last separates the port, which reads every
 * form right, {@code ::ffff:127.0.0.1:8080} included.
 */
record NetstatAddress(String host, String port) {

    /** Hosts that stand for "any address": macOS {@code *}, IPv4 and IPv6 wildcards, bracketed or not. */
    private static final Set<String> ANY_HOST = Set.of("*", "0.0.0.0", "::", "[::]", "");

    static NetstatAddress of(String column) {
        int separator = Math.max(column.lastIndexOf(':'), column.lastIndexOf('.'));
        if (separator < 0) {
            return new NetstatAddress(column, "");
        }
        return new NetstatAddress(column.substring(0, separator), column.substring(separator + 1));
    }

    /** The port as a number, or empty for {@code *} and service names ({@code localhost.ipp} without -n). */
    OptionalInt portNumber() {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(port));
    }

    /**
     * Whether this is "no peer": the foreign address of a listening socket, which every system
     * prints whatever its language ({@code 0.0.0.0:0}, {@code [::]:0}, {@code *.*}, {@code 0.0.0.0:*},
     * {@code :::*}). No connection has port 0 or {@code *} at its other end.
     */
    boolean isWildcard() {
        return ANY_HOST.contains(host) && (port.equals("*") || port.equals("0"));
    }
}

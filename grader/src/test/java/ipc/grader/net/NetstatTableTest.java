package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The parser against real {@code netstat} outputs recorded on the systems students grade on; each
 * file under {@code src/test/resources/netstat/} names its source in its first line.
 */
class NetstatTableTest {

    @Test
    @DisplayName("Windows, English: IPv4, IPv6 and loopback-only listeners; connections and UDP sockets are not listeners")
    void windowsEnglish() {
        NetstatTable table = sample("windows-english.txt");
        assertListening(table, 135, 2869, 49673, 2015, 139);
        assertListening(table, 49669); // only on [::1]
        assertNotListening(table, 13, 35, 1350, 1135, 49739, 443, 5228, 123, 1900);
        assertBoundUdp(table, 123, 5050, 1900, 58340, 58338, 58337, 51154, 49664);
        assertNotBoundUdp(table, 135, 445, 12, 190, 19000, 49739);
    }

    @Test
    @DisplayName("Windows, German: ABHÖREN is never read, the wildcard foreign address says listening")
    void windowsGerman() {
        NetstatTable table = sample("windows-german.txt");
        assertListening(table, 102, 135, 3389, 49181, 49186, 61900, 7030, 139);
        assertListening(table, 22350, 4840); // only on [::]
        assertNotListening(table, 44080, 49168, 49202, 51231, 50000, 8080, 80, 10, 1355, 33890);
        assertBoundUdp(table, 123, 500, 1434, 5000);
        assertNotBoundUdp(table, 135, 50, 5001, 14340);
    }

    @Test
    @DisplayName("Windows, French and German with -o: the PID column after the state changes nothing")
    void windowsFrenchAndGermanWithPids() {
        NetstatTable table = sample("windows-french-and-german-ano.txt");
        assertListening(table, 25);
        assertNotListening(table, 2, 250, 5788, 4552);
    }

    @Test
    @DisplayName("Windows, French, connections only: nothing listens, whichever side of a connection the port is on")
    void windowsFrenchConnections() {
        NetstatTable table = sample("windows-french-connections.txt");
        assertNotListening(table, 7680, 1120, 6463, 9010, 9100, 61399, 57179, 49835, 5228);
        assertNotBoundUdp(table, 7680, 1120);
    }

    @Test
    @DisplayName("macOS: tcp4 and tcp46 listeners with port after the last dot; peers and UDP sockets on the same port are told apart")
    void macosEthereum() {
        NetstatTable table = sample("macos-ethereum.txt");
        assertListening(table, 30303, 8545);
        assertNotListening(table, 54871, 54854, 55313, 3030, 303030, 854, 85450);
        assertBoundUdp(table, 30303);
        assertNotBoundUdp(table, 8545, 55313);
    }

    @Test
    @DisplayName("macOS: tcp4, tcp6 and tcp46 listeners, on ::1, on a truncated link-local address, and with -v columns")
    void macosListeners() {
        NetstatTable table = sample("macos-listeners.txt");
        assertListening(table, 631, 49315, 15018, 3283, 49177, 88, 49159, 49158);
        assertNotListening(table, 63, 6310, 328, 32830, 8, 880, 131072, 26008);
        assertNotBoundUdp(table, 631, 3283);
    }

    @Test
    @DisplayName("macOS: udp4 and udp6 sockets are bound, service names and *.* are no port, a CLOSE_WAIT is no listener")
    void macosUdp() {
        NetstatTable table = sample("macos-leopard-udp.txt");
        assertBoundUdp(table, 58916, 52844, 58444, 52618, 55354, 54759);
        assertNotBoundUdp(table, 123, 5353, 0, 5891, 589160, 52023);
        assertNotListening(table, 52023, 58916, 119);
    }

    @Test
    @DisplayName("Linux net-tools: tcp and tcp6 listeners, established and TIME_WAIT rows are not; udp6 sockets are bound")
    void linuxNetTools() {
        NetstatTable table = sample("linux-net-tools.txt");
        assertListening(table, 18080, 2024, 8080);
        assertNotListening(table, 60206, 38078, 29699, 1808, 180800, 80, 808);
        assertBoundUdp(table, 8080, 26206, 54241);
        assertNotBoundUdp(table, 18080, 2024, 808, 80800);
    }

    @Test
    @DisplayName("Linux net-tools: the Recv-Q of a connection is the bytes its program has not read; either end is told apart")
    void unreadBytesOnLinux() {
        NetstatTable table = sample("linux-net-tools-unread.txt");
        assertThat(table.showsQueues()).isTrue();
        assertThat(table.unreadBytes(18181, 35502)).hasValue(12);
        assertThat(table.unreadBytes(35502, 18181)).hasValue(0);
        assertThat(table.unreadBytes(18181, 35503)).as("a connection that is gone").isEmpty();
        assertThat(table.isListening(18181)).isTrue();
    }

    @Test
    @DisplayName("macOS prints the queues too, with the port after the last dot; Windows prints none")
    void queuesByPlatform() {
        NetstatTable mac = sample("macos-ethereum.txt");
        assertThat(mac.showsQueues()).isTrue();
        assertThat(mac.unreadBytes(8545, 55313)).hasValue(0);
        assertThat(mac.unreadBytes(55313, 8545)).hasValue(0);
        assertThat(mac.unreadBytes(8545, 8545)).isEmpty();
        NetstatTable windows = sample("windows-english.txt");
        assertThat(windows.showsQueues()).isFalse();
    }

    @Test
    @DisplayName("a TCP socket macOS shows bound but not listening (CLOSED, foreign *.*) is not a listener")
    void boundButNotListening() {
        // Not a recorded capture: the row BSD netstat prints for a bound, unlistened socket
        // (its state is the untranslated tcpstates[TCPS_CLOSED]), beside the listener it must not pass for.
        NetstatTable table = NetstatTable.parse("""
                tcp4       0      0  127.0.0.1.8080         *.*                    CLOSED
                tcp4       0      0  127.0.0.1.8081         *.*                    LISTEN
                """);
        assertNotListening(table, 8080);
        assertListening(table, 8081);
    }

    private static void assertListening(NetstatTable table, int... ports) {
        assertSeen("listening", table::isListening, true, ports);
    }

    private static void assertNotListening(NetstatTable table, int... ports) {
        assertSeen("listening", table::isListening, false, ports);
    }

    private static void assertBoundUdp(NetstatTable table, int... ports) {
        assertSeen("bound to UDP", table::isBoundUdp, true, ports);
    }

    private static void assertNotBoundUdp(NetstatTable table, int... ports) {
        assertSeen("bound to UDP", table::isBoundUdp, false, ports);
    }

    /** All ports checked at once, so a failure lists every port the table got wrong. */
    private static void assertSeen(String what, IntPredicate seen, boolean expected, int[] ports) {
        assertThat(Arrays.stream(ports).filter(port -> seen.test(port) != expected).boxed())
                .as("ports that should %sbe seen %s", expected ? "" : "not ", what).isEmpty();
    }

    /** A recorded output without its source lines (the leading lines starting with #). */
    private static NetstatTable sample(String name) {
        try (InputStream in = NetstatTableTest.class.getResourceAsStream("/netstat/" + name)) {
            assertThat(in).as("sample " + name).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            int firstRow = 0;
            while (firstRow < lines.length && lines[firstRow].startsWith("#")) {
                firstRow++;
            }
            assertThat(firstRow).as("sample " + name + " names its source in a first # line").isPositive();
            return NetstatTable.parse(Arrays.stream(lines, firstRow, lines.length).collect(Collectors.joining("\n")));
        } catch (IOException e) {
            throw new AssertionError("cannot read sample " + name, e);
        }
    }
}

package ipc.grader.report;

import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@link GradeReport} as the XML files Maven Surefire writes, one {@code TEST-<suite>.xml} per
 * graded suite (Surefire's report format 3.0), so CI systems that show JUnit results (GitHub
 * test reporters, GitLab, Jenkins) show the grading as tests. A failed check is a {@code failure}
 * with its reason as the message and the full report as the text; a check skipped on this
 * platform is {@code skipped}.
 */
public final class JunitXml {

    static final String FOLDER = "junit";
    private static final String SCHEMA = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";

    private JunitXml() {
    }

    /** Writes one file per suite into {@code folder}; returns the files. */
    public static List<Path> write(GradeReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<CheckResult>> suites = new LinkedHashMap<>();
        for (CheckResult check : report.checks()) {
            suites.computeIfAbsent(check.suite(), suite -> new ArrayList<>()).add(check);
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, List<CheckResult>> suite : suites.entrySet()) {
            Path file = folder.resolve("TEST-" + suite.getKey() + ".xml");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeSuite(writer, report.submission(), suite.getKey(), suite.getValue());
            } catch (XMLStreamException e) {
                throw new IOException("could not write " + file + ": " + e.getMessage(), e);
            }
            files.add(file);
        }
        return files;
    }

    private static void writeSuite(Writer writer, String submission, String suite, List<CheckResult> checks)
            throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", SCHEMA);
        xml.writeAttribute("version", "3.0");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("time", seconds(checks.stream().map(CheckResult::duration).reduce(Duration.ZERO, Duration::plus)));
        xml.writeAttribute("tests", Integer.toString(checks.size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(checks.stream().filter(check -> !check.counts()).count()));
        xml.writeAttribute("failures", Long.toString(checks.stream().filter(CheckResult::failed).count()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "sockgrader.submission", submission);
        property(xml, "sockgrader.exercise", checks.get(0).exercise());
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        for (CheckResult check : checks) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", check.method());
            xml.writeAttribute("classname", check.suite());
            xml.writeAttribute("time", seconds(check.duration()));
            if (check.failed()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", xmlSafe(check.reason()));
                xml.writeAttribute("type", AssertionError.class.getName());
                xml.writeCharacters(xmlSafe(check.exercise() + ": " + check.name() + " [" + check.points() + " pts]\n"
                        + check.message()));
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
            } else if (!check.counts()) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", xmlSafe(check.reason()));
                xml.writeCharacters("\n  ");
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlSafe(value));
    }

    /** Seconds with three decimals, as Surefire writes them. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    /**
     * XML 1.0 cannot hold most control characters, not even escaped; a student's output may contain
     * them, so each becomes U+FFFD rather than making the file unreadable.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(
                c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000 ? c : 0xFFFD));
        return safe.toString();
    }
}

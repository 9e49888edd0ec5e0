package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.portal.support.TestDatabase;

/**
 * Runs every curl line of the README's examples section, in order, against the packaged service
 * started on a fresh data directory with the demo data, and checks each status: 2xx unless the
 * line ends in {@code # expect NNN}.
 */
class ReadmeExamplesIT {

    private static final Pattern EXPECT = Pattern.compile("\\s+#\\s*expect\\s+(\\d{3})\\s*$");

    @Test
    void everyReadmeExampleRunsAgainstTheDemoData() throws Exception {
        // the README starts the service on the embedded database; the PostgreSQL build runs the same
        // requests in the @QuarkusTest suite, so a second run of the jar here would check nothing new
        Assumptions.assumeFalse(TestDatabase.isPostgresql(), "the README's examples run against the H2 build it starts");
        List<String> commands = examples(Path.of(System.getProperty("portal.readme", "README.md")));
        assertTrue(commands.size() >= 20, "the README should show examples for every resource");
        try (RunningService service = new RunningService(Files.createTempDirectory("portal-readme"), "readme",
                "portal.demo-data=true")) {
            service.start();
            List<String> failures = new ArrayList<>();
            for (String line : commands) {
                Matcher expect = EXPECT.matcher(line);
                int expected = expect.find() ? Integer.parseInt(expect.group(1)) : -1;
                String command = EXPECT.matcher(line).replaceFirst("").replace("localhost:8080", "localhost:" + service.port());
                // the body goes to /dev/null; what the example prints besides (headers with -D -) comes first
                Process curl = new ProcessBuilder("bash", "-c", command + " -o /dev/null -w '\\n%{http_code}'")
                        .redirectErrorStream(true).start();
                String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                String status = output.substring(output.lastIndexOf('\n') + 1);
                boolean ok = curl.waitFor() == 0 && (expected == -1 ? status.matches("2\\d\\d") : status.equals("" + expected));
                if (!ok) {
                    failures.add(status + " for: " + line);
                }
            }
            assertEquals(List.of(), failures, "README examples that did not answer as shown");
            System.out.printf("ReadmeExamplesIT: %d README curl examples ran as documented%n", commands.size());
        }
    }

    private static List<String> examples(Path readme) throws Exception {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- examples:start -->");
        int end = text.indexOf("<!-- examples:end -->");
        assertTrue(start >= 0 && end > start, "README has no examples section");
        return text.substring(start, end).lines().map(String::strip).filter(l -> l.startsWith("curl ")).toList();
    }
}

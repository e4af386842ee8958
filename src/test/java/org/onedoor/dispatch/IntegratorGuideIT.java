package org.onedoor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.simulator.SimulatedMdas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The walk-throughs of docs/integrators.md, run as they stand: every {@code sh} block of the section, in order, in
 * one bash with {@code set -euo pipefail}, against this test's server instead of the demo's port. Each comment
 * {@code # prints: text} says what the output must contain, in order.
 */
@DemoIntegrationTest
class IntegratorGuideIT {

    private static final Pattern SECTION = Pattern.compile("(?ms)^### (.+?)$(.*?)(?=^### |^## |\\z)");
    private static final Pattern BLOCK = Pattern.compile("(?s)```sh\\n(.*?)```");
    private static final Pattern PRINTS = Pattern.compile("(?m)^# prints: (.+)$");
    private static final List<String> TOOLS = List.of("bash", "curl", "openssl", "jq", "base64", "sed");

    @Autowired
    SimulatedMdas simulator;
    @LocalServerPort
    int port;

    @AfterEach
    void heal() {
        simulator.heal("fire-service");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Walk-through: be the fire service over REST", "Walk-through: be the fire service over SOAP"})
    void theWalkThroughRunsAsWritten(String title) throws Exception {
        List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
        // .ci/run installs the tools and sets ONEDOOR_WALKTHROUGHS=required: there, a missing tool is a failure.
        if ("required".equals(System.getenv("ONEDOOR_WALKTHROUGHS"))) {
            assertThat(missing).as("tools the walk-throughs need").isEmpty();
        }
        Assumptions.assumeTrue(missing.isEmpty(), "the walk-throughs need " + missing + " on the PATH");
        String script = script(title).replace("http://localhost:8080", "http://localhost:" + port);
        List<String> expected = new ArrayList<>();
        Matcher prints = PRINTS.matcher(script);
        while (prints.find()) {
            expected.add(prints.group(1));
        }
        assertThat(expected).as("the walk-through says what it prints").isNotEmpty();

        Path file = Files.createTempFile("walk-through", ".sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", file.toString()).redirectErrorStream(true).start();
        boolean ended = bash.waitFor(3, TimeUnit.MINUTES);
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            bash.destroyForcibly();
        }
        assertThat(ended).as("the walk-through ends within 3 minutes:\n" + output).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        int from = 0;
        for (String text : expected) {
            int at = output.indexOf(text, from);
            assertThat(at).as("prints '%s' after what came before:%n%s", text, output).isNotNegative();
            from = at + text.length();
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** The section's sh blocks, joined. */
    private static String script(String title) throws IOException {
        Matcher section = SECTION.matcher(Files.readString(Path.of("docs/integrators.md")));
        while (section.find()) {
            if (section.group(1).strip().equals(title)) {
                StringBuilder script = new StringBuilder();
                Matcher block = BLOCK.matcher(section.group(2));
                while (block.find()) {
                    script.append(block.group(1)).append('\n');
                }
                return script.toString();
            }
        }
        throw new AssertionError("docs/integrators.md has no section '" + title + "'");
    }
}

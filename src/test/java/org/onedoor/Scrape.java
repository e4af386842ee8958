package org.onedoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** One read of {@code /actuator/prometheus} as a supervisor, in Prometheus's text format. */
public final class Scrape {

    private static final Pattern READING = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Reading(String name, Map<String, String> labels, double number) {
    }

    private final List<Reading> readings;

    private Scrape(String text) {
        this.readings = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(Scrape::reading).toList();
    }

    public static Scrape of(TestRestTemplate http) {
        ResponseEntity<String> response = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return new Scrape(response.getBody());
    }

    private static Reading reading(String line) {
        Matcher m = READING.matcher(line);
        if (!m.matches()) {
            throw new AssertionError("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new HashMap<>();
        if (m.group(2) != null) {
            Matcher label = LABEL.matcher(m.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Reading(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    /** The sum of the samples of {@code name} that carry these labels ({@code name, value, ...}); 0 if there is none. */
    public double value(String name, String... labels) {
        return readings.stream().filter(s -> s.name().equals(name) && hasLabels(s, labels))
                .mapToDouble(Reading::number).sum();
    }

    /** Whether any sample of {@code name} is shown, with any labels. */
    public boolean has(String name) {
        return readings.stream().anyMatch(s -> s.name().equals(name));
    }

    private static boolean hasLabels(Reading reading, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(reading.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}

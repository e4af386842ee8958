package org.onedoor.mda;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.onedoor.casework.OfficerRole;
import org.onedoor.packet.KeyFiles;
import org.onedoor.packet.TrustedParties;
import org.onedoor.system.YamlFiles;
import org.onedoor.system.YamlFiles.InvalidFileException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Every MDA OneDoor knows, one folder each under {@code connectors/}. Operators point
 * {@code onedoor.connectors.location} at a directory of their own ({@code file:/etc/onedoor/connectors/*}{@code /connector.yaml})
 * so that adding an MDA needs no rebuild. The MDAs' certificates, named in each file, join the trust store.
 */
@Component
public class ConnectorRegistry implements TrustedParties {

    public static final String DEFAULT_LOCATION = "classpath*:connectors/*/connector.yaml";
    private static final String ORGANOGRAM = "organogram.yaml";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,40}");
    private static final Pattern RETRY_CYCLE = Pattern.compile("R\\d{1,3}/P(T?\\d+[DHMS])+");

    private final Map<String, Connector> connectors;
    private final Map<String, List<X509Certificate>> certificates;
    private final Map<String, String> files;
    private final Map<String, Organogram> organograms;
    private final Environment environment;

    @Autowired
    public ConnectorRegistry(@Value("${onedoor.connectors.location:" + DEFAULT_LOCATION + "}") String location,
            Environment environment) {
        this(YamlFiles.find(location), environment);
    }

    /** The connectors at {@code location}, endpoints resolved against system properties and the environment only. */
    public ConnectorRegistry(String location) {
        this(YamlFiles.find(location), new StandardEnvironment());
    }

    public ConnectorRegistry(List<Resource> found, Environment environment) {
        this.environment = environment;
        Map<String, Connector> loaded = new LinkedHashMap<>();
        Map<String, List<X509Certificate>> trusted = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, Organogram> charts = new LinkedHashMap<>();
        for (Resource file : found) {
            String name = YamlFiles.describe(file);
            Connector connector = YamlFiles.read(file, Connector.class);
            validate(name, connector);
            if (loaded.putIfAbsent(connector.code(), connector) != null) {
                throw new InvalidFileException(name, "code: '" + connector.code() + "' is declared twice");
            }
            trusted.put(connector.code(), certificates(file, name, connector));
            where.put(connector.code(), name);
            charts.put(connector.code(), organogram(file, connector));
        }
        this.connectors = Collections.unmodifiableMap(new TreeMap<>(loaded));
        this.certificates = Map.copyOf(trusted);
        this.files = Map.copyOf(where);
        this.organograms = Map.copyOf(charts);
    }

    /** {@code organogram.yaml} beside the connector, or the MDA's three review levels if there is none. */
    private static Organogram organogram(Resource connectorFile, Connector connector) {
        try {
            Resource file = connectorFile.createRelative(ORGANOGRAM);
            if (!file.exists()) {
                return Organogram.ofLevels(connector);
            }
            Organogram organogram = YamlFiles.read(file, Organogram.class);
            organogram.validate(connector.code() + "/" + ORGANOGRAM, connector.mode() == Connector.Mode.tasklist);
            return organogram;
        } catch (IOException e) {
            throw new InvalidFileException(connector.code() + "/" + ORGANOGRAM, "cannot be read: " + e.getMessage());
        }
    }

    /** The MDA's organogram: its positions, who reports to whom, who holds each. */
    public Organogram organogram(String code) {
        Organogram organogram = organograms.get(code);
        if (organogram == null) {
            throw new IllegalArgumentException("No connector for MDA '" + code + "'.");
        }
        return organogram;
    }

    public Collection<Connector> all() {
        return connectors.values();
    }

    public Optional<Connector> find(String code) {
        return Optional.ofNullable(code).map(connectors::get);
    }

    public Connector get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("No connector for MDA '" + code + "'."));
    }

    /**
     * The MDA system's address now: {@code onedoor.connectors.<code>.endpoint} if set, else the file's
     * endpoint, with placeholders resolved (the demo's simulator address includes the server's port).
     */
    public String endpoint(Connector connector) {
        String configured = environment.getProperty("onedoor.connectors." + connector.code() + ".endpoint");
        return environment.resolveRequiredPlaceholders(configured != null ? configured : connector.endpoint());
    }

    /** The delivery job's retry cycle: {@code onedoor.connectors.<code>.retry-cycle} if set, else the file's. */
    public String retryCycle(Connector connector) {
        return environment.getProperty("onedoor.connectors." + connector.code() + ".retry-cycle", connector.retryCycle());
    }

    @Override
    public Map<String, List<X509Certificate>> trustedCertificates() {
        return certificates;
    }

    @Override
    public String describe(String party) {
        return "connectors/" + files.get(party) + " (trust)";
    }

    private static List<X509Certificate> certificates(Resource file, String name, Connector connector) {
        List<X509Certificate> result = new ArrayList<>();
        for (int i = 0; i < connector.trust().size(); i++) {
            try {
                result.addAll(KeyFiles.certificates(file.createRelative(connector.trust().get(i))));
            } catch (IOException | IllegalStateException e) {
                throw new InvalidFileException(name, "trust[" + i + "]: '" + connector.trust().get(i)
                        + "' is not a readable PEM certificate beside connector.yaml");
            }
        }
        return List.copyOf(result);
    }

    private static void validate(String where, Connector c) {
        List<String> problems = new ArrayList<>();
        String folder = where.substring(0, where.indexOf('/'));
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
            problems.add("code: must be lower-case letters, digits and hyphens");
        } else if (!folder.equals(c.code())) {
            problems.add("code: '" + c.code() + "' must equal the folder name '" + folder + "'");
        }
        if (c.name() == null || c.name().en() == null || c.name().en().isBlank()
                || c.name().bn() == null || c.name().bn().isBlank()) {
            problems.add("name: needs both 'en' and 'bn'");
        }
        if (c.mode() == null) {
            problems.add("mode: must be one of " + List.of(Connector.Mode.values()));
        } else if (c.mode() == Connector.Mode.tasklist) {
            for (OfficerRole role : OfficerRole.values()) {
                if (c.officers().get(role) == null || c.officers().get(role).isBlank()) {
                    problems.add("officers." + role + ": give the title of the MDA's " + role + " officer");
                }
            }
        } else {
            if (c.endpoint() == null || !(c.endpoint().startsWith("http://") || c.endpoint().startsWith("https://")
                    || c.endpoint().startsWith("${"))) {
                problems.add("endpoint: a " + c.mode() + " MDA needs an http(s) address or a ${...} placeholder");
            }
            if (c.trust().isEmpty()) {
                problems.add("trust: name the PEM certificate(s) that sign for the MDA");
            }
        }
        duration(problems, "timeouts.connect", c.timeouts().connect());
        duration(problems, "timeouts.response", c.timeouts().response());
        duration(problems, "redelivery.delay", c.redelivery().delay());
        if (c.redelivery().attempts() < 0 || c.redelivery().attempts() > 10) {
            problems.add("redelivery.attempts: 0 to 10");
        }
        if (!RETRY_CYCLE.matcher(c.retryCycle()).matches()) {
            problems.add("retryCycle: a Camunda retry cycle such as R5/PT1M, not '" + c.retryCycle() + "'");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(where, String.join("; ", problems));
        }
    }

    private static void duration(List<String> problems, String field, String value) {
        try {
            org.springframework.boot.convert.DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(field + ": a duration such as 500ms, 30s or PT1M, not '" + value + "'");
        }
    }
}

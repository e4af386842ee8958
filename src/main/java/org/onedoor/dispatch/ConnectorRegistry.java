package org.onedoor.dispatch;

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
import org.onedoor.system.YamlFiles;
import org.onedoor.system.YamlFiles.InvalidFileException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Every MDA OneDoor knows, one folder each under {@code connectors/}. Operators point
 * {@code onedoor.connectors.location} at a directory of their own ({@code file:/etc/onedoor/connectors/*}{@code /connector.yaml})
 * so that adding an MDA needs no rebuild.
 */
@Component
public class ConnectorRegistry {

    public static final String DEFAULT_LOCATION = "classpath*:connectors/*/connector.yaml";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    private final Map<String, Connector> connectors;

    @Autowired
    public ConnectorRegistry(@Value("${onedoor.connectors.location:" + DEFAULT_LOCATION + "}") String location) {
        this(YamlFiles.find(location));
    }

    ConnectorRegistry(List<Resource> files) {
        Map<String, Connector> loaded = new LinkedHashMap<>();
        for (Resource file : files) {
            String where = YamlFiles.describe(file);
            Connector connector = YamlFiles.read(file, Connector.class);
            validate(where, connector);
            if (loaded.putIfAbsent(connector.code(), connector) != null) {
                throw new InvalidFileException(where, "code: '" + connector.code() + "' is declared twice");
            }
        }
        this.connectors = Collections.unmodifiableMap(new TreeMap<>(loaded));
    }

    public Collection<Connector> all() {
        return connectors.values();
    }

    public Optional<Connector> find(String code) {
        return Optional.ofNullable(code).map(connectors::get);
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
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(where, String.join("; ", problems));
        }
    }
}

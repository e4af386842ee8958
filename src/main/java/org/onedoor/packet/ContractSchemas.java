package org.onedoor.packet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.core.io.ClassPathResource;

/**
 * The published JSON Schemas of the packet contract ({@code contracts/schemas/}, served at
 * {@code /api/mda/schemas/}): the manifest and every packet type's payload. OneDoor validates with the very files
 * it publishes, so that the contract and the code cannot drift.
 */
public final class ContractSchemas {

    public static final String LOCATION = "contracts/schemas/";
    public static final String MANIFEST = "manifest.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH).build()));
    private static final Map<String, Schema> SCHEMAS = load();

    /**
     * The keyword that failed, as the inner codes of {@code answer.invalid} name it (docs/integrators.md); every
     * keyword that can fail in the published schemas has one (ContractSchemasTest). An empty string is missing.
     */
    static final Map<String, String> CODES = Map.ofEntries(Map.entry("required", "required"),
            Map.entry("minLength", "required"), Map.entry("enum", "choice"), Map.entry("const", "choice"),
            Map.entry("format", "format"), Map.entry("maxLength", "length"), Map.entry("type", "type"),
            Map.entry("additionalProperties", "unknown"), Map.entry("pattern", "pattern"),
            Map.entry("uniqueItems", "duplicate"), Map.entry("minimum", "range"));
    /** Keywords that never fail on their own: they group, annotate or point at the ones that do. */
    static final Set<String> STRUCTURE = Set.of("$schema", "$id", "$ref", "$defs", "title", "description", "examples",
            "properties", "items", "if", "then", "anyOf");

    private ContractSchemas() {
    }

    /** Every schema file by its name, e.g. {@code decision.schema.json}. */
    public static Optional<ClassPathResource> file(String name) {
        return SCHEMAS.containsKey(name) ? Optional.of(new ClassPathResource(LOCATION + name)) : Optional.empty();
    }

    public static String payloadSchema(PacketType type) {
        return type.wireName() + ".schema.json";
    }

    /** What is wrong with the payload of a packet of the type, each at its path ({@code payload.reason}). */
    public static List<Violation> payload(PacketType type, JsonNode payload) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : SCHEMAS.get(payloadSchema(type)).validate(payload)) {
            if (STRUCTURE.contains(error.getKeyword())) {
                continue;
            }
            violations.add(new Violation("payload" + path(error),
                    CODES.getOrDefault(error.getKeyword(), error.getKeyword()), error.getMessage()));
        }
        return violations;
    }

    /** What is wrong with a manifest, in words; empty when it fits the schema. */
    static List<String> manifest(JsonNode manifest) {
        return SCHEMAS.get(MANIFEST).validate(manifest).stream()
                .map(e -> (path(e).isEmpty() ? "manifest" : path(e).substring(1)) + ": " + e.getMessage()).toList();
    }

    private static String path(Error error) {
        StringBuilder path = new StringBuilder();
        var location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        if (error.getKeyword().equals("required") || error.getKeyword().equals("additionalProperties")) {
            path.append('.').append(error.getProperty());
        }
        return path.toString();
    }

    private static Map<String, Schema> load() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of(MANIFEST));
        for (PacketType type : PacketType.values()) {
            names.add(payloadSchema(type));
        }
        for (String name : names) {
            // Loaded by location, so that each file's relative $id (its published name) resolves.
            schemas.put(name, REGISTRY.getSchema(SchemaLocation.of("classpath:" + LOCATION + name)));
        }
        return Map.copyOf(schemas);
    }
}

package org.onedoor.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.system.Sha256;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The designers' files at one location ({@code classpath*:processes/} or {@code file:/etc/onedoor/processes/}), read
 * once into memory and parsed: what the checks see is exactly what is deployed. Each file is named by its path under
 * the location ({@code services/trade-licence/TradeLicenceRouting.dmn}), which is also its resource name in the engine.
 */
final class ProcessFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of(".bpmn", ".dmn", ".form");

    /** One file, parsed: exactly one of the models is set, or {@code problem} says why none could be. */
    record File(String name, byte[] content, BpmnModelInstance bpmn, DmnModelInstance dmn, JsonNode form,
            String problem) {

        /** The service folder the file belongs to ({@code services/<code>/...}), if any. */
        Optional<String> service() {
            String[] parts = name.split("/");
            return parts.length > 2 && parts[0].equals("services") ? Optional.of(parts[1]) : Optional.empty();
        }
    }

    private final String location;
    private final List<File> files;
    private final ServiceCatalogue.Reading services;
    private final String revision;

    private ProcessFiles(String location, List<File> files, ServiceCatalogue.Reading services, String revision) {
        this.location = location;
        this.files = files;
        this.services = services;
        this.revision = revision;
    }

    /** Reads every BPMN, DMN and form file and every {@code services/*}{@code /service.yaml} under {@code location}. */
    static ProcessFiles read(String location) {
        String root = location.endsWith("/") ? location : location + "/";
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            List<Resource> roots = List.of(resolver.getResources(root));
            Map<String, File> found = new LinkedHashMap<>();
            for (String kind : KINDS) {
                for (Resource resource : resolver.getResources(root + "**/*" + kind)) {
                    String name = relative(roots, resource);
                    found.putIfAbsent(name, parse(name, resource.getContentAsByteArray()));
                }
            }
            List<File> sorted = found.values().stream().sorted(Comparator.comparing(File::name)).toList();
            List<Resource> catalogue = List.of(resolver.getResources(root + "services/*/service.yaml"));
            // The digest of every file, names included: the same files give the same revision on every node.
            MessageDigest digest = Sha256.digest();
            for (File file : sorted) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update(file.content());
            }
            for (Resource yaml : catalogue.stream().sorted(Comparator.comparing(r -> relativeOrEmpty(roots, r))).toList()) {
                digest.update(relativeOrEmpty(roots, yaml).getBytes(StandardCharsets.UTF_8));
                digest.update(yaml.getContentAsByteArray());
            }
            return new ProcessFiles(root, sorted, ServiceCatalogue.read(catalogue), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new IllegalStateException("The process files at " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    String location() {
        return location;
    }

    /** The SHA-256 of every file under the location, names included. */
    String revision() {
        return revision;
    }

    List<File> all() {
        return files;
    }

    ServiceCatalogue.Reading services() {
        return services;
    }

    private static File parse(String name, byte[] content) {
        try {
            if (name.endsWith(".bpmn")) {
                return new File(name, content, Bpmn.readModelFromStream(new ByteArrayInputStream(content)), null, null,
                        null);
            }
            if (name.endsWith(".dmn")) {
                return new File(name, content, null, Dmn.readModelFromStream(new ByteArrayInputStream(content)), null,
                        null);
            }
            JsonNode form = JSON.readTree(content);
            return form.path("id").isTextual() ? new File(name, content, null, null, form, null)
                    : new File(name, content, null, null, null, "no 'id': not a form made with Camunda Modeler");
        } catch (RuntimeException | IOException e) {
            return new File(name, content, null, null, null, "cannot be parsed: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    private static String relativeOrEmpty(List<Resource> roots, Resource resource) {
        try {
            return relative(roots, resource);
        } catch (IOException e) {
            return "";
        }
    }

    /** The resource's path under whichever root holds it, by file path where both are files, else by URI. */
    private static String relative(List<Resource> roots, Resource resource) throws IOException {
        for (Resource root : roots) {
            if (root.isFile() && resource.isFile()) {
                Path base = root.getFile().toPath().toAbsolutePath().normalize();
                Path file = resource.getFile().toPath().toAbsolutePath().normalize();
                if (file.startsWith(base)) {
                    return base.relativize(file).toString().replace('\\', '/');
                }
            } else {
                String base = root.getURI().toString();
                String file = resource.getURI().toString();
                if (file.startsWith(base)) {
                    return file.substring(base.length());
                }
            }
        }
        throw new IOException(resource + " is under none of " + roots);
    }
}

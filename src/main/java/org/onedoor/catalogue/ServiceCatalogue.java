package org.onedoor.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.onedoor.catalogue.ServiceDefinition.DocumentRequirement;
import org.onedoor.catalogue.ServiceDefinition.FieldType;
import org.onedoor.catalogue.ServiceDefinition.FormField;
import org.onedoor.system.YamlFiles;
import org.onedoor.system.YamlFiles.InvalidFileException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The services OneDoor offers, from {@code services/*}{@code /service.yaml} under {@code onedoor.processes.location}.
 * The process deployment fills it once the designers' files pass their checks, at startup and at each redeployment;
 * until then it is empty, and a half-read catalogue is never served.
 */
@Component
public class ServiceCatalogue {

    /** Where {@link #ServiceCatalogue(String)} finds the catalogue of the files in {@code processes/}. */
    public static final String DEFAULT_LOCATION = "classpath*:processes/services/*/service.yaml";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
    /** Process variables OneDoor sets itself; a form field may not shadow them. */
    private static final Set<String> RESERVED = Set.of("trackingNumber", "serviceCode", "applicantName", "dueDate",
            "routing", "routingDecision", "requestOpen", "approved", "mdaCode", "mdaDecision", "reviewLevels",
            "decision", "comment", "correctionNote", "requestedDocuments", "stage", "outcome", "documents", "priority");

    private volatile Map<String, ServiceDefinition> services = Map.of();
    /** Every service this node has known, offered or not: requests filed under one left out still run on it. */
    private final Map<String, ServiceDefinition> known = new ConcurrentHashMap<>();

    @Autowired
    public ServiceCatalogue() {
    }

    /** The catalogue at {@code pattern}, every file valid: an invalid one throws its {@link InvalidFileException}. */
    public ServiceCatalogue(String pattern) {
        Reading reading = read(YamlFiles.find(pattern));
        reading.broken().values().stream().findFirst().ifPresent(e -> {
            throw e;
        });
        replace(reading.services().values(), List.of());
    }

    /**
     * The services of {@code files}, each checked on its own.
     *
     * @param services the valid ones, by code
     * @param broken   what is wrong with the others, by their folder's name
     */
    public record Reading(Map<String, ServiceDefinition> services, Map<String, InvalidFileException> broken) {
    }

    public static Reading read(List<Resource> files) {
        Map<String, ServiceDefinition> loaded = new LinkedHashMap<>();
        Map<String, InvalidFileException> broken = new LinkedHashMap<>();
        for (Resource file : files) {
            String where = YamlFiles.describe(file);
            String folder = where.substring(0, where.indexOf('/'));
            try {
                ServiceDefinition service = YamlFiles.read(file, ServiceDefinition.class);
                validate(where, service);
                if (!folder.equals(service.code())) {
                    throw new InvalidFileException(where, "code: '" + service.code() + "' must equal the folder name '"
                            + folder + "'");
                }
                loaded.put(service.code(), service);
            } catch (InvalidFileException e) {
                broken.put(folder, e);
            }
        }
        return new Reading(loaded, broken);
    }

    /**
     * Offers {@code offered} from now on, sorted once here: the catalogue endpoint lists it on every call. The
     * {@code leftOut} ones (valid entries whose other files are broken) take no new request, but the requests filed
     * under them go on with their entry.
     */
    public void replace(Collection<ServiceDefinition> offered, Collection<ServiceDefinition> leftOut) {
        Map<String, ServiceDefinition> sorted = new TreeMap<>();
        offered.forEach(s -> sorted.put(s.code(), s));
        leftOut.forEach(s -> known.putIfAbsent(s.code(), s));
        known.putAll(sorted);
        this.services = Collections.unmodifiableMap(sorted);
    }

    /** The services that take requests. */
    public Collection<ServiceDefinition> all() {
        return services.values();
    }

    /** A service that takes requests: what the front desk and the catalogue endpoint may offer. */
    public Optional<ServiceDefinition> offered(String code) {
        return Optional.ofNullable(code).map(services::get);
    }

    /** A service requests were filed under, offered now or not: what running requests are worked by. */
    public Optional<ServiceDefinition> find(String code) {
        return Optional.ofNullable(code).map(known::get);
    }

    static void validate(String where, ServiceDefinition s) {
        List<String> problems = new ArrayList<>();
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            problems.add("code: must be lower-case letters, digits and hyphens");
        }
        if (s.name() == null || blank(s.name().en()) || blank(s.name().bn())) {
            problems.add("name: needs both 'en' and 'bn'");
        }
        if (!s.process().matches("[A-Za-z][A-Za-z0-9]*")) {
            problems.add("process: must be the id of the BPMN process that runs the service (default "
                    + ServiceDefinition.COMMON_PROCESS + ")");
        }
        if (s.routing() == null || !s.routing().matches("[A-Za-z][A-Za-z0-9]*")) {
            problems.add("routing: must be the id of the service's routing decision (DMN)");
        }
        if (s.fee() == null || s.fee().amount() == null || s.fee().amount().compareTo(BigDecimal.ZERO) < 0) {
            problems.add("fee.amount: must be zero or more");
        } else if (!"BDT".equals(s.fee().currency())) {
            problems.add("fee.currency: must be BDT");
        }
        if (s.slaWorkingDays() < 1) {
            problems.add("slaWorkingDays: must be at least 1");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < s.fields().size(); i++) {
            validateField("fields[" + i + "]", s.fields().get(i), names, problems);
        }
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < s.documents().size(); i++) {
            validateDocument("documents[" + i + "]", s.documents().get(i), kinds, problems);
        }
        Set<String> priorities = new HashSet<>();
        for (int i = 0; i < s.priorities().size(); i++) {
            ServiceDefinition.Priority p = s.priorities().get(i);
            if (p.code() == null || !CODE.matcher(p.code()).matches() || !priorities.add(p.code())) {
                problems.add("priorities[" + i + "].code: a unique code of lower-case letters, digits and hyphens");
            }
            if (p.label() == null || blank(p.label().en()) || blank(p.label().bn())) {
                problems.add("priorities[" + i + "].label: needs both 'en' and 'bn'");
            }
            if (p.slaWorkingDays() < 1 || p.slaWorkingDays() >= s.slaWorkingDays()) {
                problems.add("priorities[" + i + "].slaWorkingDays: from 1 to less than the service's slaWorkingDays ("
                        + s.slaWorkingDays() + ")");
            }
        }
        s.legs().forEach((mda, needs) -> {
            if (!CODE.matcher(mda).matches()) {
                problems.add("legs." + mda + ": must be an MDA code");
            }
            if (needs.documents() != null) {
                needs.documents().stream().filter(kind -> !kinds.contains(kind)).forEach(kind ->
                        problems.add("legs." + mda + ".documents: '" + kind + "' is not a document of this service"));
            }
            // Measured against the service's own days only when those are valid: one mistake, one problem.
            if (needs.slaWorkingDays() != null && (needs.slaWorkingDays() < 1
                    || s.slaWorkingDays() >= 1 && needs.slaWorkingDays() > s.slaWorkingDays())) {
                problems.add("legs." + mda + ".slaWorkingDays: from 1 to the service's slaWorkingDays ("
                        + s.slaWorkingDays() + ")");
            }
            if (needs.fields() != null) {
                needs.fields().stream().filter(field -> !names.contains(field)).forEach(field ->
                        problems.add("legs." + mda + ".fields: '" + field + "' is not a field of this service"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFileException(where, String.join("; ", problems));
        }
    }

    private static void validateField(String at, FormField f, Set<String> names, List<String> problems) {
        if (f.name() == null || !NAME.matcher(f.name()).matches()) {
            problems.add(at + ".name: must be a camelCase identifier");
        } else if (RESERVED.contains(f.name())) {
            problems.add(at + ".name: '" + f.name() + "' is reserved by OneDoor");
        } else if (!names.add(f.name())) {
            problems.add(at + ".name: '" + f.name() + "' is declared twice");
        }
        if (f.type() == null) {
            problems.add(at + ".type: must be one of " + List.of(FieldType.values()));
        } else if (f.type() == FieldType.choice && f.values().isEmpty()) {
            problems.add(at + ".values: a choice needs its allowed values");
        }
        f.valueLabels().keySet().stream().filter(v -> !f.values().contains(v)).forEach(v ->
                problems.add(at + ".valueLabels." + v + ": not one of the field's values " + f.values()));
        if (f.pattern() != null) {
            try {
                Pattern.compile(f.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(at + ".pattern: not a valid regular expression (" + e.getDescription() + ")");
            }
        }
    }

    private static void validateDocument(String at, DocumentRequirement d, Set<String> kinds, List<String> problems) {
        if (d.kind() == null || !CODE.matcher(d.kind()).matches()) {
            problems.add(at + ".kind: must be lower-case letters, digits and hyphens");
        } else if (!kinds.add(d.kind())) {
            problems.add(at + ".kind: '" + d.kind() + "' is declared twice");
        }
        if (d.mediaTypes().isEmpty() || d.mediaTypes().stream().anyMatch(t -> t == null || !t.matches("[a-z]+/[a-z0-9.+-]+"))) {
            problems.add(at + ".mediaTypes: list one or more media types such as application/pdf");
        }
        if (d.maxSize() == null || d.maxSize().toBytes() <= 0) {
            problems.add(at + ".maxSize: must be a size such as 2MB");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

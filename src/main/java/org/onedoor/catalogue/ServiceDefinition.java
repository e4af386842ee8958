package org.onedoor.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.springframework.util.unit.DataSize;

/**
 * One entry of the service catalogue: {@code processes/services/<code>/service.yaml}.
 *
 * @param process the BPMN process that runs the service: the common {@code ServiceRequest} unless the service's
 *                flow truly differs
 * @param routing the id of the service's routing decision (DMN), which names the MDAs, stages and review levels
 * @param legs    what each MDA's part needs, by MDA code: an MDA not listed receives every field and document
 */
public record ServiceDefinition(
        String code,
        LocalizedName name,
        String description,
        String process,
        String routing,
        Fee fee,
        int slaWorkingDays,
        List<FormField> fields,
        List<DocumentRequirement> documents,
        Map<String, LegNeeds> legs,
        List<Priority> priorities) {

    /** The process every service with the standard flow runs. */
    public static final String COMMON_PROCESS = "ServiceRequest";

    public ServiceDefinition {
        process = process == null ? COMMON_PROCESS : process;
        fields = fields == null ? List.of() : List.copyOf(fields);
        documents = documents == null ? List.of() : List.copyOf(documents);
        legs = legs == null ? Map.of() : Map.copyOf(legs);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    /**
     * A priority the front desk may give a request (for an elderly or disabled applicant, say): the request and each
     * MDA's part get at most {@code slaWorkingDays}, and its officers' tasks come first in their lists.
     */
    public record Priority(String code, LocalizedName label, int slaWorkingDays) {
    }

    public Optional<Priority> priority(String code) {
        return priorities.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The request's SLA: the service's, or the priority's when the request has one. */
    public int slaFor(String priorityCode) {
        return priority(priorityCode).map(Priority::slaWorkingDays).orElse(slaWorkingDays);
    }

    /** An MDA's working days on a request: its own SLA, shortened by the request's priority if that is shorter. */
    public int slaOf(String mdaCode, String priorityCode) {
        return Math.min(slaOf(mdaCode), slaFor(priorityCode));
    }

    /** What the MDA needs to know, and so receives: all of it unless its part is listed under {@code legs}. */
    public LegNeeds needsOf(String mdaCode) {
        return legs.getOrDefault(mdaCode, new LegNeeds(null, null, null));
    }

    /**
     * The form fields and document kinds an MDA's part needs (need to know); a list left out means all of them. Its
     * own SLA in working days, if shorter than the service's.
     */
    public record LegNeeds(List<String> documents, List<String> fields, Integer slaWorkingDays) {
        public boolean document(String kind) {
            return documents == null || documents.contains(kind);
        }

        public boolean field(String name) {
            return fields == null || fields.contains(name);
        }
    }

    /** The working days the MDA has for its part: its own SLA if {@code legs} gives one, else the service's. */
    public int slaOf(String mdaCode) {
        Integer own = needsOf(mdaCode).slaWorkingDays();
        return own != null ? own : slaWorkingDays;
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<DocumentRequirement> document(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).findFirst();
    }

    /**
     * What the service costs. {@code payBeforeProcessing}: a request filed unpaid waits for its payment before any
     * MDA sees it (the counter may file it so that the documents are taken in while the applicant pays elsewhere).
     */
    public record Fee(BigDecimal amount, String currency, Boolean payBeforeProcessing) {

        public Fee {
            payBeforeProcessing = Boolean.TRUE.equals(payBeforeProcessing);
        }

        /** Whether a request filed without payment waits for it. */
        public boolean waitsWhenUnpaid() {
            return payBeforeProcessing && amount.signum() > 0;
        }
    }

    public enum FieldType { text, number, date, choice }

    /**
     * A form field the applicant fills in; {@code pattern} is a Java regular expression the whole value must match.
     * {@code label} is what officers read in place of the name; {@code help} is what the counter's form says under
     * it, and {@code valueLabels} names a choice's values (the value itself where none is given).
     */
    public record FormField(String name, LocalizedName label, FieldType type, boolean required, String pattern,
            List<String> values, LocalizedName help, Map<String, LocalizedName> valueLabels) {
        public FormField {
            values = values == null ? List.of() : List.copyOf(values);
            label = label == null ? new LocalizedName(name, name) : label;
            valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
        }
    }

    /**
     * A document the applicant brings, with the label officers read; its real type is read from its content, never
 * from its name.
     * {@code maxSize} is written like {@code 2MB} in YAML and given in bytes over the API.
     */
    public record DocumentRequirement(String kind, LocalizedName label, List<String> mediaTypes,
            @JsonDeserialize(using = SizeReader.class) @JsonSerialize(using = SizeWriter.class) DataSize maxSize,
            boolean mandatory) {
        public DocumentRequirement {
            mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
            label = label == null ? new LocalizedName(kind, kind) : label;
        }
    }

    static class SizeReader extends JsonDeserializer<DataSize> {
        @Override
        public DataSize deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            try {
                return DataSize.parse(text);
            } catch (IllegalArgumentException e) {
                return (DataSize) ctx.handleWeirdStringValue(DataSize.class, text, "not a size such as 2MB");
            }
        }
    }

    static class SizeWriter extends JsonSerializer<DataSize> {
        @Override
        public void serialize(DataSize value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toBytes());
        }
    }
}

package org.onedoor.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.catalogue.ServiceDefinition.DocumentRequirement;
import org.onedoor.catalogue.ServiceDefinition.FormField;
import org.onedoor.documents.DocumentInspector;
import org.onedoor.intake.IntakeRequest.Applicant;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.stereotype.Component;

/**
 * Checks a filing against its catalogue entry and reports every problem at once, each with its path, so the
 * front desk can fix the whole form in one go. Writes nothing.
 */
@Component
public class RequestValidator {

    /** Bangladesh national ids have 10 (smart card), 13 or 17 digits. */
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{10}|\\d{13}|\\d{17}");
    /** Bangladesh mobile numbers, with or without the +880 country code. */
    static final Pattern PHONE = Pattern.compile("(\\+?880|0)1[3-9]\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> PAYMENT_METHODS = List.of("cash", "e-challan", "mobile");
    private static final Pattern PAYMENT_REFERENCE = Pattern.compile("[A-Za-z0-9/-]{3,40}");

    private final DocumentInspector inspector;

    RequestValidator(DocumentInspector inspector) {
        this.inspector = inspector;
    }

    /** What survived validation: typed form values and each document's detected media type. */
    record Checked(Map<String, Object> fields, Map<String, String> mediaTypes, List<Violation> violations) {
    }

    Checked check(ServiceDefinition service, IntakeRequest request, List<Upload> uploads) {
        List<Violation> violations = new ArrayList<>();
        checkApplicant(request.applicant(), violations);
        Map<String, Object> fields = checkFields(service, request.fields(), violations);
        if (request.priority() != null && service.priority(request.priority()).isEmpty()) {
            violations.add(new Violation("priority", "priority.unknown", "Not a priority of this service; it has "
                    + service.priorities().stream().map(ServiceDefinition.Priority::code).toList() + "."));
        }
        checkPayment(service, request.payment(), violations);
        if (!IntakeRequest.CHANNELS.contains(request.channel())) {
            violations.add(new Violation("channel", "field.not-allowed", "Allowed values: " + IntakeRequest.CHANNELS + "."));
        }
        Map<String, String> mediaTypes = documents(service.code(), service.documents(), uploads, violations);
        return new Checked(fields, mediaTypes, violations);
    }

    static void checkPayment(ServiceDefinition service, IntakeRequest.Payment payment, List<Violation> violations) {
        if (payment == null) {
            return;
        }
        if (!PAYMENT_METHODS.contains(payment.method())) {
            violations.add(new Violation("payment.method", "field.not-allowed", "Allowed values: " + PAYMENT_METHODS + "."));
        }
        if (payment.reference() == null || !PAYMENT_REFERENCE.matcher(payment.reference()).matches()) {
            violations.add(new Violation("payment.reference", "field.pattern",
                    "The counter's receipt number or the payment's reference: 3 to 40 letters, digits, '-' or '/'."));
        }
        if (payment.amount() == null || payment.amount().compareTo(service.fee().amount()) != 0) {
            violations.add(new Violation("payment.amount", "payment.amount-mismatch", "The fee of this service is "
                    + service.fee().amount().toPlainString() + " " + service.fee().currency() + "."));
        }
    }

    private void checkApplicant(Applicant a, List<Violation> violations) {
        if (a == null) {
            violations.add(new Violation("applicant", "field.required", "The applicant is required."));
            return;
        }
        required("applicant.name", a.name(), violations);
        required("applicant.district", a.district(), violations);
        if (required("applicant.nationalId", a.nationalId(), violations) && !NATIONAL_ID.matcher(a.nationalId()).matches()) {
            violations.add(new Violation("applicant.nationalId", "field.pattern", "A national id has 10, 13 or 17 digits."));
        }
        if (required("applicant.phone", a.phone(), violations) && !PHONE.matcher(a.phone()).matches()) {
            violations.add(new Violation("applicant.phone", "field.pattern", "A mobile number such as 01712345678."));
        }
        if (a.email() != null && !a.email().isBlank() && !EMAIL.matcher(a.email()).matches()) {
            violations.add(new Violation("applicant.email", "field.pattern", "Not an e-mail address."));
        }
        if (a.language() != null && !a.language().equals("en") && !a.language().equals("bn")) {
            violations.add(new Violation("applicant.language", "field.not-allowed", "Allowed values: [en, bn]."));
        }
        if (a.name() != null && a.name().length() > 200) {
            violations.add(new Violation("applicant.name", "field.too-long", "At most 200 characters."));
        }
    }

    private Map<String, Object> checkFields(ServiceDefinition service, Map<String, Object> given, List<Violation> violations) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (service.field(name).isEmpty()) {
                violations.add(new Violation("fields." + name, "field.unknown",
                        "The service " + service.code() + " has no field '" + name + "'."));
            }
        }
        for (FormField field : service.fields()) {
            String path = "fields." + field.name();
            Object raw = given.get(field.name());
            String text = raw == null ? null : raw.toString().trim();
            if (text == null || text.isEmpty()) {
                if (field.required()) {
                    violations.add(new Violation(path, "field.required", "This field is required."));
                }
                continue;
            }
            Object value = typedValue(field, raw, text, path, violations);
            if (value == null) {
                continue;
            }
            if (field.pattern() != null && !text.matches(field.pattern())) {
                violations.add(new Violation(path, "field.pattern", "Does not match " + field.pattern() + "."));
                continue;
            }
            typed.put(field.name(), value);
        }
        return typed;
    }

    /** The value as the process and its rules see it: Long or Double numbers (engine-native types), ISO dates as text. */
    private static Object typedValue(FormField field, Object raw, String text, String path, List<Violation> violations) {
        switch (field.type()) {
            case number -> {
                if (!(raw instanceof Number) && !(raw instanceof String)) {
                    violations.add(new Violation(path, "field.type", "A number is required."));
                    return null;
                }
                try {
                    BigDecimal number = new BigDecimal(text);
                    if (number.signum() < 0) {
                        violations.add(new Violation(path, "field.range", "Must not be negative."));
                        return null;
                    }
                    return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : (Object) number.doubleValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    violations.add(new Violation(path, "field.type", "A number is required."));
                    return null;
                }
            }
            case date -> {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    violations.add(new Violation(path, "field.type", "A date such as 1950-03-26 is required."));
                    return null;
                }
            }
            case choice -> {
                if (!field.values().contains(text)) {
                    violations.add(new Violation(path, "field.not-allowed", "Allowed values: " + field.values() + "."));
                    return null;
                }
                return text;
            }
            default -> {
                if (!(raw instanceof String)) {
                    violations.add(new Violation(path, "field.type", "Text is required."));
                    return null;
                }
                return text;
            }
        }
    }

    /**
     * Checks uploads against the documents that may come (kind, size, real type from the content) and reports
     * every problem; returns each accepted document's detected media type by kind. Intake checks a filing with
     * its service's list, the lifecycle an applicant's answer with the documents the MDA asked for.
     */
    public Map<String, String> documents(String takenBy, List<DocumentRequirement> requirements, List<Upload> uploads,
            List<Violation> violations) {
        Map<String, String> mediaTypes = new LinkedHashMap<>();
        for (Upload upload : uploads) {
            String path = "documents." + upload.kind();
            DocumentRequirement required = requirements.stream().filter(r -> r.kind().equals(upload.kind())).findFirst()
                    .orElse(null);
            if (required == null) {
                violations.add(new Violation(path, "document.unexpected",
                        takenBy + " takes no document of kind '" + upload.kind() + "'."));
            } else if (mediaTypes.containsKey(upload.kind())) {
                violations.add(new Violation(path, "document.duplicate", "Only one document of this kind."));
            } else if (upload.size() == 0) {
                violations.add(new Violation(path, "document.empty", "The document is empty."));
            } else if (upload.size() > required.maxSize().toBytes()) {
                violations.add(new Violation(path, "document.too-large", "The document has " + upload.size()
                        + " bytes; a '" + upload.kind() + "' may have at most " + required.maxSize().toBytes() + "."));
            } else {
                String mediaType = inspector.mediaType(upload.content());
                if (!required.mediaTypes().contains(mediaType)) {
                    violations.add(new Violation(path, "document.type-not-allowed", "The content of this '"
                            + upload.kind() + "' is " + mediaType + "; allowed are " + String.join(", ",
                            required.mediaTypes()) + "."));
                } else {
                    inspector.hostile(path, mediaType, upload.content(), upload.size()).ifPresentOrElse(
                            violations::add, () -> mediaTypes.put(upload.kind(), mediaType));
                }
            }
        }
        for (DocumentRequirement required : requirements) {
            boolean given = uploads.stream().anyMatch(u -> u.kind().equals(required.kind()));
            if (required.mandatory() && !given) {
                violations.add(new Violation("documents." + required.kind(), "document.missing", "This document is required."));
            }
        }
        return mediaTypes;
    }

    private static boolean required(String path, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(path, "field.required", "This field is required."));
            return false;
        }
        return true;
    }
}

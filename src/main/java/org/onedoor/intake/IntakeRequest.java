package org.onedoor.intake;

import java.util.Map;

/** The {@code request} part of a filing: which service, who applies, and the service's form fields. */
public record IntakeRequest(String serviceCode, Applicant applicant, Map<String, Object> fields, String priority) {

    public IntakeRequest {
        fields = fields == null ? Map.of() : fields;
    }

    /** {@code language}: what OneDoor's messages to the applicant are written in, {@code en} or {@code bn} (the default). */
    public record Applicant(String name, String nationalId, String phone, String email, String district,
            String language) {
    }
}

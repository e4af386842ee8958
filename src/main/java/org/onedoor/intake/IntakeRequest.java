package org.onedoor.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The {@code request} part of a filing: which service, who applies, and the service's form fields. */
public record IntakeRequest(String serviceCode, Applicant applicant, Map<String, Object> fields, String priority,
        Payment payment, String channel) {

    /**
     * How the request reached OneDoor: at the ODSC's counter (the default), or taken by an officer from the call
     * centre or the ODSC's social-media pages and entered here, into the same flow.
     */
    public static final String COUNTER = "counter";
    public static final List<String> CHANNELS = List.of(COUNTER, "call-centre", "social-media");

    public IntakeRequest {
        fields = fields == null ? Map.of() : fields;
        channel = channel == null ? COUNTER : channel;
    }

    /**
     * The fee as the counter took it: {@code cash} with the counter's receipt number, or the reference of an
     * {@code e-challan} or a {@code mobile} payment; the amount must be the service's fee. None: not paid yet.
     */
    public record Payment(String method, String reference, BigDecimal amount) {
    }

    /** {@code language}: what OneDoor's messages to the applicant are written in, {@code en} or {@code bn} (the default). */
    public record Applicant(String name, String nationalId, String phone, String email, String district,
            String language) {
    }
}

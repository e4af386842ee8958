package org.onedoor.mda;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.onedoor.casework.OfficerRole;
import org.onedoor.catalogue.LocalizedName;
import org.springframework.boot.convert.DurationStyle;

/**
 * One MDA as {@code connectors/<code>/connector.yaml} declares it: its names, how OneDoor reaches it, how hard
 * it tries, whom it trusts to speak for the MDA and, for MDAs whose officers work in OneDoor's task list, the
 * titles of their officers. Durations are written {@code 500ms}, {@code 30s} or ISO-8601.
 *
 * @param endpoint   the MDA system's address; may hold {@code ${...}} placeholders, and
 *                   {@code onedoor.connectors.<code>.endpoint} overrides it per environment
 * @param retryCycle the Camunda delivery job's retries once the route gives up, e.g. {@code R5/PT1M}
 * @param trust      PEM certificate files, relative to the connector's folder, trusted to sign for the MDA
 */
public record Connector(String code, LocalizedName name, Mode mode, String endpoint, Timeouts timeouts,
        Redelivery redelivery, String retryCycle, List<String> trust, Map<OfficerRole, String> officers) {

    public Connector {
        timeouts = timeouts == null ? new Timeouts(null, null) : timeouts;
        redelivery = redelivery == null ? new Redelivery(null, null) : redelivery;
        retryCycle = retryCycle == null ? "R5/PT1M" : retryCycle;
        trust = trust == null ? List.of() : List.copyOf(trust);
        officers = officers == null ? Map.of() : Map.copyOf(officers);
    }

    public enum Mode {
        /** The MDA's system takes multipart packets over HTTP (OneDoor's OpenAPI contract). */
        rest,
        /** The MDA's system takes packets over SOAP with MTOM (OneDoor's WSDL contract). */
        soap,
        /** The MDA's officers work its requests in Camunda Tasklist. */
        tasklist;

        public boolean hasSystem() {
            return this != tasklist;
        }
    }

    /** How long to wait for a connection and for the MDA's answer. */
    public record Timeouts(String connect, String response) {
        public Timeouts {
            connect = connect == null ? "5s" : connect;
            response = response == null ? "30s" : response;
        }

        public Duration connectDuration() {
            return DurationStyle.detectAndParse(connect);
        }

        public Duration responseDuration() {
            return DurationStyle.detectAndParse(response);
        }
    }

    /** Quick retries inside the route for transient failures, before the delivery job's own retry cycle. */
    public record Redelivery(Integer attempts, String delay) {
        public Redelivery {
            attempts = attempts == null ? 2 : attempts;
            delay = delay == null ? "1s" : delay;
        }

        public Duration delayDuration() {
            return DurationStyle.detectAndParse(delay);
        }
    }

    public String officerTitle(OfficerRole role) {
        return officers.getOrDefault(role, role.name());
    }
}

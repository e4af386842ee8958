package org.onedoor.dispatch;

import java.util.Map;

import org.onedoor.casework.OfficerRole;
import org.onedoor.catalogue.LocalizedName;

/**
 * One MDA as {@code connectors/<code>/connector.yaml} declares it: its names, how OneDoor reaches it and, for
 * MDAs whose officers work in OneDoor's task list, the titles of their officers.
 */
public record Connector(String code, LocalizedName name, Mode mode, Map<OfficerRole, String> officers) {

    public Connector {
        officers = officers == null ? Map.of() : Map.copyOf(officers);
    }

    public enum Mode {
        /** The MDA's officers work its requests in Camunda Tasklist. */
        tasklist
    }

    public String officerTitle(OfficerRole role) {
        return officers.getOrDefault(role, role.name());
    }
}

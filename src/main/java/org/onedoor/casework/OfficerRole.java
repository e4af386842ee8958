package org.onedoor.casework;

import java.util.Arrays;
import java.util.Optional;

/**
 * The vertical chain inside an MDA. Candidate groups are {@code <mda>-<role>}, e.g. {@code land-office-head};
 * each MDA gives the roles its own titles in its connector.
 */
public enum OfficerRole {
    desk, head, director;

    public String group(String mdaCode) {
        return mdaCode + "-" + name();
    }

    /** The role behind a candidate group of the given MDA, if it is one. */
    public static Optional<OfficerRole> ofGroup(String mdaCode, String groupId) {
        return Arrays.stream(values()).filter(r -> r.group(mdaCode).equals(groupId)).findFirst();
    }
}

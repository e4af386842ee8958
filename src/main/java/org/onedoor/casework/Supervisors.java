package org.onedoor.casework;

import java.util.Optional;

/**
 * Who watches the KPIs: the ODSC's supervisors (group {@code supervisor}) every MDA's, and an MDA's own supervisors
 * (group {@code <mda>-supervisor}, e.g. {@code land-office-supervisor}) their MDA's.
 */
public final class Supervisors {

    public static final String ODSC = "supervisor";
    private static final String SUFFIX = "-supervisor";

    private Supervisors() {
    }

    public static String group(String mdaCode) {
        return mdaCode + SUFFIX;
    }

    /** The MDA whose supervisors' group this is, if it is one. */
    public static Optional<String> mdaOf(String group) {
        return group.endsWith(SUFFIX) && group.length() > SUFFIX.length()
                ? Optional.of(group.substring(0, group.length() - SUFFIX.length())) : Optional.empty();
    }
}

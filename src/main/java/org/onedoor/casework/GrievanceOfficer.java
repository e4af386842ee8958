package org.onedoor.casework;

/**
 * Who deals with grievances in every MDA (the Grievance Redress System): the grievance redress officer answers, the
 * appellate officer decides appeals and takes over a late answer. Each is a group per MDA,
 * {@code <mda>-grievance} and {@code <mda>-appellate}, whose members an administrator names.
 */
public enum GrievanceOfficer {
    grievance("Grievance redress officer"), appellate("Appellate officer");

    private final String title;

    GrievanceOfficer(String title) {
        this.title = title;
    }

    public String group(String mdaCode) {
        return mdaCode + "-" + name();
    }

    public String title() {
        return title;
    }
}

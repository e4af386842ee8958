package org.onedoor.workflow;

import org.onedoor.casework.GrievanceOfficer;
import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.Supervisors;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.mda.Organogram;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's people, all with the password {@code onedoor.demo.password}: {@code frontdesk}, {@code supervisor},
 * {@code <mda>-supervisor} and {@code <mda>-grievance|appellate} for every MDA, {@code <mda>-desk|head|director} for
 * every task-list MDA and every holder its organogram names. Exists only in the demo profile.
 */
@Component
@Profile("demo")
class DemoUsers {

    private final IdentitySetup setup;
    private final ConnectorRegistry connectors;
    private final String password;

    DemoUsers(IdentitySetup setup, ConnectorRegistry connectors, @Value("${onedoor.demo.password}") String password) {
        this.setup = setup;
        this.connectors = connectors;
        this.password = password;
    }

    void create() {
        setup.user("frontdesk", password, "Farhana", "Front desk", IdentitySetup.FRONT_DESK);
        setup.user("supervisor", password, "Sabina", "Supervisor", IdentitySetup.SUPERVISOR);
        for (Connector c : connectors.all()) {
            for (GrievanceOfficer officer : GrievanceOfficer.values()) {
                setup.user(officer.group(c.code()), password, officer.title(), c.name().en(), officer.group(c.code()));
            }
            setup.user(Supervisors.group(c.code()), password, "Supervisor", c.name().en(), Supervisors.group(c.code()));
            if (c.mode() == Connector.Mode.tasklist) {
                for (OfficerRole role : OfficerRole.values()) {
                    setup.user(role.group(c.code()), password, c.officerTitle(role), c.name().en(), role.group(c.code()));
                }
                // Everyone the MDA's organogram names (a second desk officer, the head of the MDA) can log in too.
                for (Organogram.Position position : connectors.organogram(c.code()).positions()) {
                    // Named by their id too: two holders of one position would look alike in Tasklist.
                    position.holders().forEach(holder -> setup.user(holder, password, position.title(),
                            c.name().en() + " (" + holder + ")"));
                }
            }
        }
    }
}

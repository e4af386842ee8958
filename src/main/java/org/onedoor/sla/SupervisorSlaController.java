package org.onedoor.sla;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.lifecycle.Lifecycle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For supervisors: {@code GET /api/supervisor/escalations} lists the steps taken on late officers' tasks (latest
 * first); {@code GET /api/supervisor/late-legs} lists the MDAs' running parts that are overdue, or whose MDA system
 * expects to finish after OneDoor's due date. Both take {@code mdaCode} to show one MDA.
 */
@RestController
class SupervisorSlaController {

    private final Escalations escalations;
    private final Lifecycle lifecycle;
    private final SlaClocks clocks;

    SupervisorSlaController(Escalations escalations, Lifecycle lifecycle, SlaClocks clocks) {
        this.escalations = escalations;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
    }

    /** A running leg a supervisor should look at, and its clock. */
    record LateLeg(String trackingNumber, SlaClocks.LegClock clock) {
    }

    @GetMapping("/api/supervisor/escalations")
    List<Escalations.Escalation> escalations(@RequestParam(required = false) String mdaCode,
            @RequestParam(defaultValue = "100") int limit) {
        return escalations.of(mdaCode, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/api/supervisor/late-legs")
    List<LateLeg> lateLegs(@RequestParam(required = false) String mdaCode) {
        List<LateLeg> late = new ArrayList<>();
        for (String trackingNumber : lifecycle.withOpenLegs(mdaCode)) {
            clocks.of(trackingNumber).ifPresent(clock -> clock.legs().stream()
                    .filter(l -> (mdaCode == null || l.mdaCode().equals(mdaCode)) && l.endedOn() == null
                            && (l.overdue() || l.mdaBeyondDue()))
                    .forEach(l -> late.add(new LateLeg(trackingNumber, l))));
        }
        return late;
    }
}

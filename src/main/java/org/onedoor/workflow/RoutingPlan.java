package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onedoor.casework.OfficerRole;
import org.onedoor.lifecycle.PlannedLeg;
import org.onedoor.mda.ConnectorRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads the result of a service's routing decision (DMN, hit policy COLLECT, outputs {@code mda},
 * {@code stage}, {@code reviewLevels}) for the service process: stages run one after another, the MDAs of
 * one stage in parallel. Used from BPMN expressions as {@code routingPlan}.
 */
@Component("routingPlan")
public class RoutingPlan {

    static final String MDA = "mda";
    static final String STAGE = "stage";
    static final String REVIEW_LEVELS = "reviewLevels";
    /** The outputs of every routing table, which {@link ServiceChecks} checks at startup. */
    static final List<String> OUTPUTS = List.of(MDA, STAGE, REVIEW_LEVELS);

    private final ConnectorRegistry connectors;

    public RoutingPlan(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /**
     * One leg per MDA. A decision naming no MDA, an MDA without a connector, levels out of range or an MDA in two
     * stages is a design error: an incident, never a request that waits for nobody.
     */
    public List<PlannedLeg> legs(List<Map<String, Object>> routing) {
        if (routing == null || routing.isEmpty()) {
            throw new RoutingException("The routing decision named no MDA for this request.");
        }
        List<PlannedLeg> legs = new ArrayList<>();
        for (Map<String, Object> row : routing) {
            String mda = (String) row.get(MDA);
            var connector = connectors.find(mda).orElseThrow(() -> new RoutingException("The routing decision names MDA '"
                    + mda + "', which has no folder under connectors/."));
            Object levels = row.get(REVIEW_LEVELS);
            if (!(levels instanceof Number n) || n.intValue() < 1 || n.intValue() > OfficerRole.values().length) {
                throw new RoutingException("The routing decision gives MDA '" + mda + "' review levels '" + levels
                        + "'; allowed are 1 to " + OfficerRole.values().length + ".");
            }
            int stage = ((Number) row.get(STAGE)).intValue();
            PlannedLeg existing = legs.stream().filter(l -> l.mdaCode().equals(mda)).findFirst().orElse(null);
            if (existing != null && existing.stage() != stage) {
                throw new RoutingException("The routing decision puts MDA '" + mda + "' in stages " + existing.stage()
                        + " and " + stage + "; an MDA takes part once.");
            }
            if (existing == null) {
                legs.add(new PlannedLeg(mda, stage, reviewLevels(routing, mda), connector.mode().hasSystem()));
            }
        }
        return legs;
    }

    /** The stage numbers in order. */
    public List<Integer> stages(List<Map<String, Object>> routing) {
        return routing.stream().map(row -> ((Number) row.get(STAGE)).intValue()).distinct().sorted().toList();
    }

    public List<String> mdas(List<Map<String, Object>> routing, Number stage) {
        return routing.stream()
                .filter(row -> ((Number) row.get(STAGE)).intValue() == stage.intValue())
                .map(row -> (String) row.get(MDA))
                .distinct()
                .toList();
    }

    /** How far up the MDA's chain the request goes (1 desk officer, 2 section head, 3 director). */
    public int reviewLevels(List<Map<String, Object>> routing, String mdaCode) {
        return routing.stream()
                .filter(row -> Objects.equals(row.get(MDA), mdaCode))
                .mapToInt(row -> ((Number) row.get(REVIEW_LEVELS)).intValue())
                .max()
                .orElseThrow(() -> new RoutingException("No routing row for MDA '" + mdaCode + "'."));
    }

    /** The routing rules and the connectors disagree: an incident for an operator, not a business outcome. */
    static class RoutingException extends IllegalStateException {
        RoutingException(String message) {
            super(message);
        }
    }
}

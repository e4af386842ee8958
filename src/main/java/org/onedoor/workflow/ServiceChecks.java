package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.mda.ConnectorRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What the designers' files promise each other, checked once the engine has deployed them and before any request is
 * taken: every service's routing table is deployed with the outputs the service process reads, every MDA it names has
 * a connector, and so has every MDA its need-to-know ({@code legs:}) names. A broken service stops startup with the
 * file and the field, instead of taking requests that end in an incident.
 */
@Component
class ServiceChecks implements ApplicationRunner {

    private final RepositoryService repository;
    private final ServiceCatalogue catalogue;
    private final ConnectorRegistry connectors;

    ServiceChecks(RepositoryService repository, ServiceCatalogue catalogue, ConnectorRegistry connectors) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.connectors = connectors;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The services in processes/ cannot take requests as they are:\n- "
                    + String.join("\n- ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (ServiceDefinition service : catalogue.all()) {
            routing(service, problems);
            legs(service, problems);
        }
        return problems;
    }

    private void routing(ServiceDefinition service, List<String> problems) {
        DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(service.routing())
                .latestVersion().singleResult();
        if (deployed == null) {
            problems.add(service.code() + "/service.yaml: routing: no decision '" + service.routing() + "' is deployed ("
                    + service.routing() + ".dmn beside service.yaml, its decision's id '" + service.routing() + "')");
            return;
        }
        String file = service.code() + "/" + deployed.getResourceName();
        Decision decision = repository.getDmnModelInstance(deployed.getId()).getModelElementById(service.routing());
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            problems.add(file + ": decision '" + service.routing() + "' must be a decision table");
            return;
        }
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        for (String needed : RoutingPlan.OUTPUTS) {
            if (!outputs.contains(needed)) {
                problems.add(file + ": no output '" + needed + "'; the service process reads " + RoutingPlan.OUTPUTS);
            }
        }
        int mdaColumn = outputs.indexOf(RoutingPlan.MDA);
        if (mdaColumn < 0) {
            return;
        }
        for (Rule rule : table.getRules()) {
            String mda = List.copyOf(rule.getOutputEntries()).get(mdaColumn).getText().getTextContent().trim()
                    .replaceAll("^\"|\"$", "");
            if (connectors.find(mda).isEmpty()) {
                problems.add(file + ": rule " + rule.getId() + ", output '" + RoutingPlan.MDA + "': MDA '" + mda
                        + "' has no connectors/" + mda + "/connector.yaml");
            }
        }
    }

    /** The catalogue checks that need-to-know names the service's own documents and fields; the MDAs are ours. */
    private void legs(ServiceDefinition service, List<String> problems) {
        for (String mda : service.legs().keySet()) {
            if (connectors.find(mda).isEmpty()) {
                problems.add(service.code() + "/service.yaml: legs." + mda + ": no connectors/" + mda + "/connector.yaml");
            }
        }
    }
}

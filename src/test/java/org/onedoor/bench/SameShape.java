package org.onedoor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Execution;
import org.onedoor.workflow.RoutingPlan;

/**
 * The bare engine running OneDoor's own process files ({@link EngineCeiling}'s same shape): the beans their
 * expressions name, doing nothing but what the process needs to go on, and the variables OneDoor starts a request
 * with, from the services' examples in {@code docs/examples}.
 */
final class SameShape {

    private static final List<String> SERVICES = List.of("trade-licence", "land-mutation", "social-safety-net-allowance");

    private SameShape() {
    }

    /** What OneDoor's process files call: routing as OneDoor reads it, every other step a no-op. */
    static Map<Object, Object> beans() {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("routingPlan", new RoutingPlan(null));
        beans.put("mdaWork", new MdaWork());
        beans.put("planLegs", (JavaDelegate) execution -> execution.setVariable("requestOpen", true));
        beans.put("prepareMdaPacket", (JavaDelegate) execution -> { });
        beans.put("sendMdaPacket", (JavaDelegate) execution -> {
            String trackingNumber = execution.getProcessBusinessKey();
            String mda = (String) execution.getVariable("mdaCode");
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> EngineCeiling.MINISTRY.execute(() -> decide(trackingNumber, mda)));
        });
        beans.put("sendInformation", (JavaDelegate) execution -> { });
        beans.put("sendCancellation", (JavaDelegate) execution -> { });
        beans.put("recordApproval", (JavaDelegate) execution -> {
            execution.setVariable("approved", true);
            String key = execution.getProcessBusinessKey();
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> EngineCeiling.DONE.remove(key).countDown());
        });
        return beans;
    }

    /** Used from BPMN as {@code mdaWork}: every MDA on a system, as in OneDoor's harness. */
    public static final class MdaWork {
        public String process(String mdaCode) {
            return "MdaExchange";
        }

        public String retryCycle(String mdaCode) {
            return "R5/PT1M";
        }

        public List<String> toTellOfEnd(String trackingNumber) {
            return List.of();
        }
    }

    /** Deploys OneDoor's files and returns the load that starts the services' examples in turn. */
    static Load deploy(int clients) throws IOException {
        DeploymentBuilder deployment = EngineCeiling.engine.getRepositoryService().createDeployment().name("same-shape");
        for (String file : List.of("processes/common/ServiceRequest.bpmn", "processes/common/MdaExchange.bpmn")) {
            deployment.addString(Path.of(file).getFileName().toString(), Files.readString(Path.of(file)));
        }
        List<Map<String, Object>> variables = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String service : SERVICES) {
            try (var files = Files.list(Path.of("processes/services", service))) {
                for (Path dmn : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                    deployment.addString(dmn.getFileName().toString(), Files.readString(dmn));
                    variables.add(start(service, dmn.getFileName().toString().replace(".dmn", ""),
                            json.readTree(Path.of("docs/examples", service, "request.json").toFile())));
                }
            }
        }
        deployment.deploy();
        return new Load(clients, key -> {
            CountDownLatch done = new CountDownLatch(1);
            EngineCeiling.DONE.put(key, done);
            Map<String, Object> start = new HashMap<>(variables.get(Math.abs(key.hashCode()) % variables.size()));
            start.put("trackingNumber", key);
            EngineCeiling.engine.getRuntimeService().startProcessInstanceByKey("ServiceRequest", key, start);
            return done;
        });
    }

    /** The variables OneDoor's RequestProcessStarter sets: the request's fields and its particulars. */
    private static Map<String, Object> start(String service, String decision, JsonNode example) {
        Map<String, Object> variables = new HashMap<>();
        example.path("fields").fields().forEachRemaining(f -> variables.put(f.getKey(),
                f.getValue().isNumber() ? (Object) f.getValue().longValue() : f.getValue().asText()));
        variables.put("serviceCode", service);
        variables.put("applicantName", example.path("applicant").path("name").asText());
        variables.put("documents", new ArrayList<>(List.of("national-id", "a", "b")));
        variables.put("priority", "normal");
        variables.put("routingDecision", decision);
        variables.put("dueDate", new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(15)));
        return variables;
    }

    /** Hands the MDA's decision to its waiting part as OneDoor's relay does; not yet waiting: again in 5 ms. */
    private static void decide(String trackingNumber, String mda) {
        Execution waiting = EngineCeiling.engine.getRuntimeService().createExecutionQuery().messageEventSubscriptionName("MdaDecided")
                .processInstanceBusinessKey(trackingNumber).processVariableValueEquals("mdaCode", mda).singleResult();
        if (waiting == null) {
            EngineCeiling.MINISTRY.schedule(() -> decide(trackingNumber, mda), 5, TimeUnit.MILLISECONDS);
            return;
        }
        EngineCeiling.engine.getRuntimeService().messageEventReceived("MdaDecided", waiting.getId(),
                new HashMap<>(Map.of("mdaDecision", "APPROVED")));
    }
}

package org.onedoor.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare Camunda engine, no OneDoor code, in two shapes. {@code same}: OneDoor's own {@code ServiceRequest} and
 * {@code MdaExchange} processes and the three services' routing tables, deployed as they are, with beans that
 * do nothing in place of OneDoor's delegates; requests carry the services' example fields in turn, so the routing
 * gives each the MDAs OneDoor gives it (trade licence three in parallel, land mutation two stages, the allowance
 * one), with the same save points and history. The "ministry" finds the waiting part as OneDoor's relay does and
 * hands it the decision once the send has committed; an MDA's acknowledgement is OneDoor's own bookkeeping, not
 * the engine's, and has no counterpart here. {@code light}: the lighter shape of earlier runs: an asynchronous
 * start, a routing step, a parallel multi-instance call activity over two MDAs of an exchange that sends in a
 * job, then waits for two messages, each continued in a job; then a final step.
 */
final class EngineCeiling {

    /** The requests started and not yet ended, by business key; both shapes count down here. */
    static final Map<String, CountDownLatch> DONE = new ConcurrentHashMap<>();
    static volatile ProcessEngine engine;
    /** The simulated ministry's threads, which answer once a send has committed. */
    static final ScheduledExecutorService MINISTRY = Executors.newScheduledThreadPool(2);

    private EngineCeiling() {
    }

    /**
     * One run in a JVM of its own, so that neither run profits from the other's compiled code:
     * {@code <jdbc url> <tuned|stock> <same|light> <clients> <warm-up s> <seconds> <result file>}.
     */
    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, Object> result = run(args[0], args[1].equals("tuned"), args[2].equals("same"),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[6]),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result));
        MINISTRY.shutdownNow();
    }

    /** Runs {@link #main} in a child JVM and returns what it measured. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> inOwnJvm(String database, boolean tuned, boolean sameShape, int clients, int warmUp,
            int seconds) throws Exception {
        long rowsBefore = Benchmark.rowsWritten(database);
        String name = "engine-" + (sameShape ? "same-" : "light-") + (tuned ? "tuned" : "stock");
        java.nio.file.Path out = java.nio.file.Path.of("target/bench", name + ".json");
        java.nio.file.Path statements = java.nio.file.Path.of("target/bench", name + ".statements");
        Process child = OneDoorLoad.start(name, "-Xmx1g -Dbench.statements.file=" + statements, EngineCeiling.class.getName(),
                Benchmark.countedUrl(database), tuned ? "tuned" : "stock", sameShape ? "same" : "light",
                String.valueOf(clients), String.valueOf(warmUp), String.valueOf(seconds), out.toString());
        if (child.waitFor() != 0) {
            throw new IllegalStateException("The engine run failed; see target/bench/" + name + ".log");
        }
        Map<String, Object> result = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out.toFile(), LinkedHashMap.class);
        Object ended = result.get("endedIncludingWarmUp");
        result.put("rowsWrittenPerRequest", Benchmark.perRequest(Benchmark.rowsWritten(database) - rowsBefore, ended));
        result.put("statements", Benchmark.statements(CountingDriver.read(statements), ended));
        return result;
    }

    /** {@code tuned}: OneDoor's engine settings; otherwise Camunda's stock defaults. */
    static Map<String, Object> run(String jdbcUrl, boolean tuned, boolean sameShape, int clients, int warmUpSeconds,
            int seconds) throws Exception {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(jdbcUrl).setJdbcUsername(Benchmark.PG_USER).setJdbcPassword(Benchmark.PG_PASSWORD)
                .setJdbcDriver(CountingDriver.class.getName())
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(true);
        cfg.setJdbcMaxActiveConnections(20);
        cfg.setProcessEngineName("ceiling-" + (tuned ? "tuned" : "stock"));
        if (sameShape) {
            cfg.setBeans(SameShape.beans());
        }
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        if (tuned) {
            cfg.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
            cfg.setJobExecutorAcquireExclusiveOverProcessHierarchies(true);
            cfg.setAuthorizationEnabled(true); // as OneDoor's: the engine then also deletes an ended instance's grants
            jobs.setWaitTimeInMillis(500);
            jobs.setMaxWait(2000);
        }
        cfg.setJobExecutor(jobs);
        engine = cfg.buildProcessEngine();
        try {
            Load load = sameShape ? SameShape.deploy(clients) : light(clients);
            Map<String, Object> result = load.run(warmUpSeconds, seconds, ProcessHandle.current().pid());
            result.put("settings", tuned ? "OneDoor's: history removal time at start, job acquisition every 0.5–2 s, "
                    + "exclusive over process hierarchies, authorization on" : "Camunda's defaults: removal time at end, job acquisition back-off up to 60 s");
            return result;
        } finally {
            engine.close();
        }
    }

    private static Load light(int clients) {
        engine.getRepositoryService().createDeployment().addModelInstance("BenchService.bpmn", service())
                .addModelInstance("BenchExchange.bpmn", exchange()).deploy();
        return new Load(clients, key -> {
            CountDownLatch done = new CountDownLatch(1);
            DONE.put(key, done);
            engine.getRuntimeService().startProcessInstanceByKey("BenchService", key, Map.of("mdas", List.of("a", "b")));
            return done;
        });
    }

    private static BpmnModelInstance service() {
        return Bpmn.createExecutableProcess("BenchService").camundaHistoryTimeToLive(1)
                .startEvent().camundaAsyncAfter()
                .serviceTask("route").camundaClass(NoOp.class)
                .callActivity("work").calledElement("BenchExchange")
                    .multiInstance().parallel().camundaCollection("${mdas}").camundaElementVariable("mda")
                    .camundaAsyncAfter().multiInstanceDone()
                .serviceTask("record").camundaClass(Record.class)
                .endEvent().done();
    }

    private static BpmnModelInstance exchange() {
        return Bpmn.createExecutableProcess("BenchExchange").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("prepare").camundaClass(NoOp.class)
                .serviceTask("send").camundaAsyncBefore().camundaClass(Send.class)
                .intermediateCatchEvent("ack").camundaAsyncAfter().message("Ack")
                .exclusiveGateway("accepted").condition("yes", "${outcome == 'accepted'}")
                .intermediateCatchEvent("decided").camundaAsyncAfter().message("Decide")
                .exclusiveGateway("decision").condition("approved", "${outcome == 'approved'}")
                .endEvent("approved")
                .moveToNode("decision").condition("other", "${outcome != 'approved'}").endEvent("other")
                .moveToNode("accepted").condition("no", "${outcome != 'accepted'}").endEvent("incomplete")
                .done();
    }

    public static class NoOp implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
        }
    }

    public static class Record implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            String key = execution.getProcessBusinessKey();
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> DONE.remove(key).countDown());
        }
    }

    /** After the send commits, the ministry acknowledges, then decides, each as soon as the instance waits for it. */
    public static class Send implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            String instance = execution.getProcessInstanceId();
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> MINISTRY.execute(() -> answer(instance, "Ack", "accepted",
                            () -> answer(instance, "Decide", "approved", () -> { }))));
        }
    }

    /** Looks before it correlates, as OneDoor's correlator does; not yet waiting: again in 5 ms. */
    private static void answer(String instance, String message, String outcome, Runnable then) {
        if (engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance).eventName(message)
                .count() == 0) {
            MINISTRY.schedule(() -> answer(instance, message, outcome, then), 5, TimeUnit.MILLISECONDS);
            return;
        }
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(instance)
                .setVariable("outcome", outcome).correlate();
        then.run();
    }

    static Map<String, Object> describe() {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("same", "OneDoor's ServiceRequest and MdaExchange with the services' routing tables: trade licence 3 MDAs "
                + "in parallel, land mutation 2 stages, the allowance 1; jobs: 1 start + per MDA (send, part's end); "
                + "one correlation per MDA (the decision)");
        shape.put("light", "2 MDAs per request; jobs: 1 start + per MDA (send, ack, decision, instance end) = 9");
        return shape;
    }
}

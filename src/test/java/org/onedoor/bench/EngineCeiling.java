package org.onedoor.bench;

import java.lang.management.ManagementFactory;
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
 * The bare Camunda engine, no OneDoor code, running a process of the same shape as a OneDoor service with its
 * MDA exchanges: an asynchronous start, a routing step, a parallel multi-instance call activity (each instance
 * ending in a job of its own) of an exchange that prepares, sends in a job, then waits for two messages, each
 * continued in a job; then a final step. The delegates do nothing; the "ministry" correlates both messages
 * from another thread once the send has committed, as OneDoor's inbound endpoints do.
 */
final class EngineCeiling {

    private static final Map<String, CountDownLatch> DONE = new ConcurrentHashMap<>();
    private static volatile ProcessEngine engine;
    private static final ScheduledExecutorService MINISTRY = Executors.newScheduledThreadPool(2);

    private EngineCeiling() {
    }

    /**
     * One run in a JVM of its own, so that neither run profits from the other's compiled code:
     * {@code <jdbc url> <tuned|stock> <clients> <warm-up s> <seconds> <result file>}.
     */
    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, Object> result = run(args[0], args[1].equals("tuned"), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[5]),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result));
        MINISTRY.shutdownNow();
    }

    /** Runs {@link #main} in a child JVM and returns what it measured. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> inOwnJvm(String jdbcUrl, boolean tuned, int clients, int warmUp, int seconds)
            throws Exception {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        long rowsBefore = Benchmark.rowsWritten(database);
        java.nio.file.Path out = java.nio.file.Path.of("target/bench", "engine-" + (tuned ? "tuned" : "stock") + ".json");
        Process child = OneDoorLoad.start("engine-" + (tuned ? "tuned" : "stock"), "-Xmx1g", EngineCeiling.class.getName(),
                jdbcUrl, tuned ? "tuned" : "stock", String.valueOf(clients), String.valueOf(warmUp),
                String.valueOf(seconds), out.toString());
        if (child.waitFor() != 0) {
            throw new IllegalStateException("The engine run failed; see target/bench/engine-*.log");
        }
        Map<String, Object> result = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out.toFile(), LinkedHashMap.class);
        result.put("rowsWrittenPerRequest", Benchmark.perRequest(Benchmark.rowsWritten(database) - rowsBefore,
                result.get("endedIncludingWarmUp")));
        return result;
    }

    /** {@code tuned}: OneDoor's engine settings; otherwise Camunda's stock defaults. */
    static Map<String, Object> run(String jdbcUrl, boolean tuned, int clients, int warmUpSeconds, int seconds)
            throws InterruptedException {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(jdbcUrl).setJdbcUsername(Benchmark.PG_USER).setJdbcPassword(Benchmark.PG_PASSWORD)
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(true);
        cfg.setJdbcMaxActiveConnections(20);
        cfg.setProcessEngineName("ceiling-" + (tuned ? "tuned" : "stock"));
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        if (tuned) {
            cfg.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
            jobs.setWaitTimeInMillis(500);
            jobs.setMaxWait(2000);
        }
        cfg.setJobExecutor(jobs);
        engine = cfg.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("BenchService.bpmn", service())
                    .addModelInstance("BenchExchange.bpmn", exchange()).deploy();
            Load load = new Load(clients, key -> {
                CountDownLatch done = new CountDownLatch(1);
                DONE.put(key, done);
                engine.getRuntimeService().startProcessInstanceByKey("BenchService", key,
                        Map.of("mdas", List.of("a", "b")));
                return done;
            });
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<String, Object> result = load.run(warmUpSeconds, seconds, os::getProcessCpuTime);
            result.put("settings", tuned ? "OneDoor's: history removal time at start, job acquisition every 0.5–2 s"
                    : "Camunda's defaults: removal time at end, job acquisition back-off up to 60 s");
            return result;
        } finally {
            engine.close();
        }
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
        shape.put("mdasPerRequest", 2);
        shape.put("jobsPerRequest", "1 start + per MDA (send, ack, decision, instance end) = 9");
        return shape;
    }
}

package org.onedoor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.OneDoorApplication;
import org.onedoor.OneDoorClient;
import org.onedoor.TestDatabase;
import org.onedoor.simulator.SimulatedMdas;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.onedoor.simulator.SimulatorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs in a JVM of its own (see the pom): stopping an application unregisters Camunda's JVM-wide engine state.
 * <p>
 * OneDoor stops while a packet is on its way to a ministry and starts again on the same database: the ministry
 * (the simulator in a context of its own, as in real life) has processed the packet once, the resent packet is
 * recognised as a duplicate by its id, and the request goes on as if nothing had happened.
 */
class DeliveryRestartIT {

    private static final String ENVIRONMENT = "environment";
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext oneDoor(int port, int simulatorPort, Map<String, Object> database) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--onedoor.connectors.environment.endpoint=http://localhost:" + simulatorPort + "/simulator/mda/environment",
                "--onedoor.connectors.fire-service.endpoint=http://localhost:" + simulatorPort + "/ws/simulator/fire-service",
                // A job left locked by the stopped node is taken over after 3 seconds instead of 5 minutes.
                "--camunda.bpm.job-execution.lock-time-in-millis=3000",
                // The attempt cut short by the stop counts as failed: the next one comes 2 seconds later, not a minute.
                "--onedoor.connectors.environment.retry-cycle=R5/PT2S",
                "--onedoor.workflow.relay-interval=1s",
                // A hard stop: Camel does not wait for the packet in flight, whose job then never commits.
                "--camel.main.shutdown-timeout=1"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OneDoorApplication.class).profiles("demo")
                .run(args.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aDeliveryInterruptedByAStopIsResentOnceWithTheSameIdAndNothingIsProcessedTwice() throws IOException {
        int port = freePort();
        ConfigurableApplicationContext ministries = SimulatorApplication.builder().run("--server.port=0",
                "--onedoor.simulator.one-door-url=http://localhost:" + port, "--onedoor.simulator.decision-delay=200ms",
                "--onedoor.simulator.slowness=4s");
        contexts.add(ministries);
        int simulatorPort = ((WebServerApplicationContext) ministries).getWebServer().getPort();
        SimulatedMdas simulator = ministries.getBean(SimulatedMdas.class);
        simulator.fail(ENVIRONMENT, Failure.SLOW, 1);
        Map<String, Object> database = TestDatabase.fresh("onedoor_it_restart");

        ConfigurableApplicationContext first = oneDoor(port, simulatorPort, database);
        TestRestTemplate http = new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder()
                .rootUri("http://localhost:" + port));
        OneDoorClient client = new OneDoorClient(http);
        JsonNode filed = client.file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
        String trackingNumber = filed.path("trackingNumber").asText();
        OneDoorClient.await("the packet on its way", () -> simulator.attempts(ENVIRONMENT) == 1 ? true : null);
        JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
        UUID packetId = UUID.fromString(jdbc.sql("select packet_id from mda_delivery where tracking_number = ? and mda_code = ?")
                .params(trackingNumber, ENVIRONMENT).query(String.class).single());

        first.close();
        assertThat(simulator.processed(packetId)).as("the ministry is still working on the first attempt").isZero();
        ConfigurableApplicationContext second = oneDoor(port, simulatorPort, database);
        jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));

        JsonNode status = OneDoorClient.await("the environment department's approval after the restart", () -> {
            JsonNode body = client.track(trackingNumber, filed.path("trackingCode").asText()).getBody();
            List<String> lines = body.path("timeline").findValuesAsText("message");
            return lines.contains("Approved by Department of Environment.") && lines.stream()
                    .anyMatch(m -> m.startsWith("Department of Environment accepted")) ? body : null;
        });
        assertThat(status.path("timeline").findValuesAsText("message"))
                .filteredOn(m -> m.startsWith("Department of Environment accepted")).hasSize(1);
        JdbcClient db = jdbc;
        OneDoorClient.await("the exchange to take both answers", () -> db.sql(
                "select count(*) from mda_answer where request_packet_id = ? and late = false")
                .param(packetId.toString()).query(Integer.class).single() == 2 && db.sql(
                "select state from request_leg where tracking_number = ? and mda_code = ?")
                .params(trackingNumber, ENVIRONMENT).query(String.class).single().equals("APPROVED") ? true : null);
        // Where the stop lands decides whether the attempt in flight still commits or is sent again after the
        // restart; either way the ministry processes the packet once and knows every other arrival by its id.
        OneDoorClient.await("every further attempt recognised as a duplicate",
                () -> simulator.attempts(ENVIRONMENT) == 1 + simulator.duplicates(packetId) ? true : null);
        assertThat(simulator.processed(packetId)).as("processed once").isOne();
        // The message log takes an outgoing packet with its receipt, in the delivery job's transaction. When the
        // attempt cut off by the stop was processed and answered before the restarted node sent it again, the
        // part ended without a resend and no job committed a receipt: the ministry's signed answers are then the
        // record (a known gap). A resend commits once, after the answers may be in.
        if (simulator.duplicates(packetId) > 0) {
            OneDoorClient.await("the resend that got through in the message log", () -> db.sql(
                    "select count(*) from message_log where packet_id = ? and direction = 'OUT'")
                    .param(packetId.toString()).query(Integer.class).single() > 0 ? true : null);
        }
        int logged = jdbc.sql("select count(*) from message_log where packet_id = ? and direction = 'OUT'")
                .param(packetId.toString()).query(Integer.class).single();
        if (simulator.duplicates(packetId) > 0) {
            assertThat(logged).as("the resend that got its receipt, once").isEqualTo(1);
        } else {
            assertThat(logged).as("the first attempt, if its job committed before the stop").isLessThanOrEqualTo(1);
        }
    }
}

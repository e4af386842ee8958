package org.onedoor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.OneDoorClient;
import org.onedoor.Scrape;
import org.onedoor.TestDatabase;
import org.onedoor.casework.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One request run past its desk officer's follow-up date, due date and grace period on the engine's clock, with the
 * job executor firing the timers as in production: the officer is reminded, the section head told, and the task handed
 * to the section head, each step in the task's history, on the supervisor's list and in the metrics. In a JVM of its
 * own: moving the engine's clock would fire every other test's timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("demo")
class EscalationIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh("onedoor_it_escalation").forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    WorkingDayCalendar calendar;

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    private List<JsonNode> escalations(String number) {
        JsonNode all = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD)
                .getForObject("/api/supervisor/escalations?mdaCode=city-corporation", JsonNode.class);
        return all.findParents("trackingNumber").stream().filter(e -> e.path("trackingNumber").asText().equals(number))
                .toList();
    }

    private List<JsonNode> awaitSteps(String number, int steps) {
        return OneDoorClient.await(steps + " escalation steps", () -> {
            List<JsonNode> found = escalations(number);
            return found.size() >= steps ? found : null;
        });
    }

    private void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(calendar.zone()).toInstant()));
    }

    @Test
    void aLateTaskIsRemindedThenItsSupervisorIsToldThenTheTaskGoesUp() {
        Scrape before = Scrape.of(http);
        OneDoorClient client = new OneDoorClient(http);
        JsonNode filed = client.file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
        String number = filed.path("trackingNumber").asText();
        Task desk = OneDoorClient.await("the desk task", () -> tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskCandidateGroup("city-corporation-desk").singleResult());
        LocalDate dueDay = LocalDate.ofInstant(desk.getDueDate().toInstant().minusMillis(1), calendar.zone());

        at(LocalDate.ofInstant(desk.getFollowUpDate().toInstant(), calendar.zone()));
        assertThat(awaitSteps(number, 1).get(0).path("step").asText()).isEqualTo("REMINDER");

        at(dueDay.plusDays(1));
        assertThat(awaitSteps(number, 2).get(0).path("sentTo").asText()).isEqualTo("section-head-licensing");

        at(calendar.addWorkingDays(dueDay, 2));
        JsonNode handedUp = awaitSteps(number, 3).get(0);
        assertThat(handedUp.path("step").asText()).isEqualTo("REASSIGNED");
        assertThat(handedUp.path("workingDaysLate").asInt()).isEqualTo(2);

        // The section head now finds the desk's task in Tasklist, with the steps in its history.
        JsonNode headsTasks = http.withBasicAuth("city-corporation-head", OneDoorClient.PASSWORD).getForObject(
                "/engine-rest/task?processInstanceBusinessKey={n}&candidateGroup=city-corporation-head", JsonNode.class,
                number);
        assertThat(headsTasks.findValuesAsText("id")).containsExactly(desk.getId());
        assertThat(tasks.getTaskComments(desk.getId())).hasSize(3);
        JsonNode late = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD)
                .getForObject("/api/supervisor/late-legs?mdaCode=city-corporation", JsonNode.class);
        assertThat(late.findValuesAsText("trackingNumber")).as("the leg's own due date is later").doesNotContain(number);

        // Each step counted once, for Prometheus (counted as its job commits, just after the list shows it).
        for (String step : List.of("REMINDER", "OVERDUE", "REASSIGNED")) {
            assertThat(OneDoorClient.await(step + " counted", () -> {
                double counted = Scrape.of(http).value("onedoor_escalations_total", "mda", "city-corporation", "step",
                        step) - before.value("onedoor_escalations_total", "mda", "city-corporation", "step", step);
                return counted > 0 ? counted : null;
            })).as(step).isEqualTo(1);
        }
    }
}

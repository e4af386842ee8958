package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Tasklist's shared filters as officers get them from Camunda's REST API: each officer group sees its own four, and
 * each lists what its name says for a request moved through them.
 */
@DemoIntegrationTest
class TaskFiltersIT {

    private static final String DESK = "city-corporation-desk";
    private static final List<String> DESK_FILTERS = List.of("Licence inspector: open requests",
            "Licence inspector: due within 2 working days", "Licence inspector: overdue",
            "Licence inspector: returned to me");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;

    private Map<String, String> filters(String user) {
        JsonNode list = http.withBasicAuth(user, OneDoorClient.PASSWORD).getForObject("/engine-rest/filter", JsonNode.class);
        Map<String, String> byName = new LinkedHashMap<>();
        StreamSupport.stream(list.spliterator(), false).forEach(f -> byName.put(f.path("name").asText(), f.path("id").asText()));
        return byName;
    }

    /** How many of the request's tasks the filter lists for the officer, as Tasklist counts them. */
    private long count(String user, String filterId, String trackingNumber) {
        return http.withBasicAuth(user, OneDoorClient.PASSWORD).postForObject("/engine-rest/filter/{id}/count",
                Map.of("processInstanceBusinessKey", trackingNumber), JsonNode.class, filterId).path("count").asLong();
    }

    private List<Long> counts(String trackingNumber) {
        Map<String, String> mine = filters(DESK);
        return DESK_FILTERS.stream().map(name -> count(DESK, mine.get(name), trackingNumber)).toList();
    }

    private void dates(Task task, Instant due, Instant followUp) {
        task.setDueDate(Date.from(due));
        task.setFollowUpDate(Date.from(followUp));
        tasks.saveTask(task);
    }

    @Test
    void officersSeeOnlyTheFiltersOfTheirMdaAndLevel() {
        assertThat(filters(DESK).keySet()).containsExactlyElementsOf(DESK_FILTERS);
        assertThat(filters("city-corporation-head").keySet()).hasSize(4)
                .allSatisfy(name -> assertThat(name).startsWith("Section head, licensing: "));
        assertThat(filters("land-office-desk").keySet()).hasSize(4).noneMatch(name -> name.startsWith("Licence inspector"));
        assertThat(filters("frontdesk")).isEmpty();
    }

    @Test
    void eachFilterListsWhatItsNameSays() {
        OneDoorClient client = new OneDoorClient(http);
        String number = client.file("frontdesk", OneDoorClient.example("trade-licence")).getBody()
                .path("trackingNumber").asText();
        Task desk = OneDoorClient.await("the desk's task", () ->
                tasks.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup(DESK).singleResult());
        assertThat(desk.getFollowUpDate()).as("due soon from two working days before the due date")
                .isAfter(new Date()).isBefore(desk.getDueDate());
        assertThat(counts(number)).as("open, due soon, overdue, returned").containsExactly(1L, 0L, 0L, 0L);

        Instant now = Instant.now();
        dates(desk, now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        assertThat(counts(number)).as("due tomorrow").containsExactly(1L, 1L, 0L, 0L);
        dates(desk, now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(2)));
        assertThat(counts(number)).as("an hour overdue").containsExactly(1L, 0L, 1L, 0L);

        client.decide(number, DESK, "approve", null);
        client.decide(number, "city-corporation-head", "return", "Check the lease term.");
        Task returned = OneDoorClient.await("the desk's task again", () ->
                tasks.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup(DESK).includeAssignedTasks()
                        .singleResult());
        assertThat(returned.getAssignee()).as("back to the officer who decided there").isEqualTo(DESK);
        assertThat(counts(number)).as("returned to the desk officer").containsExactly(1L, 0L, 0L, 1L);
        Map<String, String> others = filters("land-office-desk");
        assertThat(others.values()).allSatisfy(id -> assertThat(count("land-office-desk", id, number)).isZero());
    }
}

package org.onedoor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's history is cleaned by one job, in the night of Dhaka whatever the server's time zone. */
@DemoIntegrationTest
class HistoryCleanupIT {

    @Autowired
    HistoryService history;

    @Test
    void oneCleanupJobIsDueInTheNightWindow() {
        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).hasSize(1);
        // Before the window: its start, 01:00; inside it: now or after a back-off, before 05:00.
        ZonedDateTime due = jobs.get(0).getDuedate().toInstant().atZone(ZoneId.of("Asia/Dhaka"));
        assertThat(due.getHour()).isBetween(1, 4);
    }
}

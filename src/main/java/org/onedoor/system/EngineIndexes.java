package org.onedoor.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks. Completing any task looks up its sub-tasks by {@code PARENT_TASK_ID_}, which
 * has no index: every completion scans the task table. Job acquisition looks for due jobs by {@code DUEDATE_},
 * which has none either: it scanned the job table from the start, past every timer not yet due (new timers fill
 * the space old ones left), 73 ms per acquisition behind 150 000 of them (both in docs/benchmarks.md).
 * Created after the engine has made its tables, idempotently, on H2 and PostgreSQL alike; on PostgreSQL without
 * blocking writes ({@code concurrently}), as the job table of a running installation may be large.
 */
@Component
@Order(0)
class EngineIndexes implements ApplicationRunner {

    private static final String TASK_PARENT = "onedoor_act_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)";
    private static final String JOB_DUE = "onedoor_act_ru_job_duedate on ACT_RU_JOB (DUEDATE_)";

    private final JdbcClient jdbc;
    private final boolean postgres;

    EngineIndexes(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String index : new String[] {TASK_PARENT, JOB_DUE}) {
            jdbc.sql("create index " + (postgres ? "concurrently " : "") + "if not exists " + index).update();
        }
    }
}

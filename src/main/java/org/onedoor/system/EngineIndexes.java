package org.onedoor.system;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks. Completing any task looks up its sub-tasks by {@code PARENT_TASK_ID_}, which
 * has no index: every completion scans the task table (measured in docs/benchmarks.md).
 * Created after the engine has made its tables, idempotently, on H2 and PostgreSQL alike.
 */
@Component
@Order(0)
class EngineIndexes implements ApplicationRunner {

    static final String TASK_PARENT = "create index if not exists onedoor_act_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)";

    private final JdbcClient jdbc;

    EngineIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql(TASK_PARENT).update();
    }
}

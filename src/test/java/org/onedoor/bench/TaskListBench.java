package org.onedoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Tasklist's query (open tasks of a candidate group, newest first, first page of 15) and an officer's claim
 * plus complete, with 100 000 and then 1 000 000 open tasks in 50 groups, without the index OneDoor adds on
 * {@code ACT_RU_TASK.PARENT_TASK_ID_} (Camunda's stock schema) and with it. The tasks are seeded with SQL in
 * one statement per table (standalone tasks, each with a candidate group), not through the engine: a million
 * engine calls would not fit the harness's time. History is off for this engine: the comparison is the
 * index, on the same schema.
 */
final class TaskListBench {

    private static final int GROUPS = 50;

    private TaskListBench() {
    }

    static Map<String, Object> run(String database) throws SQLException {
        String url = Benchmark.PG_URL + database;
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(Benchmark.PG_USER).setJdbcPassword(Benchmark.PG_PASSWORD)
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .setProcessEngineName("tasklist-bench").buildProcessEngine();
        Map<String, Object> result = new LinkedHashMap<>();
        try (Connection sql = DriverManager.getConnection(url, Benchmark.PG_USER, Benchmark.PG_PASSWORD)) {
            int seeded = 0;
            for (int size : new int[] {100_000, 1_000_000}) {
                long start = System.nanoTime();
                seed(sql, seeded, size);
                double seedSeconds = (System.nanoTime() - start) / 1e9;
                seeded = size;
                Map<String, Object> atSize = new LinkedHashMap<>();
                atSize.put("seedSeconds", Benchmark.round(seedSeconds));
                execute(sql, "drop index if exists onedoor_act_ru_task_parent");
                atSize.put("stock", measure(engine.getTaskService(), size));
                execute(sql, "create index onedoor_act_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)");
                atSize.put("onedoor", measure(engine.getTaskService(), size));
                result.put(String.valueOf(size), atSize);
                System.out.println("task list at " + size + ": " + atSize);
            }
        } finally {
            engine.close();
        }
        return result;
    }

    private static void seed(Connection sql, int from, int to) throws SQLException {
        execute(sql, "insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_, TASK_STATE_) "
                + "select 'bench-' || g, 1, 'Review request', 50, now() - g * interval '1 second', 1, 'Created' "
                + "from generate_series(" + (from + 1) + ", " + to + ") g");
        execute(sql, "insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
                + "select 'bench-link-' || g, 1, 'mda-' || (g % " + GROUPS + ") || '-desk', 'candidate', 'bench-' || g "
                + "from generate_series(" + (from + 1) + ", " + to + ") g");
        execute(sql, "analyze ACT_RU_TASK");
        execute(sql, "analyze ACT_RU_IDENTITYLINK");
    }

    private static Map<String, Object> measure(TaskService tasks, int openTasks) {
        String group = "mda-7-desk";
        for (int i = 0; i < 20; i++) {
            tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().desc().listPage(0, 15);
        }
        List<Long> query = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().desc().listPage(0, 15);
            query.add(System.nanoTime() - t0);
        }
        List<Task> page = tasks.createTaskQuery().taskCandidateGroup("mda-" + (openTasks % 13) + "-desk")
                .orderByTaskCreateTime().desc().listPage(0, 60);
        List<Long> work = new ArrayList<>();
        for (Task task : page) {
            long t0 = System.nanoTime();
            tasks.claim(task.getId(), "bench-officer");
            tasks.complete(task.getId());
            work.add(System.nanoTime() - t0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queryMillis", Load.percentiles(query));
        m.put("claimCompleteMillis", Load.percentiles(work.subList(10, work.size())));
        return m;
    }

    private static void execute(Connection sql, String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }
}

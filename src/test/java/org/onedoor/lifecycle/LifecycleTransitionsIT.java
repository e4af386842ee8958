package org.onedoor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database itself keeps the lifecycle: straight SQL, past every line of OneDoor's code, can neither leave a
 * final state nor make any change the transition table does not allow, nor branch a request's history. Every
 * pair of states is tried, for requests and for legs, each in a transaction that is rolled back.
 */
@DemoIntegrationTest
class LifecycleTransitionsIT {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** Inserts change number {@code seq} from {@code from} to {@code to} for the request or leg. */
    private interface Changes {
        void insert(String trackingNumber, int seq, String from, String to);
    }

    private final Changes requestChanges = (tn, seq, from, to) -> jdbc.sql("""
            insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state, changed_at)
            values (?, ?, ?, ?, ?, ?)""").params(tn, seq, seq == 1 ? null : seq - 1, from, to, now()).update();

    private final Changes legChanges = (tn, seq, from, to) -> jdbc.sql("""
            insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at)
            values (?, 'environment', ?, ?, ?, ?, ?)""").params(tn, seq, seq == 1 ? null : seq - 1, from, to, now()).update();

    @Test
    void everyRequestTransitionIsAllowedExactlyWhenTheLifecycleAllowsIt() {
        int tried = tryEveryPair(RequestState.values(), RequestState.RECEIVED, RequestState::next, requestChanges);
        assertThat(tried).isEqualTo(RequestState.values().length * RequestState.values().length);
    }

    @Test
    void everyLegTransitionIsAllowedExactlyWhenTheLifecycleAllowsIt() {
        int tried = tryEveryPair(LegState.values(), LegState.PLANNED, LegState::next, legChanges);
        assertThat(tried).isEqualTo(LegState.values().length * LegState.values().length);
    }

    @Test
    void aHistoryCannotBranchSkipOrStartAnywhereButAtTheBeginning() {
        refusedInATransaction(tn -> {
            requestChanges.insert(tn, 1, null, "RECEIVED");
            requestChanges.insert(tn, 2, "RECEIVED", "IN_PROGRESS");
            requestChanges.insert(tn, 2, "RECEIVED", "WITHDRAWN");
        });
        refusedInATransaction(tn -> {
            requestChanges.insert(tn, 1, null, "RECEIVED");
            requestChanges.insert(tn, 2, "RECEIVED", "IN_PROGRESS");
            requestChanges.insert(tn, 3, "RECEIVED", "WITHDRAWN");
        });
        refusedInATransaction(tn -> requestChanges.insert(tn, 1, null, "APPROVED"));
        refusedInATransaction(tn -> jdbc.sql("""
                insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state, changed_at)
                values (?, 3, null, null, 'APPROVED', ?)""").params(tn, now()).update());
        refusedInATransaction(tn -> {
            requestChanges.insert(tn, 1, null, "RECEIVED");
            jdbc.sql("insert into request_lifecycle (tracking_number, seq, state) values (?, 1, 'APPROVED')").param(tn).update();
        });
    }

    /** Tries F to T for every pair, each after a chain of allowed changes that reaches F; returns how many it tried. */
    private <S extends Enum<S>> int tryEveryPair(S[] states, S first, Function<S, java.util.Set<S>> next, Changes changes) {
        Map<S, List<S>> paths = paths(first, next);
        int tried = 0;
        for (S from : states) {
            assertThat(paths).as(from + " is reachable").containsKey(from);
            for (S to : states) {
                boolean allowed = next.apply(from).contains(to);
                List<S> path = paths.get(from);
                boolean[] inserted = {false};
                TransactionTemplate transaction = new TransactionTemplate(transactions);
                String tn = syntheticRequest();
                try {
                    transaction.executeWithoutResult(status -> {
                        insertRequest(tn);
                        for (int i = 0; i < path.size(); i++) {
                            changes.insert(tn, i + 1, i == 0 ? null : path.get(i - 1).name(), path.get(i).name());
                        }
                        try {
                            changes.insert(tn, path.size() + 1, from.name(), to.name());
                            inserted[0] = true;
                        } finally {
                            status.setRollbackOnly();
                        }
                    });
                } catch (DataIntegrityViolationException refused) {
                    inserted[0] = false;
                }
                assertThat(inserted[0]).as(from + " -> " + to).isEqualTo(allowed);
                tried++;
            }
        }
        return tried;
    }

    private void refusedInATransaction(java.util.function.Consumer<String> steps) {
        String tn = syntheticRequest();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            insertRequest(tn);
            steps.accept(tn);
        })).isInstanceOf(DataIntegrityViolationException.class);
    }

    /** The shortest chain of allowed changes from the first state to every state. */
    private static <S> Map<S, List<S>> paths(S first, Function<S, java.util.Set<S>> next) {
        Map<S, List<S>> paths = new HashMap<>();
        paths.put(first, List.of(first));
        Deque<S> queue = new ArrayDeque<>(List.of(first));
        while (!queue.isEmpty()) {
            S state = queue.poll();
            for (S successor : next.apply(state)) {
                if (!paths.containsKey(successor)) {
                    List<S> path = new ArrayList<>(paths.get(state));
                    path.add(successor);
                    paths.put(successor, path);
                    queue.add(successor);
                }
            }
        }
        return paths;
    }

    private static String syntheticRequest() {
        return "TEST-" + System.nanoTime() % 1_000_000_000L + "-" + SERIAL.incrementAndGet();
    }

    private void insertRequest(String tn) {
        jdbc.sql("""
                insert into service_request (tracking_number, tracking_code_hash, service_code, applicant_name,
                  applicant_national_id, applicant_phone, applicant_district, form_data, received_at, expected_by,
                  received_by) values (?, ?, 'trade-licence', 'Test', '1987654321', '01712345678', 'Dhaka', '{}', ?, ?,
                  'frontdesk')""")
                .params(tn, "0".repeat(64), now(), LocalDate.now()).update();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

package org.onedoor.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.onedoor.dispatch.MdaAnswered;
import org.onedoor.lifecycle.InformationAnswered;
import org.onedoor.lifecycle.RequestEnded;
import org.onedoor.lifecycle.RequestState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands what the lifecycle took to the processes that follow it. A leg's message (the MDA decided, asked the
 * applicant, the applicant answered) is queued in {@code leg_message} in the transaction that took it and handed
 * to the leg's process at once when the process waits for it and no earlier message of the leg is still queued;
 * otherwise the relay hands it over, in order, once the process waits (a decision that came while the request
 * packet's job was being retried, say). The end of a request reaches the service process, which stops every leg.
 * <p>
 * Every message is delivered once: the row is claimed in the transaction that correlates it, and the process's
 * subscription is consumed there too. The one writer of {@code leg_message}.
 */
@Component
class LegMessages {

    private static final Logger log = LoggerFactory.getLogger(LegMessages.class);
    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() { };
    private static final List<String> LEG_PROCESSES = List.of(MdaWork.MDA_EXCHANGE, MdaWork.OFFICER_REVIEW);

    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LegMessages(RuntimeService runtime, JdbcClient jdbc, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record Queued(long id, String trackingNumber, String mdaCode, String message, Map<String, Object> variables) {
    }

    @EventListener
    void onAnswer(MdaAnswered answer) {
        if (answer.asksForInformation()) {
            queue(answer.trackingNumber(), answer.mdaCode(), ProcessVariables.MDA_REQUESTED_INFORMATION, Map.of());
        } else {
            queue(answer.trackingNumber(), answer.mdaCode(), ProcessVariables.MDA_DECIDED,
                    Map.of(ProcessVariables.MDA_DECISION, answer.decision().name()));
        }
    }

    @EventListener
    void onInformation(InformationAnswered answered) {
        queue(answered.trackingNumber(), answered.mdaCode(), ProcessVariables.APPLICANT_ANSWERED, Map.of());
    }

    /**
     * The service process listens for its request's end from the moment it routes the request (in the
     * transaction that put it in progress): the message finds it. An approval is the process's own end.
     */
    @EventListener
    void onEnded(RequestEnded ended) {
        if (ended.outcome() != RequestState.APPROVED) {
            runtime.createMessageCorrelation(ProcessVariables.REQUEST_ENDED)
                    .processInstanceBusinessKey(ended.trackingNumber()).correlateAll();
        }
    }

    @Scheduled(fixedDelayString = "${onedoor.workflow.relay-interval:5s}", initialDelayString = "${onedoor.workflow.relay-interval:5s}")
    void relay() {
        List<Long> pending = jdbc.sql("select id from leg_message where delivered_at is null order by id limit 200")
                .query(Long.class).list();
        for (long id : pending) {
            transaction.executeWithoutResult(status -> {
                Queued queued = claim(id);
                if (queued == null || earlierQueued(queued) || !deliver(queued, waiting(queued))) {
                    status.setRollbackOnly();
                } else {
                    log.info("Relayed {} to {} of {}", queued.message(), queued.mdaCode(), queued.trackingNumber());
                }
            });
        }
    }

    private void queue(String trackingNumber, String mdaCode, String message, Map<String, Object> variables) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into leg_message (tracking_number, mda_code, message, variables, created_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(trackingNumber, mdaCode, message, json.writeValueAsString(variables),
                            Timestamp.from(clock.instant()))
                    .update(key, "id");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message variables are plain values", e);
        }
        // H2 names the generated column ID, PostgreSQL id: take the one value either way.
        long id = ((Number) key.getKeys().values().iterator().next()).longValue();
        Queued queued = new Queued(id, trackingNumber, mdaCode, message, variables);
        // Looks before it correlates: a failed correlation would mark the caller's whole transaction for rollback.
        Execution waiting = earlierQueued(queued) ? null : waiting(queued);
        if (waiting != null) {
            jdbc.sql("update leg_message set delivered_at = ? where id = ?").params(Timestamp.from(clock.instant()), id)
                    .update();
            deliver(queued, waiting);
        }
    }

    /** Claims a queued message for this transaction; null if another node delivered it meanwhile. */
    private Queued claim(long id) {
        int claimed = jdbc.sql("update leg_message set delivered_at = ? where id = ? and delivered_at is null")
                .params(Timestamp.from(clock.instant()), id).update();
        if (claimed == 0) {
            return null;
        }
        return jdbc.sql("select id, tracking_number, mda_code, message, variables from leg_message where id = ?").param(id)
                .query((rs, i) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        variables(rs.getString(5))))
                .single();
    }

    private boolean earlierQueued(Queued queued) {
        return jdbc.sql("""
                select count(*) from leg_message where tracking_number = ? and mda_code = ? and id < ?
                and delivered_at is null""")
                .params(queued.trackingNumber(), queued.mdaCode(), queued.id()).query(Long.class).single() > 0;
    }

    /**
     * Gives the message to {@code waiting}, the leg's execution waiting for it. True when it took the message, or the
     * leg's process no longer exists (the request ended: nothing to do).
     */
    private boolean deliver(Queued queued, Execution waiting) {
        if (waiting == null) {
            boolean gone = runtime.createProcessInstanceQuery().processInstanceBusinessKey(queued.trackingNumber())
                    .processDefinitionKeyIn(LEG_PROCESSES.toArray(String[]::new))
                    .variableValueEquals(ProcessVariables.MDA_CODE, queued.mdaCode()).count() == 0;
            if (gone) {
                log.info("{} for {} of {} is not needed: the leg's process has ended", queued.message(),
                        queued.mdaCode(), queued.trackingNumber());
            }
            return gone;
        }
        runtime.messageEventReceived(queued.message(), waiting.getId(), new HashMap<>(queued.variables()));
        return true;
    }

    private Execution waiting(Queued queued) {
        return runtime.createExecutionQuery().messageEventSubscriptionName(queued.message())
                .processInstanceBusinessKey(queued.trackingNumber())
                .processVariableValueEquals(ProcessVariables.MDA_CODE, queued.mdaCode())
                .singleResult();
    }

    private Map<String, Object> variables(String text) {
        try {
            return json.readValue(text, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("leg_message.variables is written as JSON here", e);
        }
    }
}

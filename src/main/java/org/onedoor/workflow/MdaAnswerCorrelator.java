package org.onedoor.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.onedoor.dispatch.MdaAnswered;
import org.onedoor.dispatch.MdaAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands an MDA's answer to the exchange waiting for it ({@code MdaExchange}, matched on its packet id). An
 * answer that comes before the exchange waits for it (the MDA decided before acknowledging, or the send's job
 * is being retried) stays stored, and the relay offers it again until the exchange takes it.
 */
@Component
class MdaAnswerCorrelator {

    static final String ACKNOWLEDGED = "MdaAcknowledged";
    static final String DECIDED = "MdaDecided";
    private static final Logger log = LoggerFactory.getLogger(MdaAnswerCorrelator.class);

    private final RuntimeService runtime;
    private final MdaAnswers answers;
    private final TransactionTemplate transaction;

    MdaAnswerCorrelator(RuntimeService runtime, MdaAnswers answers, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.answers = answers;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** In the transaction that stored the answer: the common case, the exchange is already waiting. */
    @EventListener(condition = "#answer.awaited()")
    void onAnswer(MdaAnswered answer) {
        offer(answer);
    }

    @Scheduled(fixedDelayString = "${onedoor.dispatch.relay-interval:5s}", initialDelayString = "${onedoor.dispatch.relay-interval:5s}")
    void relay() {
        for (MdaAnswered answer : answers.pending()) {
            if (Boolean.TRUE.equals(transaction.execute(status -> offer(answer)))) {
                log.info("Relayed the {} {} of {} for {}", answer.kind(), answer.packetId(), answer.mdaCode(),
                        answer.trackingNumber());
            }
        }
    }

    /** Looks before it correlates: a failed correlation would mark the caller's whole transaction for rollback. */
    private boolean offer(MdaAnswered answer) {
        String message = MdaAnswered.DECISION.equals(answer.kind()) ? DECIDED : ACKNOWLEDGED;
        Execution waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(message)
                .processVariableValueEquals(ProcessVariables.PACKET_ID, answer.requestPacketId())
                .singleResult();
        if (waiting == null) {
            if (runtime.createProcessInstanceQuery().processDefinitionKey(MdaWork.MDA_EXCHANGE)
                    .variableValueEquals(ProcessVariables.PACKET_ID, answer.requestPacketId()).count() == 0) {
                // The exchange is over (another MDA ended the request): the answer is kept, and awaited no more.
                answers.settled(answer.packetId());
            }
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.MDA_OUTCOME, answer.outcome());
        variables.put(ProcessVariables.MDA_REASON, answer.reason());
        runtime.messageEventReceived(message, waiting.getId(), variables);
        answers.settled(answer.packetId());
        return true;
    }
}

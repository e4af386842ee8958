package org.onedoor.dispatch;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.onedoor.tracking.Outbox;
import org.onedoor.tracking.Outbox.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on every node: claims a batch, hands each message to its channel's route, and
 * records the outcome. A failure is recorded on the message (its next attempt, or FAILED after the last), never
 * dropped.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final Outbox outbox;
    private final ProducerTemplate producer;

    NotificationDelivery(Outbox outbox, ProducerTemplate producer) {
        this.outbox = outbox;
        this.producer = producer;
    }

    @Scheduled(fixedDelayString = "${onedoor.notifications.poll:2s}")
    void sendDue() {
        for (Message message : outbox.claim()) {
            try {
                producer.sendBody(CitizenChannels.uri(message.channel()), message);
                outbox.sent(message);
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.debug("{} message {} not sent", message.channel(), message.id(), cause);
                outbox.failed(message, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
    }
}

package org.onedoor.dispatch;

import java.time.Clock;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.URISupport;
import org.onedoor.intake.PortalCodeIssued;
import org.onedoor.system.OneDoorException;
import org.onedoor.tracking.Language;
import org.onedoor.tracking.NotificationChannel;
import org.onedoor.tracking.NotificationSettings;
import org.onedoor.tracking.Outbox;
import org.onedoor.tracking.Outbox.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
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
    private final NotificationSettings settings;
    private final Clock clock;

    NotificationDelivery(Outbox outbox, ProducerTemplate producer, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.producer = producer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A portal code goes out at once, on the SMS channel, in the transaction that keeps it: a code the gateway did not
     * take is not kept, and the citizen is asked to try again.
     */
    @EventListener
    void sendCode(PortalCodeIssued code) {
        Message message = new Message(code.id(), null, NotificationChannel.SMS, code.phone(),
                Language.valueOf(code.language()), null, code.text(), 0, null, null);
        try {
            producer.sendBody(CitizenChannels.uri(NotificationChannel.SMS), message);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("Portal code {} not sent: {}", code.id(),
                    URISupport.sanitizeUri(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
            throw new OneDoorException("portal.code-not-sent", HttpStatus.SERVICE_UNAVAILABLE,
                    "The SMS with the code could not be sent just now; please try again in a few minutes.");
        }
    }

    @Scheduled(fixedDelayString = "${onedoor.notifications.poll:2s}")
    void sendDue() {
        for (Message message : outbox.claim()) {
            // A message this node could not finish before its claim runs out is left to the next look, so that
            // no other node starts on it while this one is still sending.
            NotificationSettings.Channel channel = settings.channel(message.channel());
            if (clock.instant().plus(channel.connectTimeout()).plus(channel.responseTimeout())
                    .isAfter(message.claimedUntil())) {
                outbox.release(message);
                continue;
            }
            try {
                producer.sendBody(CitizenChannels.uri(message.channel()), message);
                outbox.sent(message);
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.debug("{} message {} not sent", message.channel(), message.id(), cause);
                // What the administrators read: no credentials a URL in the error may carry.
                outbox.failed(message, URISupport.sanitizeUri(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
            }
        }
    }
}

package org.onedoor.dispatch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onedoor.tracking.NotificationChannel;
import org.onedoor.tracking.NotificationSettings;
import org.onedoor.tracking.NotificationSettings.Channel;
import org.onedoor.tracking.Outbox.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The wires to citizens, one route per channel: {@code dispatch.citizen.sms} posts to the SMS gateway (JSON, Basic
 * authentication, the message id as {@code Idempotency-Key}), {@code dispatch.citizen.email} hands the mail to the
 * SMTP server (the message id in {@code X-OneDoor-Message-Id}), and either can write to the log instead (the demo).
 * No route retries or marks a failure handled: the outbox schedules the next attempt.
 */
@Component
class CitizenChannels extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger("onedoor.notifications");

    private final NotificationSettings settings;
    private final ObjectMapper json;

    CitizenChannels(NotificationSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    static String uri(NotificationChannel channel) {
        return "direct:citizen." + channel.name().toLowerCase();
    }

    @Override
    public void configure() {
        Channel sms = settings.sms();
        var smsRoute = from(uri(NotificationChannel.SMS)).routeId("dispatch.citizen.sms");
        switch (sms.transport()) {
            case "gateway" -> {
                bindToRegistry("dispatch.citizen.sms.timeouts",
                        DeliveryRoutes.timeouts(sms.connectTimeout(), sms.responseTimeout()));
                String url = required(sms, "sms").toString();
                smsRoute.process(this::toGatewayRequest)
                        .to(url + (url.contains("?") ? "&" : "?") + "httpClientConfigurer=#dispatch.citizen.sms.timeouts");
            }
            case "log" -> smsRoute.process(e -> logged(e, "SMS"));
            case "off" -> {
                log.warn("onedoor.notifications.sms.transport is off: citizens are sent no SMS");
                smsRoute.process(e -> off("sms", sms));
            }
            default -> throw unknown("sms", sms, "gateway");
        }

        Channel email = settings.email();
        var emailRoute = from(uri(NotificationChannel.EMAIL)).routeId("dispatch.citizen.email");
        switch (email.transport()) {
            case "smtp" -> emailRoute.process(e -> toMail(e, email)).to(smtp(email));
            case "log" -> emailRoute.process(e -> logged(e, "E-mail"));
            case "off" -> emailRoute.process(e -> off("email", email));
            default -> throw unknown("email", email, "smtp");
        }
    }

    private void toGatewayRequest(Exchange exchange) throws Exception {
        Message message = exchange.getMessage().getBody(Message.class);
        Channel sms = settings.sms();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.id());
        body.put("to", message.recipient());
        if (sms.from() != null) {
            body.put("from", sms.from());
        }
        body.put("text", message.body());
        body.put("language", message.language().name());
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        exchange.getMessage().setHeader("Idempotency-Key", message.id());
        if (sms.username() != null) {
            exchange.getMessage().setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (sms.username() + ":" + (sms.password() == null ? "" : sms.password()))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        exchange.getMessage().setBody(json.writeValueAsBytes(body));
    }

    private static void toMail(Exchange exchange, Channel email) {
        Message message = exchange.getMessage().getBody(Message.class);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader("To", message.recipient());
        exchange.getMessage().setHeader("From", email.from());
        exchange.getMessage().setHeader("Subject", message.subject());
        exchange.getMessage().setHeader("X-OneDoor-Message-Id", message.id());
        exchange.getMessage().setHeader("Content-Language", message.language().name());
        exchange.getMessage().setBody(message.body());
    }

    private static String smtp(Channel email) {
        URI url = required(email, "email");
        if (email.from() == null) {
            throw new IllegalStateException("onedoor.notifications.email.from: the sender's address is required for smtp");
        }
        StringBuilder uri = new StringBuilder(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() > 0) {
            uri.append(':').append(url.getPort());
        }
        // Camel sets one timeout for connecting and for each answer of the server: the longer of the two.
        long timeout = Math.max(email.connectTimeout().toMillis(), email.responseTimeout().toMillis());
        uri.append("?contentType=text/plain;charset=UTF-8").append("&connectionTimeout=").append(timeout);
        if (email.username() != null) {
            uri.append("&username=RAW(").append(email.username()).append(")&password=RAW(")
                    .append(email.password() == null ? "" : email.password()).append(')');
        }
        return uri.toString();
    }

    /** The demo's channel: what would have been sent, with the number or address shortened. */
    private static void logged(Exchange exchange, String channel) {
        Message message = exchange.getMessage().getBody(Message.class);
        log.info("{} {} to {} ({}): {}{}", channel, message.id(), masked(message.recipient()),
                message.language(), message.subject() == null ? "" : message.subject() + " | ",
                message.body().replace('\n', ' '));
    }

    private static void off(String name, Channel channel) {
        throw new IllegalStateException("onedoor.notifications." + name + ".transport is '" + channel.transport()
                + "': nothing sends on this channel");
    }

    private static IllegalStateException unknown(String name, Channel channel, String transport) {
        return new IllegalStateException("onedoor.notifications." + name + ".transport: '" + channel.transport()
                + "' is none of off, log, " + transport);
    }

    private static URI required(Channel channel, String name) {
        if (channel.url() == null) {
            throw new IllegalStateException("onedoor.notifications." + name + ".url is required for the '"
                    + channel.transport() + "' transport");
        }
        return channel.url();
    }

    static String masked(String recipient) {
        int keep = Math.min(3, recipient.length() / 4);
        return recipient.substring(0, keep) + "***" + recipient.substring(recipient.length() - keep);
    }
}

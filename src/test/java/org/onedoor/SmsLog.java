package org.onedoor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The demo's SMS channel is its log ({@code onedoor.notifications}): what a test reads the portal's codes from. */
public final class SmsLog implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("(?:your code is|আপনার কোড) (\\d{6})");

    private final ListAppender<ILoggingEvent> sent = new ListAppender<>();

    public SmsLog() {
        sent.start();
        logger().addAppender(sent);
    }

    /** The code in the last SMS to {@code number} (the log masks the number but its last digits). */
    public String lastCode(String number) {
        return OneDoorClient.await("an SMS to " + number, () -> sent.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(number.substring(number.length() - 2) + " ("))
                .map(CODE::matcher).filter(Matcher::find).map(m -> m.group(1))
                .reduce((a, b) -> b).orElse(null));
    }

    @Override
    public void close() {
        logger().detachAppender(sent);
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger("onedoor.notifications");
    }
}

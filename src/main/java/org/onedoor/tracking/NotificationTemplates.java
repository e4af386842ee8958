package org.onedoor.tracking;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.onedoor.catalogue.LocalizedName;
import org.onedoor.lifecycle.News;
import org.onedoor.system.YamlFiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The messages of {@code tracking/notifications.yaml}: which news are sent, and their SMS and e-mail wording. */
@Component
class NotificationTemplates {

    static final String LOCATION = "tracking/notifications.yaml";
    private static final int SMS_NEWS = 300;

    record File(Set<News> sendOn, LocalizedName sms, LocalizedName emailSubject, LocalizedName emailBody) {
    }

    /** A message in one language, ready for the outbox; {@code subject} only for e-mail. */
    record Text(String subject, String body) {
    }

    private final File file;

    NotificationTemplates() {
        file = YamlFiles.read(new ClassPathResource(LOCATION), File.class);
        if (file.sendOn() == null) {
            throw new YamlFiles.InvalidFileException(LOCATION, "sendOn: list the kinds of news that are sent");
        }
        Map.of("sms", nonNull(file.sms()), "emailSubject", nonNull(file.emailSubject()),
                "emailBody", nonNull(file.emailBody())).forEach((field, text) -> {
                    if (!StringUtils.hasText(text.en()) || !StringUtils.hasText(text.bn())) {
                        throw new YamlFiles.InvalidFileException(LOCATION, field + ": needs both 'en' and 'bn'");
                    }
                });
    }

    boolean sent(News kind) {
        return file.sendOn().contains(kind);
    }

    Text render(NotificationChannel channel, Language language, Map<String, String> values) {
        if (channel == NotificationChannel.SMS) {
            // An MDA's reason or question may run to 2 000 characters; an SMS keeps its start and the link.
            Map<String, String> shorter = new HashMap<>(values);
            shorter.computeIfPresent("news", (k, news) -> news.length() <= SMS_NEWS ? news
                    : news.substring(0, SMS_NEWS - 1).strip() + "…");
            return new Text(null, fill(language.pick(file.sms()), shorter));
        }
        return new Text(fill(language.pick(file.emailSubject()), values), fill(language.pick(file.emailBody()), values));
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        return text.strip();
    }

    private static LocalizedName nonNull(LocalizedName name) {
        return name == null ? new LocalizedName(null, null) : name;
    }
}

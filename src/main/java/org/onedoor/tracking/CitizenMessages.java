package org.onedoor.tracking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.catalogue.LocalizedName;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.system.YamlFiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one catalogue of what citizens read, in English and Bangla ({@code tracking/messages.yaml}): the wording of
 * every kind of news, every request and leg state, the codes facts may hold, and the printed receipt's words.
 * Complete at startup or OneDoor does not start.
 */
@Component
public class CitizenMessages {

    static final String LOCATION = "tracking/messages.yaml";
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern FACT = Pattern.compile("\\{([A-Za-z]+)}");

    /** The file's shape. */
    record Catalogue(Map<News, LocalizedName> news, Map<String, Map<String, LocalizedName>> words,
            Map<RequestState, LocalizedName> states, Map<LegState, LocalizedName> legStates,
            Map<ReceiptLabel, LocalizedName> receipt) {
    }

    /** What the printed receipt says beside its facts ({@link ReceiptPdf}). */
    enum ReceiptLabel {
        CENTRE, TITLE, TRACKING_NUMBER, TRACKING_CODE, CODE_HINT, SERVICE, FEE, FREE, PAID, NOT_PAID, PAY_AT_CENTRE,
        PRIORITY, CHANNEL, RECEIVED_AT, RECEIVED_BY, EXPECTED, IF_PAID_TODAY, OFFICES, OFFICES_LATER, TRACK_AT, SCAN,
        SIGNED_ATTACHED
    }

    private final Catalogue catalogue;
    private final ConnectorRegistry connectors;

    public CitizenMessages(ConnectorRegistry connectors) {
        this.connectors = connectors;
        this.catalogue = YamlFiles.read(new ClassPathResource(LOCATION), Catalogue.class);
        complete("news", catalogue.news(), EnumSet.allOf(News.class));
        complete("states", catalogue.states(), EnumSet.allOf(RequestState.class));
        complete("legStates", catalogue.legStates(), EnumSet.allOf(LegState.class));
        complete("receipt", catalogue.receipt(), EnumSet.allOf(ReceiptLabel.class));
        catalogue.words().forEach((fact, words) -> complete("words." + fact, words, words.keySet()));
    }

    /** The news as the citizen reads it: facts in place, codes in words, the MDA by its name. */
    public String news(News kind, String mdaCode, Map<String, String> facts, Language language) {
        String template = language.pick(catalogue.news().get(kind));
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            Matcher fact = FACT.matcher(part);
            boolean complete = true;
            while (fact.find()) {
                complete &= value(fact.group(1), mdaCode, facts, language) != null;
            }
            optional.appendReplacement(kept, Matcher.quoteReplacement(complete ? part : ""));
        }
        optional.appendTail(kept);
        Matcher fact = FACT.matcher(kept);
        StringBuilder text = new StringBuilder();
        while (fact.find()) {
            String value = value(fact.group(1), mdaCode, facts, language);
            fact.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : value));
        }
        fact.appendTail(text);
        return text.toString();
    }

    public String state(RequestState state, Language language) {
        return language.pick(catalogue.states().get(state));
    }

    public String legState(LegState state, Language language) {
        return language.pick(catalogue.legStates().get(state));
    }

    String receipt(ReceiptLabel label, Language language) {
        return language.pick(catalogue.receipt().get(label));
    }

    /** A code in words ({@code channel}: {@code call-centre}, for instance), or the code itself if it has none. */
    public String word(String fact, String code, Language language) {
        Map<String, LocalizedName> words = catalogue.words().get(fact);
        return words != null && words.containsKey(code) ? language.pick(words.get(code)) : code;
    }

    private String value(String name, String mdaCode, Map<String, String> facts, Language language) {
        if (name.equals("mda")) {
            return mdaCode == null ? null : connectors.find(mdaCode).map(c -> language.pick(c.name())).orElse(mdaCode);
        }
        String value = facts.get(name);
        return value == null || value.isBlank() ? null : word(name, value, language);
    }

    private static <K> void complete(String section, Map<K, LocalizedName> entries, Set<K> expected) {
        for (K key : expected) {
            LocalizedName name = entries == null ? null : entries.get(key);
            if (name == null || name.en() == null || name.en().isBlank() || name.bn() == null || name.bn().isBlank()) {
                throw new YamlFiles.InvalidFileException(LOCATION, section + "." + key + ": needs both 'en' and 'bn'");
            }
        }
    }
}

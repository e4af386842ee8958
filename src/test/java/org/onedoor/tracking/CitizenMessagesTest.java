package org.onedoor.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.mda.ConnectorRegistry;

/** The one catalogue of what citizens read: complete in both languages, facts in place, nothing left unworded. */
class CitizenMessagesTest {

    private static final CitizenMessages MESSAGES = new CitizenMessages(
            new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION));
    private static final Map<String, String> ALL_FACTS = Map.ofEntries(Map.entry("caseNumber", "FS-2026-00042"),
            Map.entry("expectedBy", "2026-12-24"), Map.entry("status", "on-hold"),
            Map.entry("text", "Waiting for the inspector."), Map.entry("title", "Surveyor"), Map.entry("from", "Surveyor"),
            Map.entry("to", "Union land assistant officer"), Map.entry("comment", "Check the deed."),
            Map.entry("question", "Send the lease."), Map.entry("documents", "premises-lease"),
            Map.entry("reason", "Not registered."), Map.entry("code", "mda.cannot-process"), Map.entry("answer", "decision"));

    @Test
    void everyKindOfNewsIsWordedInBothLanguagesWithEveryFactInPlace() {
        for (News kind : News.values()) {
            for (Language language : Language.values()) {
                String text = MESSAGES.news(kind, "fire-service", ALL_FACTS, language);
                assertThat(text).as(kind + " " + language).isNotBlank().doesNotContain("{", "}", "[", "]");
            }
            assertThat(MESSAGES.news(kind, "fire-service", ALL_FACTS, Language.bn))
                    .as(kind + " has its own Bangla").isNotEqualTo(MESSAGES.news(kind, "fire-service", ALL_FACTS, Language.en));
        }
    }

    @Test
    void theMdaIsNamedInTheCitizensLanguageAndCodesAreWorded() {
        assertThat(MESSAGES.news(News.STATUS, "fire-service", Map.of("status", "inspection-scheduled"), Language.en))
                .isEqualTo("Fire Service and Civil Defence: an inspection is scheduled.");
        assertThat(MESSAGES.news(News.STATUS, "fire-service", Map.of("status", "inspection-scheduled"), Language.bn))
                .isEqualTo("ফায়ার সার্ভিস ও সিভিল ডিফেন্স: পরিদর্শনের সময় নির্ধারিত হয়েছে।");
        assertThat(MESSAGES.news(News.LATE_ANSWER, "environment", Map.of("answer", "decision"), Language.en))
                .isEqualTo("Department of Environment sent its decision after the request had ended. The outcome stands.");
    }

    @Test
    void aPartWhoseFactIsMissingIsLeftOut() {
        assertThat(MESSAGES.news(News.LEG_APPROVED, "environment", Map.of(), Language.en))
                .isEqualTo("Approved by Department of Environment.");
        assertThat(MESSAGES.news(News.LEG_APPROVED, "city-corporation", Map.of("title", "Chief revenue officer",
                "reason", "All in order."), Language.en))
                .isEqualTo("Approved by the Chief revenue officer of Dhaka North City Corporation. All in order.");
        assertThat(MESSAGES.news(News.INFORMATION_REQUESTED, "fire-service", Map.of("question", "Which floor?",
                "documents", ""), Language.en)).isEqualTo("Fire Service and Civil Defence needs more from you: Which floor?");
    }

    @Test
    void everyStateHasWordsInBothLanguages() {
        for (RequestState state : RequestState.values()) {
            assertThat(MESSAGES.state(state, Language.en)).isNotBlank();
            assertThat(MESSAGES.state(state, Language.bn)).isNotBlank().isNotEqualTo(MESSAGES.state(state, Language.en));
        }
        for (LegState state : LegState.values()) {
            assertThat(MESSAGES.legState(state, Language.bn)).isNotBlank().isNotEqualTo(MESSAGES.legState(state, Language.en));
        }
    }

    @Test
    void theLanguageComesFromTheParameterOrTheBrowser() {
        assertThat(Language.of("bn", "en-GB")).isEqualTo(Language.bn);
        assertThat(Language.of(null, "bn-BD,bn;q=0.9,en;q=0.8")).isEqualTo(Language.bn);
        assertThat(Language.of(null, "fr-FR,en;q=0.5")).isEqualTo(Language.en);
        assertThat(Language.of(null, null)).isEqualTo(Language.en);
    }
}

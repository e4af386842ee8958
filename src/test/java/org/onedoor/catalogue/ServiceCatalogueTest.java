package org.onedoor.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.system.YamlFiles.InvalidFileException;

class ServiceCatalogueTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            code: birth-certificate
            name: {en: Birth certificate, bn: জন্ম সনদ}
            routing: BirthCertificateRouting
            fee: {amount: 50, currency: BDT}
            slaWorkingDays: 7
            fields:
              - {name: childName, type: text, required: true}
            documents:
              - {kind: hospital-record, mediaTypes: [application/pdf], maxSize: 2MB, mandatory: true}
            """;

    private ServiceCatalogue load(String folder, String yaml) throws IOException {
        Path file = dir.resolve(folder).resolve("service.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return new ServiceCatalogue("file:" + dir + "/*/service.yaml");
    }

    @Test
    void loadsTheShippedCatalogue() {
        ServiceCatalogue catalogue = new ServiceCatalogue(ServiceCatalogue.DEFAULT_LOCATION);
        ServiceDefinition licence = catalogue.find("trade-licence").orElseThrow();
        assertThat(licence.slaWorkingDays()).isEqualTo(15);
        assertThat(licence.document("premises-lease").orElseThrow().maxSize().toMegabytes()).isEqualTo(5);
        assertThat(catalogue.find("social-safety-net-allowance").orElseThrow().fee().amount()).isZero();
    }

    @Test
    void aLegsOwnSlaIsAtMostTheServicesAndSharesItsClock() throws IOException {
        ServiceDefinition service = load("birth-certificate", VALID + "legs:\n  city-corporation:\n    slaWorkingDays: 5\n")
                .find("birth-certificate").orElseThrow();
        assertThat(service.slaOf("city-corporation")).isEqualTo(5);
        assertThat(service.slaOf("health-directorate")).isEqualTo(7);
        assertThatThrownBy(() -> load("birth-certificate", VALID + "legs:\n  city-corporation:\n    slaWorkingDays: 8\n"))
                .hasMessageContaining("legs.city-corporation.slaWorkingDays: from 1 to the service's slaWorkingDays (7)");
    }

    @Test
    void aPriorityShortensTheSlaAndIsChecked() throws IOException {
        String priority = "priorities:\n  - {code: elderly, label: {en: Elderly, bn: প্রবীণ}, slaWorkingDays: %d}\n";
        ServiceDefinition service = load("birth-certificate", VALID + priority.formatted(3)).find("birth-certificate")
                .orElseThrow();
        assertThat(service.slaFor("elderly")).isEqualTo(3);
        assertThat(service.slaFor(null)).isEqualTo(7);
        assertThat(service.slaOf("city-corporation", "elderly")).isEqualTo(3);
        assertThatThrownBy(() -> load("birth-certificate", VALID + priority.formatted(7))).hasMessageContaining(
                "priorities[0].slaWorkingDays: from 1 to less than the service's slaWorkingDays (7)");
    }

    @Test
    void aValidEntryLoads() throws IOException {
        ServiceDefinition service = load("birth-certificate", VALID).find("birth-certificate").orElseThrow();
        assertThat(service.name().bn()).isEqualTo("জন্ম সনদ");
        assertThat(service.document("hospital-record").orElseThrow().maxSize().toBytes()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void anUnknownFieldNamesTheFileAndTheField() {
        assertThatThrownBy(() -> load("birth-certificate", VALID + "colour: blue\n"))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageStartingWith("birth-certificate/service.yaml: colour: unknown field");
    }

    @Test
    void aWrongTypeNamesThePath() {
        assertThatThrownBy(() -> load("birth-certificate", VALID.replace("type: text", "type: colour")))
                .hasMessageContaining("birth-certificate/service.yaml: fields[0].type");
    }

    @Test
    void aBadSizeNamesThePath() {
        assertThatThrownBy(() -> load("birth-certificate", VALID.replace("maxSize: 2MB", "maxSize: large")))
                .hasMessageContaining("birth-certificate/service.yaml: documents[0].maxSize");
    }

    @Test
    void semanticMistakesAreAllReported() {
        String yaml = VALID.replace("currency: BDT", "currency: USD").replace("slaWorkingDays: 7", "slaWorkingDays: 0")
                .replace("name: childName", "name: trackingNumber").replace("bn: জন্ম সনদ", "bn: ''");
        assertThatThrownBy(() -> load("birth-certificate", yaml))
                .hasMessageContaining("fee.currency: must be BDT")
                .hasMessageContaining("slaWorkingDays: must be at least 1")
                .hasMessageContaining("fields[0].name: 'trackingNumber' is reserved")
                .hasMessageContaining("name: needs both 'en' and 'bn'");
    }

    @Test
    void theCodeMustEqualTheFolder() {
        assertThatThrownBy(() -> load("death-certificate", VALID))
                .hasMessageContaining("must equal the folder name 'death-certificate'");
    }

    @Test
    void aChoiceNeedsValuesAndAPatternMustCompile() {
        String yaml = VALID.replace("{name: childName, type: text, required: true}",
                "{name: childName, type: choice, required: true, pattern: '[a-'}");
        assertThatThrownBy(() -> load("birth-certificate", yaml))
                .hasMessageContaining("fields[0].values: a choice needs its allowed values")
                .hasMessageContaining("fields[0].pattern: not a valid regular expression");
    }
}

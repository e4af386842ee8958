package org.onedoor.mda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.casework.OfficerRole;
import org.onedoor.system.YamlFiles;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;

/** An MDA's organogram beside its connector: read, climbed, and refused with its field when it cannot be. */
class OrganogramTest {

    @TempDir
    Path connectors;

    @BeforeEach
    void copyTheCityCorporation() throws IOException {
        FileSystemUtils.deleteRecursively(connectors.resolve("city-corporation"));
        FileSystemUtils.copyRecursively(Path.of("connectors/city-corporation"), connectors.resolve("city-corporation"));
    }

    private Organogram organogram() {
        return new ConnectorRegistry(YamlFiles.find("file:" + connectors + "/*/connector.yaml"), new MockEnvironment())
                .organogram("city-corporation");
    }

    private void edit(UnaryOperator<String> change) throws IOException {
        Path file = connectors.resolve("city-corporation/organogram.yaml");
        Files.writeString(file, change.apply(Files.readString(file)));
    }

    @Test
    void lateWorkClimbsFromAnOfficersPositionToTheHeadOfTheMda() {
        Organogram chart = organogram();
        Organogram.Position desk = chart.at(OfficerRole.desk, "city-corporation-desk2").orElseThrow();
        assertThat(desk.id()).isEqualTo("licence-inspector");
        assertThat(chart.above(desk)).extracting(Organogram.Position::id).containsExactly("section-head-licensing",
                "chief-revenue-officer", "chief-executive-officer");
        assertThat(chart.position("chief-executive-officer").orElseThrow().level()).isNull();
    }

    @Test
    void withoutAFileTheReviewLevelsReportToEachOther() throws IOException {
        Files.delete(connectors.resolve("city-corporation/organogram.yaml"));
        Organogram chart = organogram();
        assertThat(chart.above(chart.at(OfficerRole.desk, null).orElseThrow())).extracting(Organogram.Position::title)
                .containsExactly("Section head, licensing", "Chief revenue officer");
    }

    @Test
    void aCycleAPositionNobodyHoldsAndAnUnknownSuperiorAreNamed() throws IOException {
        edit(yaml -> yaml.replace("    unit: office-of-the-ceo\n    holders: [city-corporation-ceo]",
                "    unit: office-of-the-ceo\n    reportsTo: licence-inspector\n    holders: []"));        assertThatThrownBy(this::organogram).isInstanceOf(YamlFiles.InvalidFileException.class)
                .hasMessageStartingWith("city-corporation/organogram.yaml: ")
                .hasMessageContaining("positions[3].holders: nobody holds position 'chief-executive-officer'")
                .hasMessageContaining("positions: exactly one position (the head of the MDA) reports to no one; here []")
                .hasMessageContaining("positions[0].reportsTo: 'licence-inspector' reports to itself through "
                        + "chief-executive-officer (a cycle)");
        copyTheCityCorporation();
        edit(yaml -> yaml.replace("reportsTo: chief-revenue-officer", "reportsTo: chief-revenue"));
        assertThatThrownBy(this::organogram).hasMessage(
                "city-corporation/organogram.yaml: positions[1].reportsTo: no position 'chief-revenue'");
    }

    @Test
    void aLevelReportingDownwardsAndAMissingLevelAreNamed() throws IOException {
        edit(yaml -> yaml.replace("level: director", "level: desk").replace("    reportsTo: section-head-licensing\n",
                "    reportsTo: chief-revenue-officer\n").replace("level: head\n    reportsTo: chief-revenue-officer",
                "level: head\n    reportsTo: licence-inspector"));
        assertThatThrownBy(this::organogram)
                .hasMessageContaining("reportsTo: 'licence-inspector' is at a lower level (desk) than head")
                .hasMessageContaining("positions: no position at level 'director'; its officers' tasks need one");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        edit(yaml -> yaml.replace("    title: Chief executive officer", "    title: Chief executive officer\n    rank: 1"));
        assertThatThrownBy(this::organogram).hasMessageStartingWith(
                "city-corporation/organogram.yaml: positions[3].rank: unknown field");
    }
}

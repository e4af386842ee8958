package org.onedoor.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hash chain on the real database (H2, and PostgreSQL with ONEDOOR_TEST_DB=postgres). */
@DemoIntegrationTest
class MessageLogIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageLog log;

    private void fileThree() {
        OneDoorClient client = new OneDoorClient(http);
        for (int i = 0; i < 3; i++) {
            assertThat(client.file("frontdesk", OneDoorClient.example("trade-licence")).getStatusCode().value())
                    .isEqualTo(201);
        }
    }

    private JsonNode verification(String user) {
        return http.withBasicAuth(user, OneDoorClient.PASSWORD)
                .getForObject("/api/admin/message-log/verification", JsonNode.class);
    }

    @Test
    void everyReceiptIsLoggedAndTheChainVerifies() {
        fileThree();
        long rows = jdbc.sql("select count(*) from message_log where packet_type = 'receipt' and direction = 'OUT'")
                .query(Long.class).single();
        assertThat(rows).isGreaterThanOrEqualTo(3);
        JsonNode report = verification("admin");
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("rows").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(http.withBasicAuth("frontdesk", "demo").getForEntity("/api/admin/message-log/verification",
                String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void alteringAPastRowIsDetectedAtThatRow() {
        fileThree();
        long row = jdbc.sql("select max(id) from message_log").query(Long.class).single() - 1;
        byte[] original = jdbc.sql("select manifest from message_log where id = ?").param(row).query(byte[].class).single();
        byte[] forged = new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("\"fee\"", "\"Fee\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.sql("update message_log set manifest = ? where id = ?").params(forged, row).update();
        try {
            MessageLog.Verification broken = log.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenRow()).isEqualTo(row);
            assertThat(broken.detail()).contains("altered");
        } finally {
            jdbc.sql("update message_log set manifest = ? where id = ?").params(original, row).update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void rewritingARowWithItsOwnHashStillBreaksTheChain() {
        fileThree();
        long row = jdbc.sql("select max(id) from message_log").query(Long.class).single() - 1;
        String original = jdbc.sql("select chain_hash from message_log where id = ?").param(row).query(String.class).single();
        jdbc.sql("update message_log set chain_hash = ? where id = ?").params("f".repeat(64), row).update();
        try {
            MessageLog.Verification broken = log.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenRow()).isEqualTo(row);
        } finally {
            jdbc.sql("update message_log set chain_hash = ? where id = ?").params(original, row).update();
        }
    }
}

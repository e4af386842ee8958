package org.onedoor.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The digests of the sets of process files deployed ({@code process_revision}), the newest last. */
@Component
class ProcessRevisions {

    private final JdbcClient jdbc;

    ProcessRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> latest() {
        return jdbc.sql("select sha256 from process_revision order by id desc fetch first 1 rows only")
                .query(String.class).optional();
    }

    void record(String sha256, Instant at) {
        jdbc.sql("insert into process_revision (sha256, deployed_at) values (?, ?)")
                .params(sha256, Timestamp.from(at)).update();
    }
}

package org.onedoor.viewlog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who looked at what: each opening of a request's file or of one of its documents, by whom, for which MDA, when.
 * The page does not wait for the row: views queue in memory and a writer thread inserts them, a batch per
 * transaction; whoever reads the log first writes what is queued, so that a supervisor never misses a view made a
 * moment ago, and a shutdown writes the rest. A crash loses the views of its last moment, not more.
 */
@Service
public class ViewLog {

    private static final Logger log = LoggerFactory.getLogger(ViewLog.class);

    /** One view: {@code documentKind} is null when the officer opened the request's data. */
    public record View(Instant at, String trackingNumber, String viewer, String mdaCode, String documentKind) {
    }

    /** How often one MDA's officers opened the request. */
    public record Count(String mdaCode, long views) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BlockingQueue<View> queue = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::writeForever, "onedoor-view-log");

    ViewLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        writer.setDaemon(true);
        writer.start();
    }

    public void viewed(String trackingNumber, String viewer, String mdaCode, String documentKind) {
        queue.add(new View(clock.instant(), trackingNumber, viewer, mdaCode, documentKind));
    }

    /** Every view of the request, oldest first. */
    public List<View> views(String trackingNumber) {
        write();
        return jdbc.sql("""
                select viewed_at, tracking_number, viewer, mda_code, document_kind from case_file_view
                where tracking_number = ? order by viewed_at, id""")
                .param(trackingNumber)
                .query((rs, i) -> new View(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Per MDA, how many times its officers opened the request: what the citizen is told. */
    public List<Count> counts(String trackingNumber) {
        write();
        return jdbc.sql("""
                select mda_code, count(*) from case_file_view where tracking_number = ?
                group by mda_code order by mda_code""")
                .param(trackingNumber)
                .query((rs, i) -> new Count(rs.getString(1), rs.getLong(2)))
                .list();
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
        write();
    }

    private void writeForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                View first = queue.take();
                List<View> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch);
                if (!insert(batch)) {
                    Thread.sleep(1000);
                }
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    /** Writes what is queued now, for a reader that must see it. */
    private void write() {
        List<View> batch = new ArrayList<>();
        queue.drainTo(batch);
        if (!insert(batch)) {
            throw new IllegalStateException("The case-file view log cannot be written; see the log");
        }
    }

    /** False, with the views queued again, when the database refused them: none is lost while OneDoor runs. */
    private boolean insert(List<View> batch) {
        try {
            if (!batch.isEmpty()) {
                transaction.executeWithoutResult(t -> batch.forEach(this::insert)); // all or none
            }
            return true;
        } catch (RuntimeException e) {
            log.error("Could not record {} case-file view(s); trying again", batch.size(), e);
            queue.addAll(batch);
            return false;
        }
    }

    private void insert(View v) {
        jdbc.sql("""
                insert into case_file_view (tracking_number, viewer, mda_code, document_kind, viewed_at)
                values (?, ?, ?, ?, ?)""")
                .params(v.trackingNumber(), v.viewer(), v.mdaCode(), v.documentKind(), Timestamp.from(v.at()))
                .update();
    }
}

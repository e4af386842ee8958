package org.onedoor.chaos;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.OneDoorClient;
import org.onedoor.lifecycle.RequestState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClientException;

/**
 * Front-desk clients in a closed loop: each files the next kind of request at one of the open counters (nodes),
 * waits until the request has ended or its patience ran out, then files the next. Beside them the applicants of
 * food premises answer the fire service's question once their tracking shows it, and a poller watches the
 * database for requests that ended: final lifecycle state and no process instance left with the tracking number
 * as business key, so every MDA was told too.
 */
final class FrontDesk implements AutoCloseable {

    /**
     * One filing: 201 with its number and code, another status, 0 when no answer came (the connection broke: the node
     * died while it worked), or -1 when the node was down (nothing sent, so nothing can exist).
     */
    record Filing(int n, Kind kind, String node, int status, String number, String code, long filedAt) {
        boolean accepted() {
            return status == 201;
        }
    }

    record Ended(RequestState state, long at) {
    }

    private static final String FINAL = Arrays.stream(RequestState.values()).filter(RequestState::isFinal)
            .map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    private static final byte[] PLAN = read(Path.of("docs/examples/trade-licence/fire-safety-plan.pdf"));

    private final Rig rig;
    private final Map<String, OneDoorClient> desks = new ConcurrentHashMap<>();
    private final List<Filing> filings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Ended> ended = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> ends = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private final List<Thread> helpers = new ArrayList<>();
    private volatile List<String> counters;
    private volatile boolean filing = true;
    private volatile boolean closed;

    FrontDesk(Rig rig, List<String> counters) {
        this.rig = rig;
        this.counters = List.copyOf(counters);
        helpers.add(daemon("completion-poller", this::poll));
        helpers.add(daemon("applicants", this::answer));
    }

    /** Where the clients file from now on (a killed node's counter closes). */
    void open(List<String> counters) {
        this.counters = List.copyOf(counters);
    }

    /** Starts {@code clients} clients that file until {@link #stop()} or until {@code limit} filings were made. */
    void start(int clientCount, int limit, Duration patience) {
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int n = sequence.getAndIncrement(); filing && n < limit; n = sequence.getAndIncrement()) {
                    file(client, n, patience);
                }
            }, "front-desk-" + c);
            t.start();
            clients.add(t);
        }
    }

    /** Waits for the clients to make their last filing and see it end (or lose patience). */
    void awaitClients() throws InterruptedException {
        for (Thread t : clients) {
            t.join();
        }
    }

    /** Stops filing and waits for the clients. */
    void stop() throws InterruptedException {
        filing = false;
        awaitClients();
    }

    List<Filing> filings() {
        synchronized (filings) {
            return List.copyOf(filings);
        }
    }

    Map<String, Ended> ended() {
        return Map.copyOf(ended);
    }

    int answers() {
        return answers.get();
    }

    /** Requests that waited for an applicant nobody knows, cancelled by the administrator. */
    Set<String> cancelledOrphans() {
        return Set.copyOf(cancelled);
    }

    /**
     * After {@link #stop()}: waits until every request in the database has ended, at most {@code patience}. A filing
     * whose answer the kill took may exist without anyone knowing its tracking code; if it waits for the applicant,
     * the administrator cancels it, as an operator would an orphan.
     */
    boolean settle(Duration patience) throws SQLException, InterruptedException {
        Set<String> known = filings().stream().filter(Filing::accepted).map(Filing::number).collect(Collectors.toSet());
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection sql = rig.sql()) {
            while (System.nanoTime() < deadline) {
                if (ended.keySet().containsAll(Audit.column(sql, "select tracking_number from service_request"))) {
                    return true;
                }
                for (String orphan : Audit.column(sql,
                        "select tracking_number from request_lifecycle where state = 'WAITING_FOR_APPLICANT'")) {
                    if (!known.contains(orphan) && !cancelled.contains(orphan) && cancel(orphan)) {
                        cancelled.add(orphan);
                    }
                }
                Thread.sleep(1000);
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        filing = false;
        closed = true;
        for (Thread t : helpers) {
            t.join();
        }
    }

    private void file(int client, int n, Duration patience) {
        Kind kind = Kind.nth(n);
        List<String> open = counters;
        String node = open.get(client % open.size());
        long t0 = System.nanoTime();
        Filing filed;
        try {
            ResponseEntity<JsonNode> answer = desk(node).file("frontdesk", kind.filing());
            JsonNode body = answer.getBody();
            filed = new Filing(n, kind, node, answer.getStatusCode().value(),
                    body == null ? null : body.path("trackingNumber").asText(null),
                    body == null ? null : body.path("trackingCode").asText(null), t0);
        } catch (RestClientException noAnswer) {
            filed = new Filing(n, kind, node, noAnswer.getRootCause() instanceof ConnectException ? -1 : 0, null, null, t0);
        }
        filings.add(filed);
        try {
            if (!filed.accepted()) {
                Thread.sleep(500);
                return;
            }
            CountDownLatch end = ends.computeIfAbsent(filed.number(), k -> new CountDownLatch(1));
            long deadline = System.nanoTime() + patience.toNanos();
            while (filing && System.nanoTime() < deadline && !end.await(200, TimeUnit.MILLISECONDS)) {
                // waits in short steps, so that stop() is prompt
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OneDoorClient desk(String node) {
        return desks.computeIfAbsent(node, rig::client);
    }

    /** Marks requests that ended; the database is never killed. */
    private void poll() {
        String query = "select l.tracking_number, l.state from request_lifecycle l where l.state in (" + FINAL + ") "
                + "and not exists (select 1 from act_ru_execution e where e.business_key_ = l.tracking_number)";
        while (!closed) {
            try (Connection sql = rig.sql(); PreparedStatement s = sql.prepareStatement(query)) {
                while (!closed) {
                    try (ResultSet rs = s.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            String number = rs.getString(1);
                            if (ended.putIfAbsent(number, new Ended(RequestState.valueOf(rs.getString(2)), now)) == null) {
                                ends.computeIfAbsent(number, k -> new CountDownLatch(1)).countDown();
                            }
                        }
                    }
                    Thread.sleep(250);
                }
            } catch (SQLException e) {
                System.err.println("completion poller: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The applicant of a food business answers the fire service's question once the tracking answer shows it. */
    private void answer() {
        Set<String> answered = new HashSet<>();
        while (!closed) {
            for (Filing f : filings()) {
                if (f.kind() != Kind.FOOD || !f.accepted() || ended.containsKey(f.number())
                        || answered.contains(f.number())) {
                    continue;
                }
                List<String> open = counters;
                OneDoorClient desk = desk(open.get(ThreadLocalRandom.current().nextInt(open.size())));
                try {
                    JsonNode status = desk.track(f.number(), f.code()).getBody();
                    if (status == null || !"WAITING_FOR_APPLICANT".equals(status.path("state").asText())) {
                        continue;
                    }
                    for (JsonNode question : status.path("questions")) {
                        if (question.path("answeredAt").isMissingNode() || question.path("answeredAt").isNull()) {
                            int code = desk.answer(f.number(), f.code(), question.path("id").asText(),
                                    "The kitchen's fire-safety plan is attached.", Map.of("fire-safety-plan", PLAN))
                                    .getStatusCode().value();
                            if (code == 200) {
                                answers.incrementAndGet();
                                answered.add(f.number());
                            }
                        }
                    }
                } catch (RestClientException nodeDown) {
                    // asks again on the next round
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean cancel(String number) {
        try {
            return rig.admin(counters.get(0)).postForEntity("/api/admin/requests/{n}/cancellation",
                    Map.of("reason", "Filed at the counter without a receipt: the applicant never came back."),
                    JsonNode.class, number).getStatusCode().is2xxSuccessful();
        } catch (RestClientException nodeDown) {
            return false;
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

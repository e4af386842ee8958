package org.onedoor.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.onedoor.casework.Supervisors;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.UserGroups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPIs for supervisors: {@code GET /api/supervisor/kpis} (JSON) and {@code GET /api/supervisor/kpis.csv} (the same
 * rows as a spreadsheet), for {@code from} to {@code to} (inclusive; the last 30 days by default) and one MDA
 * ({@code mda}) or every MDA. The ODSC's supervisors and administrators see every MDA; an MDA's supervisors (group
 * {@code <mda>-supervisor}) see their own MDA only. {@code POST /api/admin/kpis/rebuild} counts every request again.
 */
@RestController
class KpiController {

    /** Who sees every MDA besides the ODSC's supervisors: Camunda's administrators' group. */
    private static final String ADMINISTRATORS = "camunda-admin";
    private static final int DEFAULT_DAYS = 30;

    private final Kpis kpis;
    private final KpiRefresh refresh;
    private final ConnectorRegistry connectors;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    KpiController(Kpis kpis, KpiRefresh refresh, ConnectorRegistry connectors, WorkingDayCalendar calendar,
            Clock clock) {
        this.kpis = kpis;
        this.refresh = refresh;
        this.connectors = connectors;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/supervisor/kpis")
    Dashboard dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String mda, Authentication user) {
        return read(from, to, mda, user);
    }

    @GetMapping("/api/supervisor/kpis.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String mda, @RequestParam(defaultValue = "en") String lang,
            Authentication user) {
        Dashboard dashboard = read(from, to, mda, user);
        String name = "onedoor-kpis-" + (dashboard.mdaCode() == null ? "all" : dashboard.mdaCode()) + "-"
                + dashboard.from() + "-" + dashboard.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(KpiCsv.write(dashboard, "bn".equals(lang)).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/admin/kpis/rebuild")
    ResponseEntity<Map<String, Integer>> rebuild() {
        return ResponseEntity.accepted().body(Map.of("marked", refresh.rebuild()));
    }

    private Dashboard read(LocalDate from, LocalDate to, String mda, Authentication user) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(calendar.zone()));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new OneDoorException("kpi.period-invalid", HttpStatus.BAD_REQUEST,
                    "The period starts (" + first + ") after it ends (" + last + ").");
        }
        List<String> groups = UserGroups.of(user);
        boolean everyMda = groups.contains(Supervisors.ODSC) || groups.contains(ADMINISTRATORS);
        List<String> mdas = everyMda ? connectors.all().stream().map(Connector::code).sorted().toList()
                : groups.stream().flatMap(g -> Supervisors.mdaOf(g).stream())
                        .filter(code -> connectors.find(code).isPresent()).sorted().toList();
        if (mdas.isEmpty() && !everyMda) {
            throw new OneDoorException("auth.forbidden", HttpStatus.FORBIDDEN, "Only supervisors see the KPIs.");
        }
        if (mda != null && !mdas.contains(mda)) {
            throw everyMda
                    ? new OneDoorException("kpi.mda-unknown", HttpStatus.NOT_FOUND, "No MDA has the code '" + mda + "'.")
                    : new OneDoorException("kpi.mda-forbidden", HttpStatus.FORBIDDEN,
                            "You supervise " + String.join(", ", mdas) + ", not " + mda + ".");
        }
        String scope = mda != null ? mda : everyMda ? null : mdas.get(0);
        return kpis.read(first, last, scope, everyMda, mdas);
    }
}

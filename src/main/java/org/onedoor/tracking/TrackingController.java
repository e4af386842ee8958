package org.onedoor.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onedoor.catalogue.LocalizedName;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.dispatch.Connector;
import org.onedoor.dispatch.ConnectorRegistry;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/track/{trackingNumber}?code=...}: public, for the citizen. An unknown number and a wrong code
 * get the same 404, so that the endpoint tells nothing to someone guessing numbers.
 */
@RestController
class TrackingController {

    private final ServiceRequests requests;
    private final Timeline timeline;
    private final ServiceCatalogue catalogue;
    private final ConnectorRegistry connectors;

    TrackingController(ServiceRequests requests, Timeline timeline, ServiceCatalogue catalogue,
            ConnectorRegistry connectors) {
        this.requests = requests;
        this.timeline = timeline;
        this.catalogue = catalogue;
        this.connectors = connectors;
    }

    record Status(String trackingNumber, String serviceCode, LocalizedName serviceName, RequestStatus status,
            Instant receivedAt, LocalDate expectedCompletion, List<Step> timeline) {
    }

    record Step(Instant at, RequestStatus status, String mdaCode, LocalizedName mdaName, String message) {
    }

    @GetMapping("/api/track/{trackingNumber}")
    Status track(@PathVariable String trackingNumber, @RequestParam(required = false) String code) {
        FiledRequest request = requests.find(trackingNumber)
                .filter(r -> r.codeMatches(code))
                .orElseThrow(() -> new OneDoorException("tracking.not-found", HttpStatus.NOT_FOUND,
                        "No request matches this tracking number and code."));
        List<Step> steps = timeline.entries(trackingNumber).stream()
                .map(e -> new Step(e.at(), e.status(), e.mdaCode(),
                        connectors.find(e.mdaCode()).map(Connector::name).orElse(null), e.message()))
                .toList();
        RequestStatus status = steps.isEmpty() ? RequestStatus.RECEIVED : steps.get(steps.size() - 1).status();
        LocalizedName serviceName = catalogue.find(request.serviceCode()).map(ServiceDefinition::name).orElse(null);
        return new Status(request.trackingNumber(), request.serviceCode(), serviceName, status, request.receivedAt(),
                request.expectedBy(), steps);
    }
}

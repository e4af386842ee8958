package org.onedoor.chaos;

import java.util.List;

import org.onedoor.OneDoorClient;
import org.onedoor.lifecycle.RequestState;
import org.springframework.http.HttpEntity;
import org.springframework.util.MultiValueMap;

/**
 * What the front desk files, in turn: the three services' examples, the trade licence in each business category,
 * with the MDAs its routing table names and the outcome the simulator's rules give it
 * ({@code application-simulator.yml}: the environment department rejects hazardous businesses, the fire service
 * asks food premises for their plan and approves once the applicant's answer arrives, everything else is approved).
 */
enum Kind {
    RETAIL("trade-licence", "retail", RequestState.APPROVED, "city-corporation"),
    FOOD("trade-licence", "food", RequestState.APPROVED, "city-corporation", "fire-service"),
    INDUSTRIAL("trade-licence", "industrial", RequestState.APPROVED, "city-corporation", "environment", "fire-service"),
    HAZARDOUS("trade-licence", "hazardous", RequestState.REJECTED, "city-corporation", "environment", "fire-service"),
    LAND_MUTATION("land-mutation", null, RequestState.APPROVED, "land-office", "sub-registry"),
    ALLOWANCE("social-safety-net-allowance", null, RequestState.APPROVED, "social-services");

    final RequestState expected;
    final List<String> mdas;
    private final MultiValueMap<String, Object> filing;

    Kind(String service, String category, RequestState expected, String... mdas) {
        this.expected = expected;
        this.mdas = List.of(mdas);
        this.filing = OneDoorClient.example(service);
        if (category != null) {
            // The example is an industrial business: the same filing in another category.
            HttpEntity<?> request = (HttpEntity<?>) filing.getFirst("request");
            filing.set("request", new HttpEntity<>(request.getBody().toString()
                    .replace("\"industrial\"", "\"" + category + "\""), request.getHeaders()));
        }
    }

    /** The multipart filing (with its fee paid where the service waits for it); documents are shared read only. */
    MultiValueMap<String, Object> filing() {
        return OneDoorClient.paidIfDue(filing);
    }

    boolean involves(String mda) {
        return mdas.contains(mda);
    }

    /** The n-th filing of a run: the kinds in turn. */
    static Kind nth(int n) {
        return values()[n % values().length];
    }
}

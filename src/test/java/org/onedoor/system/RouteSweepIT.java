package org.onedoor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.ServerRegistry;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application serves, asked without credentials: each answers 401 or 403, unless it is on the public
 * list below with the reason it may be. The routes are read from the running application (Spring MVC's handler
 * mappings, CXF's endpoints, Camunda's REST API and webapp APIs, actuator), so that a new route that is neither
 * protected nor listed fails here.
 */
@DemoIntegrationTest
class RouteSweepIT {

    /** Routes anyone may call, and why: {@code METHOD /path}, {@code *} one segment, or any rest after a final {@code /*}. */
    private static final Map<String, String> PUBLIC = new LinkedHashMap<>();

    static {
        PUBLIC.put("GET /error", "Spring's error page, as problem details");
        PUBLIC.put("GET /api/session", "who the page is logged in as: nobody, without a login");
        PUBLIC.put("GET /api/services", "the service catalogue is published");
        PUBLIC.put("GET /api/services/*", "one service of the catalogue");
        PUBLIC.put("GET /api/track/*", "tracking needs the number and the code printed on the receipt");
        PUBLIC.put("GET /api/track/*/documents/*/*", "an issued document, with the receipt's number and code");
        PUBLIC.put("GET /api/track/*/receipt.pdf", "the receipt to print, with the receipt's number and code");
        PUBLIC.put("PUT /api/track/*/feedback", "the citizen's rating, with the receipt's number and code");
        PUBLIC.put("POST /api/track/*/grievances", "the citizen's grievance, with the receipt's number and code");
        PUBLIC.put("POST /api/track/*/grievances/*/appeal", "the citizen's appeal, with the receipt's number and code");
        PUBLIC.put("GET /api/requests/expected-completion", "the date a filing today is promised: catalogue facts");
        PUBLIC.put("POST /api/portal/code", "the portal's one-time code is asked for before any login (rate-limited)");
        PUBLIC.put("POST /api/portal/session", "the portal's login with that code");
        PUBLIC.put("* /api/mda/*", "MDA systems authenticate by signing every packet");
        PUBLIC.put("* /ws/*", "the SOAP endpoints authenticate by signature; WSDLs and the service list are published");
        PUBLIC.put("* /simulator/mda/*", "the demo's simulated ministry systems, reached by signed packets");
        PUBLIC.put("GET /actuator/health", "load balancers ask it");
        PUBLIC.put("GET /actuator/info", "the build's version");
        PUBLIC.put("GET /camunda/app/tasklist/scripts/onedoor-time-zone.js", "a script of Tasklist's login page");
        PUBLIC.put("GET /engine-rest/engine", "Camunda lists engine names without a login (no data)");
        PUBLIC.put("* /camunda/api/admin/auth/user/*", "the webapps' login, logout and 'who am I'");
        PUBLIC.put("* /camunda/api/admin/setup/*/user/create", "Camunda's first-admin setup: refused once any admin exists");
        PUBLIC.put("GET /camunda/api/engine/engine", "the webapps list engine names before login");
        PUBLIC.put("GET /camunda/api/*/plugin/*/static/*", "the webapps' plugin scripts, loaded before login");
    }

    private static final Map<String, String> SAMPLES = Map.of("trackingNumber", "ODSC-2026-000001-5",
            "kind", "premises-lease", "code", "trade-licence", "engine", "default", "name", "default",
            "engineName", "default", "mda", "fire-service");

    @LocalServerPort
    int port;
    /** Spring MVC's controllers and actuator's controller endpoints. */
    @Autowired
    List<RequestMappingHandlerMapping> mvc;
    @Autowired
    Bus bus;
    @Autowired
    PathMappedEndpoints actuator;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code METHOD /path} for every route, path variables as written ({@code {trackingNumber}}). */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mvc.stream().flatMap(m -> m.getHandlerMethods().keySet().stream()).toList()) {
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add("GET " + path);
                } else {
                    methods.forEach(m -> routes.add(m.name() + " " + path));
                }
            }
        }
        bus.getExtension(ServerRegistry.class).getServers().forEach(server ->
                routes.add("POST /ws" + server.getEndpoint().getEndpointInfo().getAddress()));
        routes.add("GET /ws/");
        actuator.getAllPaths().forEach(path -> routes.add("GET " + path));
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            jaxRs(routes, "/engine-rest", resource);
        }
        for (Application app : List.of(new AdminApplication(), new CockpitApplication(), new TasklistApplication(),
                new WelcomeApplication(), new EngineRestApplication())) {
            String root = app.getClass().getSimpleName().replace("Application", "").toLowerCase()
                    .replace("enginerest", "engine");
            app.getClasses().forEach(resource -> jaxRs(routes, "/camunda/api/" + root, resource));
        }
        return routes;
    }

    /**
     * A JAX-RS root resource's own methods and its sub-resources, each with its HTTP method (a sub-resource locator as
     * GET: the filters in front answer before any matching).
     */
    private static void jaxRs(Set<String> routes, String prefix, Class<?> resource) {
        Path root = resource.getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        String base = prefix + ("/" + root.value()).replaceAll("/+", "/").replaceAll("/$", "");
        for (Method method : resource.getMethods()) {
            Path sub = method.getAnnotation(Path.class);
            String http = Arrays.stream(method.getAnnotations())
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                    .filter(Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
            if (sub != null) {
                routes.add((http == null ? "GET" : http) + " " + (base + "/" + sub.value()).replaceAll("/+", "/")
                        .replaceAll("/$", ""));
            } else if (http != null) {
                routes.add(http + " " + base);
            }
        }
    }

    private static boolean isPublic(String route) {
        return isPublic(route, PUBLIC.keySet());
    }

    private static boolean isPublic(String route, Collection<String> patterns) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]*}", "*").replace("/**", "/*");
        return patterns.stream().anyMatch(p -> {
            String pm = p.substring(0, p.indexOf(' '));
            String pp = p.substring(p.indexOf(' ') + 1);
            boolean prefix = pp.endsWith("/*") && !pp.substring(0, pp.length() - 2).contains("*");
            String regex = Pattern.quote(pp).replace("*", "\\E[^/]*\\Q");
            return (pm.equals("*") || pm.equals(method)) && (path.matches(regex)
                    || prefix && path.startsWith(pp.substring(0, pp.length() - 1)));
        });
    }

    private static String concrete(String path) {
        Matcher m = Pattern.compile("\\{([^}:]*)(:[^}]*)?}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, SAMPLES.getOrDefault(m.group(1), "x"));
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/x");
    }

    private int status(String route) throws IOException, InterruptedException {
        String method = route.substring(0, route.indexOf(' '));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + concrete(route.substring(route.indexOf(' ') + 1))))
                .method(method, method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyRouteNeedsALoginUnlessItIsListedAsPublic() throws Exception {
        Set<String> routes = routes();
        assertThat(routes).as("the sweep found the application's routes").hasSizeGreaterThan(150)
                .contains("GET /api/officer/requests/{trackingNumber}", "POST /ws/mda", "GET /actuator/metrics",
                        "GET /engine-rest/task", "GET /camunda/api/cockpit/plugin/base/static/{file:.*}");
        List<String> open = new ArrayList<>();
        int asked = 0;
        for (String route : routes) {
            if (isPublic(route)) {
                continue;
            }
            asked++;
            int status = status(route);
            if (status != 401 && status != 403) {
                open.add(route + " -> " + status);
            }
        }
        assertThat(open).as("routes answering without a login, of " + asked + " asked").isEmpty();
    }

    @Test
    void thePublicListNamesOnlyRoutesTheApplicationServes() throws Exception {
        Set<String> routes = routes();
        for (String pattern : PUBLIC.keySet()) {
            assertThat(routes.stream().anyMatch(r -> isPublic(r, List.of(pattern))))
                    .as("a route for the public entry '" + pattern + "'").isTrue();
        }
    }
}

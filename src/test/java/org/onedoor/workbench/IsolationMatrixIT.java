package org.onedoor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.workflow.IdentitySetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what with an MDA's request, through every door: Camunda's REST API, Tasklist's own API (the webapp
 * session) and OneDoor's API. The matrix is every operation for the request's own desk officer, another MDA's
 * officer, the front desk, a supervisor and anyone without a login; then each authorization that the setup made is
 * left out in turn, and the matrix must notice it.
 */
@DemoIntegrationTest
class IsolationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN = "city-corporation-desk";
    private static final String OTHER = "land-office-desk";
    private static final String FRONT_DESK = "frontdesk";
    private static final String SUPERVISOR = "supervisor";
    private static final String ANONYMOUS = "anonymous";
    private static final List<String> ACTORS = List.of(OWN, OTHER, FRONT_DESK, SUPERVISOR, ANONYMOUS);
    private static final Set<Integer> TASKS = Set.of(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType());

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentitySetup setup;

    /** One thing an actor may try; true when it was allowed. {@code everyone}: every actor tries it. */
    private record Operation(String name, Set<String> allowed, boolean everyone, Probe probe) {
        Operation(String name, Set<String> allowed, Probe probe) {
            this(name, allowed, true, probe);
        }
    }

    @FunctionalInterface
    private interface Probe {
        boolean allowed(String actor) throws Exception;
    }

    private record Case(String operation, String actor, boolean expected) {
        @Override
        public String toString() {
            return actor + " " + (expected ? "may " : "may not ") + operation;
        }
    }

    /** Without cookies: each request carries its credentials; a webapp session gets a client of its own. */
    private final HttpClient client = HttpClient.newHttpClient();
    private String number;
    private String task;

    private HttpResponse<String> call(String actor, String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!actor.equals(ANONYMOUS)) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (actor + ":" + OneDoorClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean ok(String actor, String method, String path, String body) throws Exception {
        return call(actor, method, path, body).statusCode() / 100 == 2;
    }

    private boolean lists(String actor, String path, Function<JsonNode, Boolean> test) throws Exception {
        HttpResponse<String> response = call(actor, "GET", path, null);
        return response.statusCode() == 200 && test.apply(JSON.readTree(response.body()));
    }

    private static boolean hasId(JsonNode list, String id) {
        return list.findValuesAsText("id").contains(id);
    }

    /** Tasklist's session: its login for the app, as the login page posts it; null when the login is refused. */
    private HttpClient webapp(String actor, String app) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/camunda/app/" + app + "/default/")).build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(actor, StandardCharsets.UTF_8)
                        + "&password=" + OneDoorClient.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        return login.statusCode() == 200 ? browser : null;
    }

    private boolean tasklistShowsTheTask(String actor) throws Exception {
        HttpClient browser = actor.equals(ANONYMOUS) ? client : webapp(actor, "tasklist");
        return browser != null && browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/camunda/api/engine/engine/default/task/" + task)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200;
    }

    private List<Operation> operations() {
        String officer = "/api/officer/requests/" + number;
        return List.of(
                new Operation("list the request's tasks (engine REST)", Set.of(OWN, SUPERVISOR), a ->
                        lists(a, "/engine-rest/task?processInstanceBusinessKey=" + number, l -> hasId(l, task))),
                new Operation("view the task (engine REST)", Set.of(OWN, SUPERVISOR), a ->
                        ok(a, "GET", "/engine-rest/task/" + task, null)),
                new Operation("read the task's variables (engine REST)", Set.of(OWN, SUPERVISOR), a ->
                        ok(a, "GET", "/engine-rest/task/" + task + "/variables", null)),
                new Operation("read the task's history (engine REST)", Set.of(OWN, SUPERVISOR), a ->
                        lists(a, "/engine-rest/history/task?taskId=" + task, l -> hasId(l, task))),
                new Operation("read the request's process instances (engine REST)", Set.of(SUPERVISOR), a ->
                        lists(a, "/engine-rest/process-instance?businessKey=" + number, l -> l.size() > 0)),
                new Operation("view the task in Tasklist (webapp API)", Set.of(OWN, SUPERVISOR), this::tasklistShowsTheTask),
                new Operation("open the request's file (OneDoor API)", Set.of(OWN), a -> ok(a, "GET", officer, null)),
                new Operation("download a document (OneDoor API)", Set.of(OWN), a ->
                        ok(a, "GET", officer + "/documents/premises-lease", null)),
                new Operation("comment on the task (engine REST)", Set.of(OWN), a ->
                        ok(a, "POST", "/engine-rest/task/" + task + "/comment/create", "{\"message\":\"Seen.\"}")),
                new Operation("claim the task (engine REST)", Set.of(OWN), a -> {
                    boolean claimed = ok(a, "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + a + "\"}");
                    tasks.setAssignee(task, null);
                    return claimed;
                }),
                // Completing without a decision reaches OneDoor's check (400) only for who may complete; it changes nothing.
                new Operation("complete the task (engine REST)", Set.of(OWN), a ->
                        call(a, "POST", "/engine-rest/task/" + task + "/complete", "{}").statusCode() == 400));
    }

    /**
     * What every officer group and the supervisors need of the setup, whatever the request: asked of those allowed
     * only (who else may log in is not theirs to say); the matrix above asks the others.
     */
    private List<Operation> roles() {
        List<Operation> roles = new ArrayList<>();
        for (String group : setup.officerGroups()) {
            roles.add(new Operation(group + ": log in to Tasklist", Set.of(group), false, a -> webapp(a, "tasklist") != null));
            roles.add(new Operation(group + ": see the review process", Set.of(group), false, a ->
                    lists(a, "/engine-rest/process-definition?key=OfficerReview", l -> l.size() > 0)));
            roles.add(new Operation(group + ": see its four filters", Set.of(group), false, a ->
                    lists(a, "/engine-rest/filter", l -> l.size() == 4 && l.findValuesAsText(IdentitySetup.FILTER_KEY).stream()
                            .allMatch(key -> key.startsWith(group + "/")))));
        }
        // Camunda lets a group's members read the group (Tasklist names the candidate groups with it).
        for (String group : groupsOfTheSetup()) {
            roles.add(new Operation(group + ": read its own group", Set.of(group), false, a ->
                    ok(a, "GET", "/engine-rest/group/" + group, null)));
        }
        roles.add(new Operation("log in to Cockpit", Set.of(SUPERVISOR), a -> webapp(a, "cockpit") != null));
        roles.add(new Operation("log in to Tasklist as supervisor", Set.of(SUPERVISOR), false, a -> webapp(a, "tasklist") != null));
        roles.add(new Operation("see the decision tables", Set.of(SUPERVISOR), a ->
                lists(a, "/engine-rest/decision-definition", l -> l.size() > 0)));
        roles.add(new Operation("see the deployments", Set.of(SUPERVISOR), a ->
                lists(a, "/engine-rest/deployment", l -> l.size() > 0)));
        return roles;
    }

    /** Runs the cases, in order, up to the first that differs when {@code firstOnly}; returns those that differ. */
    private List<String> run(List<Operation> operations, boolean firstOnly) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            for (String actor : op.everyone() ? ACTORS : List.copyOf(op.allowed())) {
                Case c = new Case(op.name(), actor, op.allowed().contains(actor));
                if (op.probe().allowed(actor) != c.expected()) {
                    wrong.add(c.toString());
                    if (firstOnly) {
                        return wrong;
                    }
                }
            }
        }
        return wrong;
    }

    private void file() {
        OneDoorClient client = new OneDoorClient(http);
        number = client.file(FRONT_DESK, OneDoorClient.example("trade-licence")).getBody().path("trackingNumber").asText();
        Task desk = OneDoorClient.await("the desk's task", () ->
                tasks.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup(OWN).singleResult());
        task = desk.getId();
    }

    @Test
    void eachActorMayDoExactlyWhatItsRoleAllowsThroughEveryDoor() throws Exception {
        file();
        List<Operation> all = new ArrayList<>(operations());
        all.addAll(roles());
        assertThat(run(all, false)).as("cases that differ from the matrix").isEmpty();
    }

    @Test
    void aSupervisorWhoMayReadTheTaskMayNotCommentOnItAndIsToldSo() throws Exception {
        file();
        HttpResponse<String> refused = call(SUPERVISOR, "POST", "/engine-rest/task/" + task + "/comment/create",
                "{\"message\":\"Hurry up.\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(tasks.getTaskComments(task)).isEmpty();
    }

    @Test
    void leavingOutAnyAuthorizationOfTheSetupFailsACase() throws Exception {
        file();
        List<Operation> all = new ArrayList<>(roles());
        all.addAll(operations());
        Set<String> groups = groupsOfTheSetup();
        // The setup's grants to the groups, and those Camunda gives the task's candidate group (the task, its history).
        List<Authorization> rules = authorizations.createAuthorizationQuery().list().stream()
                .filter(a -> a.getGroupId() != null && groups.contains(a.getGroupId())
                        && (!TASKS.contains(a.getResourceType()) || task.equals(a.getResourceId())))
                .toList();
        assertThat(rules).as("the setup's authorizations").hasSizeGreaterThan(setup.officerGroups().size() * 6);
        Set<String> before = ids();
        Map<String, String> unnoticed = new LinkedHashMap<>();
        for (Authorization rule : rules) {
            Permission[] permissions = rule.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(rule.getResourceType()));
            authorizations.deleteAuthorization(rule.getId());
            List<String> wrong;
            try {
                // The cases of the grant's group first: a run stops at the first case that differs.
                wrong = run(all.stream().sorted(Comparator.comparing(
                        (Operation op) -> !op.allowed().contains(rule.getGroupId()))).toList(), true);
            } finally {
                Authorization again = authorizations.createNewAuthorization(rule.getAuthorizationType());
                again.setGroupId(rule.getGroupId());
                again.setResourceType(rule.getResourceType());
                again.setResourceId(rule.getResourceId());
                again.setPermissions(permissions);
                authorizations.saveAuthorization(again);
                // A claim in the run grants its user the task: gone with the run, so that it masks no later rule.
                authorizations.createAuthorizationQuery().list().stream()
                        .filter(a -> !before.contains(a.getId()) && a.getUserId() != null)
                        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
            }
            if (wrong.isEmpty()) {
                unnoticed.put(rule.getGroupId() + " " + rule.getResourceType() + "/" + rule.getResourceId(),
                        Arrays.stream(permissions).map(Permission::getName).collect(Collectors.joining(",")));
            }
        }
        assertThat(unnoticed).as("authorizations whose absence no case noticed").isEmpty();
    }

    /** The groups the setup makes; in the demo each has a user of its name. */
    private Set<String> groupsOfTheSetup() {
        Set<String> groups = new TreeSet<>(setup.officerGroups());
        groups.add(IdentitySetup.SUPERVISOR);
        groups.add(IdentitySetup.FRONT_DESK);
        return groups;
    }

    private Set<String> ids() {
        return authorizations.createAuthorizationQuery().list().stream().map(Authorization::getId).collect(Collectors.toSet());
    }
}

package org.onedoor.workflow;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.system.OneDoorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deploys the designers' files from {@code onedoor.processes.location} (the jar's {@code processes/} by default; a
 * directory outside it in production) once they pass their {@link ServiceChecks}: at startup, before the web server
 * takes a request, and again when an administrator asks after an edit. Only changed files become new versions;
 * running instances keep theirs. The catalogue serves the services that were deployed, and only those.
 *
 * <p>A broken file outside the service folders stops everything. A broken service stops startup too, unless
 * {@code onedoor.processes.invalid-services} is {@code leave-out}: then it is left out of the deployment and the
 * catalogue, and reported.
 */
@Component
public class ProcessDeployment implements SmartInitializingSingleton {

    /** The engine compares each file with the last one of the same name in deployments of this name. */
    static final String NAME = "onedoor-processes";

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repository;
    private final ServiceCatalogue catalogue;
    private final ServiceChecks checks;
    private final ProcessRevisions revisions;
    private final String location;
    private final boolean leaveOut;
    private volatile Outcome last;
    private volatile String revision;
    /** The newest revision this node last followed, so that files that differ are reported once, not every minute. */
    private volatile String followed;

    ProcessDeployment(RepositoryService repository, ServiceCatalogue catalogue, ConnectorRegistry connectors,
            ProcessRevisions revisions, @Value("${onedoor.processes.location:classpath*:processes/}") String location,
            @Value("${onedoor.processes.invalid-services:refuse}") String invalidServices) {
        if (!invalidServices.equals("refuse") && !invalidServices.equals("leave-out")) {
            throw new IllegalStateException("onedoor.processes.invalid-services: '" + invalidServices
                    + "' must be refuse or leave-out");
        }
        this.repository = repository;
        this.catalogue = catalogue;
        this.checks = new ServiceChecks(connectors);
        this.revisions = revisions;
        this.location = location;
        this.leaveOut = invalidServices.equals("leave-out");
    }

    /** A definition the deployment made anew: a {@code process} or a {@code decision}. */
    public record Definition(String type, String key, int version, String resource) {
    }

    /** A service left out of the deployment and the catalogue, and why. */
    public record LeftOut(String service, List<String> problems) {
    }

    /**
     * What a deployment did.
     *
     * @param deployed the definitions that are new versions; empty when no file changed
     * @param services the services the catalogue now offers
     */
    public record Outcome(String location, Instant at, List<Definition> deployed, List<String> services,
            List<LeftOut> leftOut) {
    }

    /** The process files cannot be deployed as they are; each violation's path is a file under the location. */
    public static class InvalidProcessFiles extends OneDoorException {
        InvalidProcessFiles(String location, List<ServiceChecks.Problem> problems) {
            super("processes.invalid", HttpStatus.UNPROCESSABLE_ENTITY, "The process files at " + location + " have "
                    + problems.size() + " problem(s); nothing was deployed. See errors.", problems.stream()
                    .map(p -> new Violation(p.file(), "processes.invalid", p.message())).toList());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            deploy();
        } catch (InvalidProcessFiles e) {
            throw new IllegalStateException("The process files at " + location + " cannot take requests as they are:\n- "
                    + String.join("\n- ", e.violations().stream().map(v -> v.path() + ": " + v.message()).toList()), e);
        }
    }

    /** Checks and deploys the files as they are now; throws {@link InvalidProcessFiles} and deploys nothing if broken. */
    public Outcome deploy() {
        return deploy(true);
    }

    /** {@code record}: this node's files become the newest revision, which the other nodes follow. */
    private synchronized Outcome deploy(boolean record) {
        ProcessFiles files = ProcessFiles.read(location);
        ServiceChecks.Report report = checks.check(files);
        if (!report.common().isEmpty() || (!leaveOut && !report.clean())) {
            throw new InvalidProcessFiles(files.location(), report.all());
        }
        Set<String> out = report.services().keySet();
        DeploymentBuilder builder = repository.createDeployment().name(NAME).source(files.location())
                .enableDuplicateFiltering(true);
        files.all().stream().filter(f -> f.service().map(s -> !out.contains(s)).orElse(true))
                .forEach(f -> builder.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        DeploymentWithDefinitions deployment;
        try {
            deployment = builder.deployWithResult();
        } catch (ParseException e) {
            // What the checks cannot see (an expression the engine refuses, say), named as the engine names it.
            throw new InvalidProcessFiles(files.location(), e.getResorceReports() // sic: Camunda's spelling
                    .stream()
                    .flatMap(r -> r.getErrors().stream().map(p -> new ServiceChecks.Problem(r.getResourceName(),
                            "line " + p.getLine() + ": " + p.getMessage())))
                    .toList());
        }

        List<ServiceDefinition> offered = files.services().services().values().stream()
                .filter(s -> !out.contains(s.code())).toList();
        catalogue.replace(offered, files.services().services().values().stream()
                .filter(s -> out.contains(s.code())).toList());
        List<LeftOut> leftOut = report.services().entrySet().stream().map(e -> new LeftOut(e.getKey(),
                e.getValue().stream().map(ServiceChecks.Problem::toString).toList())).toList();
        Outcome outcome = new Outcome(files.location(), Instant.now(), definitions(deployment),
                offered.stream().map(ServiceDefinition::code).toList(), leftOut);
        last = outcome;
        revision = files.revision();
        if (record && revisions.latest().filter(revision::equals).isEmpty()) {
            revisions.record(revision, outcome.at());
        }
        log.info("Process files at {}: {} new definition version(s) {}, {} service(s) offered", files.location(),
                outcome.deployed().size(), outcome.deployed().stream().map(d -> d.key() + ":" + d.version()).toList(),
                offered.size());
        leftOut.forEach(l -> log.warn("Service {} is left out: {}", l.service(), l.problems()));
        if (offered.isEmpty()) {
            log.warn("No service at {}: OneDoor takes no request (is onedoor.processes.location right for the"
                    + " directory it runs in?)", files.location());
        }
        return outcome;
    }

    /**
     * Follows a redeployment made on another node: when the newest revision recorded is not this node's, it deploys
     * the files here too (the same files: the engine makes no new version) so that its catalogue is the same.
     */
    @Scheduled(fixedDelayString = "${onedoor.processes.follow-interval:60s}",
            initialDelayString = "${onedoor.processes.follow-interval:60s}")
    void follow() {
        Optional<String> newest = revisions.latest();
        if (newest.isEmpty() || newest.get().equals(revision) || newest.get().equals(followed)) {
            return;
        }
        followed = newest.get();
        log.info("Process files revision {} was deployed on another node; deploying the files here", newest.get());
        try {
            deploy(false);
            if (!newest.get().equals(revision)) {
                log.error("This node's process files at {} (revision {}) differ from those deployed on another node"
                        + " (revision {}): give every node the same files", location, revision, newest.get());
            }
        } catch (InvalidProcessFiles e) {
            log.error("This node's process files at {} cannot be deployed ({}); it keeps its catalogue", location,
                    e.violations());
        }
    }

    /** The last deployment's outcome. */
    public Outcome last() {
        return last;
    }

    private static List<Definition> definitions(DeploymentWithDefinitions deployment) {
        List<Definition> all = new ArrayList<>();
        if (deployment.getDeployedProcessDefinitions() != null) {
            deployment.getDeployedProcessDefinitions().forEach(d ->
                    all.add(new Definition("process", d.getKey(), d.getVersion(), d.getResourceName())));
        }
        if (deployment.getDeployedDecisionDefinitions() != null) {
            deployment.getDeployedDecisionDefinitions().forEach(d ->
                    all.add(new Definition("decision", d.getKey(), d.getVersion(), d.getResourceName())));
        }
        return all;
    }
}

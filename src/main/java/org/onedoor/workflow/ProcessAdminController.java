package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators, after a designer's edit: {@code GET /api/admin/processes} shows what is deployed and where
 * instances run; {@code POST /api/admin/processes/deployments} checks and deploys the files as they are now;
 * {@code POST /api/admin/processes/{key}/migrations} moves one version's running instances to another (the latest
 * by default) with Camunda's instance migration, activities mapped by equal ids.
 */
@RestController
class ProcessAdminController {

    private final ProcessDeployment deployment;
    private final RepositoryService repository;
    private final RuntimeService runtime;

    ProcessAdminController(ProcessDeployment deployment, RepositoryService repository, RuntimeService runtime) {
        this.deployment = deployment;
        this.repository = repository;
        this.runtime = runtime;
    }

    /** A process definition's version, and how many instances run on it. */
    record Version(String key, int version, String resource, long instances, boolean latest) {
    }

    record Deployed(ProcessDeployment.Outcome lastDeployment, List<Version> processes) {
    }

    record MigrationRequest(Integer fromVersion, Integer toVersion) {
    }

    record Migrated(String key, int fromVersion, int toVersion, long instances) {
    }

    /** The latest version of every process, and every older version that still has running instances. */
    @GetMapping("/api/admin/processes")
    Deployed deployed() {
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list()) {
            boolean latest = versions.isEmpty() || !versions.get(versions.size() - 1).key().equals(d.getKey());
            long instances = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
            if (latest || instances > 0) {
                versions.add(new Version(d.getKey(), d.getVersion(), d.getResourceName(), instances, latest));
            }
        }
        return new Deployed(deployment.last(), versions);
    }

    @PostMapping("/api/admin/processes/deployments")
    ProcessDeployment.Outcome deploy() {
        return deployment.deploy();
    }

    @PostMapping("/api/admin/processes/{key}/migrations")
    Migrated migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
        if (request.fromVersion() == null) {
            throw new OneDoorException("request.invalid", HttpStatus.BAD_REQUEST,
                    "Name the version whose instances move: {\"fromVersion\": 1}; toVersion defaults to the latest.");
        }
        ProcessDefinition source = version(key, request.fromVersion());
        ProcessDefinition target = request.toVersion() != null ? version(key, request.toVersion())
                : repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        if (source.getId().equals(target.getId())) {
            throw new OneDoorException("processes.migration-invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    key + " version " + source.getVersion() + " is the version to migrate to; nothing would move.");
        }
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            throw migrationInvalid(key, e.getValidationReport().getInstructionReports().stream()
                    .flatMap(r -> r.getFailures().stream().map(f -> new Violation(
                            "activity " + r.getMigrationInstruction().getSourceActivityId(),
                            "processes.migration-invalid", f)))
                    .toList());
        }
        ProcessInstanceQuery instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
        long count = instances.count();
        if (count > 0) {
            try {
                runtime.newMigration(plan).processInstanceQuery(instances).execute();
            } catch (MigratingProcessInstanceValidationException e) {
                var report = e.getValidationReport();
                List<Violation> violations = new ArrayList<>(report.getFailures().stream()
                        .map(f -> new Violation("instance " + report.getProcessInstanceId(), "processes.migration-invalid",
                                f)).toList());
                report.getActivityInstanceReports().forEach(r -> r.getFailures().forEach(f -> violations.add(
                        new Violation("activity " + r.getSourceScopeId(), "processes.migration-invalid", f))));
                report.getTransitionInstanceReports().forEach(r -> r.getFailures().forEach(f -> violations.add(
                        new Violation("activity " + r.getSourceScopeId(), "processes.migration-invalid", f))));
                throw migrationInvalid(key, violations);
            }
        }
        return new Migrated(key, source.getVersion(), target.getVersion(), count);
    }

    private ProcessDefinition version(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                    "No process '" + key + "' in version " + version + ". GET /api/admin/processes lists them.");
        }
        return definition;
    }

    private static OneDoorException migrationInvalid(String key, List<Violation> violations) {
        return new OneDoorException("processes.migration-invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                "The instances of " + key + " cannot move as they are; nothing was migrated. See errors.", violations);
    }
}

package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.identity.User;
import org.onedoor.casework.OfficerRole;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Groups, authorizations and task-list filters that follow from the connectors, made idempotently at every
 * start: an MDA added as a folder gets its officer groups without anyone clicking in Admin. Users are never
 * made here: outside the demo an administrator creates them.
 */
@Component
public class IdentitySetup {

    public static final String FRONT_DESK = "frontdesk";
    public static final String SUPERVISOR = "supervisor";
    static final String MY_TASKS_FILTER = "My MDA's requests";

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ConnectorRegistry connectors;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, ConnectorRegistry connectors) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.connectors = connectors;
    }

    /** Officer groups of every MDA whose officers work in Tasklist. */
    public List<String> officerGroups() {
        List<String> groups = new ArrayList<>();
        for (Connector c : connectors.all()) {
            if (c.mode() == Connector.Mode.tasklist) {
                for (OfficerRole role : OfficerRole.values()) {
                    groups.add(role.group(c.code()));
                }
            }
        }
        return groups;
    }

    public void apply() {
        group(FRONT_DESK, "ODSC front desk");
        group(SUPERVISOR, "Supervisors");
        grant(SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(SUPERVISOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(SUPERVISOR, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(SUPERVISOR, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(SUPERVISOR, Resources.TASK, "*", Permissions.READ);
        grant(SUPERVISOR, Resources.DEPLOYMENT, "*", Permissions.READ);
        for (Connector c : connectors.all()) {
            if (c.mode() != Connector.Mode.tasklist) {
                continue;
            }
            for (OfficerRole role : OfficerRole.values()) {
                String group = role.group(c.code());
                group(group, c.name().en() + ": " + c.officerTitle(role));
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                // Tasklist shows the process's name and diagram beside each task.
                grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
            }
        }
        Filter filter = myTasksFilter();
        grantAll(Resources.FILTER, filter.getId(), Permissions.READ);
        log.info("Identity set up: {} officer groups", officerGroups().size());
    }

    void user(String id, String password, String firstName, String lastName, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
            for (Permission p : permissions) {
                a.addPermission(p);
            }
            authorizations.saveAuthorization(a);
        }
    }

    private void grantAll(Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            a.setResource(resource);
            a.setResourceId(resourceId);
            a.addPermission(permission);
            authorizations.saveAuthorization(a);
        }
    }

    /** One shared filter: the tasks of the officer's groups and those assigned to the officer, oldest due first. */
    private Filter myTasksFilter() {
        Filter existing = filters.createFilterQuery().filterName(MY_TASKS_FILTER).singleResult();
        if (existing != null) {
            return existing;
        }
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByDueDate().asc();
        Filter filter = filters.newTaskFilter(MY_TASKS_FILTER).setQuery(query)
                .setProperties(Map.of("description", "Requests waiting for you or your groups", "priority", -10,
                        "refresh", true));
        return filters.saveFilter(filter);
    }
}

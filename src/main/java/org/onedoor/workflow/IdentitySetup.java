package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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
import org.onedoor.casework.GrievanceOfficer;
import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.Supervisors;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.mda.Organogram;
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
    public static final String SUPERVISOR = Supervisors.ODSC;
    /** The single filter for every officer of earlier releases, replaced by each group's own. */
    private static final String FORMER_SHARED_FILTER = "My MDA's requests";
    /** Which group and kind a shared filter is for: officer titles may repeat across MDAs, so names cannot say. */
    public static final String FILTER_KEY = "onedoorFilter";

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
        // Instances and tasks through their definitions' READ_INSTANCE and READ_TASK: no grant is redundant
        // (IsolationMatrixIT leaves each out in turn).
        grant(SUPERVISOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(SUPERVISOR, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(SUPERVISOR, Resources.DEPLOYMENT, "*", Permissions.READ);
        for (Connector c : connectors.all()) {
            // An MDA's supervisors watch its KPIs on OneDoor's own page; Camunda's webapps show them nothing.
            group(Supervisors.group(c.code()), c.name().en() + ": supervisors");
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
        // Every MDA answers grievances, also one whose own system does its casework.
        for (Connector c : connectors.all()) {
            for (GrievanceOfficer officer : GrievanceOfficer.values()) {
                String group = officer.group(c.code());
                group(group, c.name().en() + ": " + officer.title());
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
            }
        }
        filters();
        log.info("Identity set up: {} officer groups", officerGroups().size());
    }

    /**
     * The organograms' holders who have a user: each is a member of their positions' level groups; the holder of a
     * position without a level (the head of the MDA) may open Tasklist, where late work may reach them by name.
     */
    public void holders() {
        int members = 0;
        for (Connector c : connectors.all()) {
            if (c.mode() != Connector.Mode.tasklist) {
                continue;
            }
            for (Organogram.Position position : connectors.organogram(c.code()).positions()) {
                for (String holder : position.holders()) {
                    if (identity.createUserQuery().userId(holder).count() == 0) {
                        continue;
                    }
                    if (position.level() != null) {
                        String group = position.level().group(c.code());
                        if (identity.createUserQuery().userId(holder).memberOfGroup(group).count() == 0) {
                            identity.createMembership(holder, group);
                        }
                    } else {
                        grantUser(holder, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                        grantUser(holder, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
                    }
                    members++;
                }
            }
        }
        log.info("Organograms applied: {} holder(s) with a user", members);
    }

    private void grantUser(String user, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().userIdIn(user).resourceType(resource).resourceId(resourceId)
                .count() == 0) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setUserId(user);
            a.setResource(resource);
            a.setResourceId(resourceId);
            for (Permission p : permissions) {
                a.addPermission(p);
            }
            authorizations.saveAuthorization(a);
        }
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

    /**
     * Tasklist's shared filters: for each officer group, its open requests, those due within two working days,
     * the overdue ones and those returned to the officer; each readable by that group alone, so that an officer sees
     * the filters of their MDA and level and no other. Made once per group; an earlier release's single filter for
     * everyone goes.
     */
    private void filters() {
        filters.createFilterQuery().filterName(FORMER_SHARED_FILTER).list().forEach(f -> filters.deleteFilter(f.getId()));
        Map<String, Filter> existing = new HashMap<>();
        for (Filter f : filters.createFilterQuery().list()) {
            Object key = f.getProperties() == null ? null : f.getProperties().get(FILTER_KEY);
            if (key != null) {
                existing.put(key.toString(), f);
            }
        }
        int priority = 0;
        for (Connector c : connectors.all()) {
            if (c.mode() != Connector.Mode.tasklist) {
                continue;
            }
            for (OfficerRole role : OfficerRole.values()) {
                String group = role.group(c.code());
                for (TaskFilter kind : TaskFilter.values()) {
                    String key = group + "/" + kind.name();
                    Filter filter = existing.get(key);
                    if (filter == null) {
                        Map<String, Object> properties = new LinkedHashMap<>();
                        properties.put(FILTER_KEY, key);
                        properties.put("description", kind.description + " (" + c.name().en() + ")");
                        properties.put("priority", priority);
                        properties.put("refresh", true);
                        filter = filters.saveFilter(filters.newTaskFilter(c.officerTitle(role) + ": " + kind.title)
                                .setQuery(kind.query(tasks.createTaskQuery().taskCandidateGroup(group)))
                                .setProperties(properties));
                    } else {
                        // The query as this release defines it (priority requests first, then by due date).
                        filter = filters.saveFilter(filter.setQuery(
                                kind.query(tasks.createTaskQuery().taskCandidateGroup(group))));
                    }
                    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
                    priority++;
                }
            }
        }
        for (Connector c : connectors.all()) {
            for (GrievanceOfficer officer : GrievanceOfficer.values()) {
                String group = officer.group(c.code());
                for (TaskFilter kind : List.of(TaskFilter.OPEN, TaskFilter.OVERDUE)) {
                    String key = group + "/" + kind.name();
                    TaskQuery query = kind.query(tasks.createTaskQuery().taskCandidateGroup(group));
                    Filter filter = existing.get(key);
                    if (filter == null) {
                        Map<String, Object> properties = new LinkedHashMap<>();
                        properties.put(FILTER_KEY, key);
                        properties.put("description", (kind == TaskFilter.OPEN ? "Grievances to deal with"
                                : "Grievances past their due date") + " (" + c.name().en() + ")");
                        properties.put("priority", priority);
                        properties.put("refresh", true);
                        filter = filters.saveFilter(filters.newTaskFilter(officer.title() + ": "
                                + (kind == TaskFilter.OPEN ? "grievances" : "overdue grievances"))
                                .setQuery(query).setProperties(properties));
                    }
                    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
                    priority++;
                }
            }
        }
    }

    /** The shared filters each officer group gets; the review listener sets each task's follow-up date for "due soon". */
    enum TaskFilter {
        OPEN("open requests", "Requests at your level, assigned or not, oldest due first", q -> q),
        DUE_SOON("due within 2 working days", "Requests due within two working days, not yet overdue",
                q -> q.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")),
        OVERDUE("overdue", "Requests past their due date", q -> q.dueBeforeExpression("${now()}")),
        RETURNED("returned to me", "Requests a higher level returned to you for correction",
                q -> q.taskAssigneeExpression("${currentUser()}")
                        .taskVariableValueEquals(ReviewDecisionListener.RETURNED, true));

        final String title;
        final String description;
        private final UnaryOperator<TaskQuery> narrow;

        TaskFilter(String title, String description, UnaryOperator<TaskQuery> narrow) {
            this.title = title;
            this.description = description;
            this.narrow = narrow;
        }

        TaskQuery query(TaskQuery byGroup) {
            return narrow.apply(byGroup.includeAssignedTasks()).orderByTaskPriority().desc().orderByDueDate().asc();
        }
    }
}

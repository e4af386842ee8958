package org.onedoor.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda narrows a user's groups to those named in any authorization before it checks one, and finds those by
 * {@code SELECT distinct GROUP_ID_} over the whole authorization table, in every authenticated command. The table
 * holds two grants per open task, so at 100 000 open tasks every officer's and clerk's command paid a scan of
 * 200 000 rows (docs/benchmarks.md). The narrowing only keeps the SQL short for users in thousands of groups; an
 * OneDoor officer is in a handful, and a group without grants matches nothing anyway, so the checks get the groups
 * as they are.
 */
@Component
class AuthenticatedGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new AuthorizationManager() {
                    @Override
                    public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
                        return groupIds == null ? List.of() : groupIds;
                    }
                };
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}

package org.onedoor.system;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Camunda adds a comment to a task for anyone who can read the task's history (its command checks no permission),
 * so a supervisor who only watches could write into an officer's task. OneDoor asks for what claiming asks: the
 * right to work the task, through Camunda's REST API and Tasklist alike.
 */
@Component
class TaskCommentGuard extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new TaskServiceImpl() {
            @Override
            public Comment createComment(String taskId, String processInstanceId, String message) {
                if (taskId != null) {
                    commandExecutor.execute(context -> {
                        TaskEntity task = context.getTaskManager().findTaskById(taskId);
                        if (task != null) {
                            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                                checker.checkTaskWork(task);
                            }
                        }
                        return null;
                    });
                }
                return super.createComment(taskId, processInstanceId, message);
            }
        });
    }
}

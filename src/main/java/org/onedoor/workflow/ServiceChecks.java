package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.mda.ConnectorRegistry;

/**
 * What the designers' files promise each other, checked on the files before they are deployed: every file parses,
 * every form a task names and every process a call activity names exists; each service's process exists, its routing
 * table has the outputs the service process reads, reads only the service's fields and document kinds, and names
 * only MDAs that have a connector, as does its need-to-know ({@code legs:}). Each problem names the file and the field.
 */
final class ServiceChecks {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final String FORM_KEY_PREFIX = "camunda-forms:deployment:";

    private final ConnectorRegistry connectors;

    ServiceChecks(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** One broken promise: the file (its path under the location) and what is wrong, field first. */
    record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /**
     * @param common   problems of files outside any service folder: they break every service
     * @param services problems by service folder
     */
    record Report(List<Problem> common, Map<String, List<Problem>> services) {
        boolean clean() {
            return common.isEmpty() && services.isEmpty();
        }

        List<Problem> all() {
            List<Problem> all = new ArrayList<>(common);
            services.values().forEach(all::addAll);
            return all;
        }
    }

    Report check(ProcessFiles files) {
        List<Problem> found = new ArrayList<>();
        Map<String, String> processes = new HashMap<>();
        Map<String, Decision> decisions = new HashMap<>();
        Map<String, String> decisionFiles = new HashMap<>();
        Set<String> forms = new TreeSet<>();
        Set<String> formResources = new TreeSet<>();
        for (ProcessFiles.File file : files.all()) {
            if (file.problem() != null) {
                found.add(new Problem(file.name(), file.problem()));
            } else if (file.bpmn() != null) {
                for (Process p : file.bpmn().getModelElementsByType(Process.class)) {
                    unique(processes, p.getId(), file, found);
                    if (p.isExecutable() && p.getCamundaHistoryTimeToLiveString() == null) {
                        found.add(new Problem(file.name(), "process " + p.getId()
                                + ": camunda:historyTimeToLive is required (History cleanup in the Modeler)"));
                    }
                }
            } else if (file.dmn() != null) {
                for (Decision d : file.dmn().getModelElementsByType(Decision.class)) {
                    unique(decisionFiles, d.getId(), file, found);
                    if (d.getCamundaHistoryTimeToLiveString() == null) {
                        found.add(new Problem(file.name(), "decision " + d.getId()
                                + ": camunda:historyTimeToLive is required (History cleanup in the Modeler)"));
                    }
                    decisions.putIfAbsent(d.getId(), d);
                }
            } else {
                String id = file.form().path("id").asText();
                if (!forms.add(id)) {
                    found.add(new Problem(file.name(), "id: form '" + id + "' is also declared by another file"));
                }
                formResources.add(file.name().substring(file.name().lastIndexOf('/') + 1));
            }
        }
        for (ProcessFiles.File file : files.all()) {
            if (file.bpmn() != null) {
                references(file, processes, forms, formResources, found);
            }
        }
        Map<String, List<Problem>> byService = new LinkedHashMap<>();
        files.services().broken().forEach((folder, e) -> {
            String yaml = folder + "/service.yaml";
            String message = e.getMessage().startsWith(yaml + ": ") ? e.getMessage().substring(yaml.length() + 2)
                    : e.getMessage();
            byService.computeIfAbsent(folder, f -> new ArrayList<>()).add(new Problem("services/" + yaml, message));
        });
        for (ServiceDefinition service : files.services().services().values()) {
            List<Problem> problems = new ArrayList<>();
            String yaml = "services/" + service.code() + "/service.yaml";
            if (!processes.containsKey(service.process())) {
                problems.add(new Problem(yaml, "process: no BPMN file declares process '" + service.process() + "'"));
            }
            Decision routing = decisions.get(service.routing());
            if (routing == null) {
                problems.add(new Problem(yaml, "routing: no DMN file declares decision '" + service.routing()
                        + "' (" + service.routing() + ".dmn beside service.yaml, its decision's id '"
                        + service.routing() + "')"));
            } else {
                routing(service, decisionFiles.get(service.routing()), routing, problems);
            }
            service.legs().keySet().stream().filter(mda -> connectors.find(mda).isEmpty()).forEach(mda ->
                    problems.add(new Problem(yaml, "legs." + mda + ": no connectors/" + mda + "/connector.yaml")));
            if (!problems.isEmpty()) {
                byService.computeIfAbsent(service.code(), c -> new ArrayList<>()).addAll(problems);
            }
        }
        // A file's own problem (it does not parse, an id twice) belongs to its service folder if it has one.
        List<Problem> common = new ArrayList<>();
        for (Problem problem : found) {
            String[] parts = problem.file().split("/");
            if (parts.length > 2 && parts[0].equals("services")) {
                byService.computeIfAbsent(parts[1], c -> new ArrayList<>()).add(problem);
            } else {
                common.add(problem);
            }
        }
        return new Report(common, byService);
    }

    private static void unique(Map<String, String> ids, String id, ProcessFiles.File file, List<Problem> found) {
        String first = ids.putIfAbsent(id, file.name());
        if (first != null) {
            found.add(new Problem(file.name(), "id: '" + id + "' is also declared by " + first));
        }
    }

    private static void references(ProcessFiles.File file, Map<String, String> processes, Set<String> forms,
            Set<String> formResources, List<Problem> found) {
        for (UserTask task : file.bpmn().getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            String formKey = task.getCamundaFormKey();
            if (formRef != null && !formRef.contains("${") && !forms.contains(formRef)) {
                found.add(new Problem(file.name(), "task " + task.getId() + ", camunda:formRef: no form file declares '"
                        + formRef + "'; forms are " + forms));
            }
            if (formKey != null && formKey.startsWith(FORM_KEY_PREFIX)
                    && !formResources.contains(formKey.substring(FORM_KEY_PREFIX.length()))) {
                found.add(new Problem(file.name(), "task " + task.getId() + ", camunda:formKey: no form file named '"
                        + formKey.substring(FORM_KEY_PREFIX.length()) + "'"));
            }
        }
        for (CallActivity call : file.bpmn().getModelElementsByType(CallActivity.class)) {
            String called = call.getCalledElement();
            if (called != null && !called.contains("${") && !processes.containsKey(called)) {
                found.add(new Problem(file.name(), "call activity " + call.getId() + ", calledElement: no BPMN file "
                        + "declares process '" + called + "'"));
            }
        }
    }

    private void routing(ServiceDefinition service, String file, Decision decision, List<Problem> problems) {
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            problems.add(new Problem(file, "decision '" + decision.getId() + "' must be a decision table"));
            return;
        }
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        for (String needed : RoutingPlan.OUTPUTS) {
            if (!outputs.contains(needed)) {
                problems.add(new Problem(file, "no output '" + needed + "'; the service process reads "
                        + RoutingPlan.OUTPUTS));
            }
        }
        for (Input input : table.getInputs()) {
            inputReads(service, file, input, problems);
        }
        int mdaColumn = outputs.indexOf(RoutingPlan.MDA);
        if (mdaColumn < 0) {
            return;
        }
        for (Rule rule : table.getRules()) {
            String mda = List.copyOf(rule.getOutputEntries()).get(mdaColumn).getText().getTextContent().trim()
                    .replaceAll("^\"|\"$", "");
            if (connectors.find(mda).isEmpty()) {
                problems.add(new Problem(file, "rule " + rule.getId() + ", output '" + RoutingPlan.MDA + "': MDA '"
                        + mda + "' has no connectors/" + mda + "/connector.yaml"));
            }
        }
    }

    /**
     * An input that is a bare name must be one of the service's fields or {@code documents}; the document kinds an
     * expression over {@code documents} quotes must be the service's.
     */
    private static void inputReads(ServiceDefinition service, String file, Input input, List<Problem> problems) {
        String expression = input.getInputExpression().getText() == null ? ""
                : input.getInputExpression().getText().getTextContent().trim();
        String at = "input '" + (input.getLabel() != null ? input.getLabel() : input.getId()) + "'";
        if (IDENTIFIER.matcher(expression).matches() && !expression.equals(ProcessVariables.DOCUMENTS)
                && !expression.equals(ProcessVariables.PRIORITY) && service.field(expression).isEmpty()) {
            problems.add(new Problem(file, at + ": reads '" + expression + "', which is not a field of services/"
                    + service.code() + "/service.yaml"));
        }
        if (expression.contains(ProcessVariables.DOCUMENTS)) {
            Matcher kinds = QUOTED.matcher(expression);
            while (kinds.find()) {
                if (service.document(kinds.group(1)).isEmpty()) {
                    problems.add(new Problem(file, at + ": reads document kind '" + kinds.group(1)
                            + "', which is not a document of services/" + service.code() + "/service.yaml"));
                }
            }
        }
    }
}

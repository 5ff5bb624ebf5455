package dev.trustmap.ui.editor;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzPolicyMapper;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.editor.PolicyFormViewModel.Kind;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the policy form as typed: errors that stop it going into the draft, warnings that do not, what the object
 * it produces means (the ALLOW-without-rules surprise included), and which loaded fields it keeps without showing.
 * Rule checks are the engine's own, so the form refuses what the proxy would skip.
 */
final class FormCheck {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Set<String> SPEC_SHOWN = Set.of("selector", "action", "provider", "rules");
    private static final int LISTED_WORKLOADS = 3;

    /**
     * What the check found.
     *
     * @param ruleProblems errors per rule index (AuthorizationPolicy only)
     */
    record Result(
            String status,
            List<String> errors,
            Map<Integer, List<String>> ruleProblems,
            List<String> warnings,
            String meaning,
            List<String> kept) {}

    private final Messages messages;
    private final FormChoices choices;
    private final List<String> errors = new ArrayList<>();
    private final Map<Integer, List<String>> ruleProblems = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    FormCheck(Messages messages, FormChoices choices) {
        this.messages = messages;
        this.choices = choices;
    }

    Result check(PolicyFormViewModel form) {
        Map<String, String> labels = header(form);
        boolean isPolicy = form.kindProperty().get() == Kind.AUTHORIZATION_POLICY;
        if (!isPolicy) {
            peer(form, labels);
        }
        HasMetadata built = null;
        if (errors.isEmpty()) {
            built = isPolicy ? form.authorizationPolicy() : form.peerAuthentication();
            existing(form, built);
        }
        String meaning = "";
        List<String> kept = new ArrayList<>();
        if (isPolicy) {
            rules(form);
            if (built instanceof AuthorizationPolicy policy) {
                engineRules(policy);
                allowAll(form);
            }
            meaning = labels == null ? "" : policyMeaning(form, targets(form, labels));
            keptOfPolicy(form, kept);
        } else {
            meaning = labels == null ? "" : messages.get("editor.form.peer." + modeKey(form), targets(form, labels));
            kept.addAll(form.peer().kept());
        }
        return new Result(status(form, built), errors, ruleProblems, warnings, meaning, kept);
    }

    /** Namespace, name and selector; the selector's labels, or null when they cannot be read. */
    private Map<String, String> header(PolicyFormViewModel form) {
        String namespace = form.namespaceProperty().get();
        if (namespace == null || namespace.isBlank()) {
            errors.add(messages.get("editor.form.error.namespace"));
        }
        String name = form.nameProperty().get() == null
                ? ""
                : form.nameProperty().get().strip();
        if (!NAME.matcher(name).matches()) {
            errors.add(messages.get("editor.form.error.name", name));
        }
        if ("CUSTOM".equals(form.actionProperty().get())
                && form.kindProperty().get() == Kind.AUTHORIZATION_POLICY
                && (form.providerProperty().get() == null
                        || form.providerProperty().get().isBlank())) {
            errors.add(messages.get("editor.form.error.provider"));
        }
        String typed = form.selectorProperty().get();
        try {
            return FormFields.labels(typed == null || typed.strip().equals(FormChoices.WHOLE_NAMESPACE) ? "" : typed);
        } catch (IllegalArgumentException e) {
            errors.add(messages.get("editor.form.error.selector", e.getMessage()));
            return null;
        }
    }

    private void existing(PolicyFormViewModel form, HasMetadata built) {
        String key = ResourceKey.of(built);
        HasMetadata original = form.original();
        boolean same = original != null && ResourceKey.of(original).equals(key);
        if (!same && choices.keys().contains(key)) {
            warnings.add(messages.get("editor.form.warn.exists", key));
        }
    }

    private void rules(PolicyFormViewModel form) {
        List<RuleFormViewModel> rules = form.rules();
        for (int i = 0; i < rules.size(); i++) {
            for (RuleEntryFormViewModel operation : rules.get(i).operations()) {
                operation(operation, i);
            }
        }
    }

    private void operation(RuleEntryFormViewModel operation, int i) {
        for (String method :
                FormFields.split(operation.text(RuleFormViewModel.Field.METHODS).get())) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (!method.equals(upper)) {
                warnings.add(messages.get("editor.form.warn.method", i + 1, method, upper));
            }
        }
        for (String path :
                FormFields.split(operation.text(RuleFormViewModel.Field.PATHS).get())) {
            if (!path.startsWith("/") && !path.startsWith("*")) {
                warnings.add(messages.get("editor.form.warn.path", i + 1, path));
            }
        }
    }

    /** The rules as the engine compiles them: a rule the proxy would skip is an error on that rule. */
    private void engineRules(AuthorizationPolicy policy) {
        if (choices.snapshot() == null) {
            return;
        }
        AuthzPolicy compiled = new AuthzPolicyMapper(choices.snapshot().meshConfig()).map(policy);
        for (AuthzRule rule : compiled.rules()) {
            if (rule.invalid() != null) {
                ruleProblems
                        .computeIfAbsent(rule.index(), i -> new ArrayList<>())
                        .add(messages.get("editor.form.error.rule", rule.invalid()));
            }
        }
    }

    /** A new or changed ALLOW with a rule that matches everything: said plainly, and confirmed before it is put. */
    private void allowAll(PolicyFormViewModel form) {
        int index = form.allowAllRule();
        if (index >= 0) {
            warnings.add(messages.get(
                    form.allowAllAsked() ? "editor.form.warn.allowsEvery.asked" : "editor.form.warn.allowsEvery",
                    index + 1));
        }
    }

    private void peer(PolicyFormViewModel form, Map<String, String> labels) {
        Map<String, String> ports;
        try {
            ports = PeerForm.ports(form.peer().portLevelProperty().get());
        } catch (IllegalArgumentException e) {
            errors.add(messages.get("editor.form.error.portLevel", e.getMessage()));
            return;
        }
        if (!ports.isEmpty() && labels != null && labels.isEmpty()) {
            errors.add(messages.get("editor.form.error.portLevelSelector"));
        }
    }

    private static String modeKey(PolicyFormViewModel form) {
        String mode = form.peer().modeProperty().get();
        return PeerForm.INHERITED.equals(mode) ? "UNSET" : mode;
    }

    private String policyMeaning(PolicyFormViewModel form, String targets) {
        String action = form.actionProperty().get();
        List<RuleFormViewModel> rules = form.rules();
        int everything = -1;
        for (int i = 0; i < rules.size() && everything < 0; i++) {
            everything = rules.get(i).matchesEverything() ? i : -1;
        }
        return switch (action) {
            case "AUDIT" -> messages.get("editor.form.meaning.audit", targets);
            case "CUSTOM" ->
                messages.get(
                        "editor.form.meaning.custom",
                        targets,
                        form.providerProperty().get());
            case "DENY" ->
                rules.isEmpty()
                        ? messages.get("editor.form.meaning.denyNothing")
                        : everything >= 0
                                ? messages.get("editor.form.meaning.denyAll", targets, everything + 1)
                                : messages.get("editor.form.meaning.deny", targets, rules.size());
            default ->
                rules.isEmpty()
                        ? messages.get("editor.form.meaning.allowNothing", targets)
                        : everything >= 0
                                ? messages.get("editor.form.meaning.allowAll", targets, everything + 1)
                                : messages.get("editor.form.meaning.allow", targets, rules.size());
        };
    }

    /** Which workloads the object applies to, in words; a selector picking none is also a warning. */
    private String targets(PolicyFormViewModel form, Map<String, String> labels) {
        String namespace = form.namespaceProperty().get();
        if (labels == null) {
            return namespace;
        }
        List<Workload> selected = choices.selected(namespace, labels);
        if (labels.isEmpty()) {
            return namespace.equals(choices.rootNamespace())
                    ? messages.get("editor.form.targets.mesh", namespace)
                    : messages.get("editor.form.targets.namespace", namespace, selected.size());
        }
        if (selected.isEmpty() && choices.snapshot() != null) {
            warnings.add(messages.get("editor.form.warn.noWorkload", namespace));
        }
        List<String> names =
                selected.stream().map(Workload::name).limit(LISTED_WORKLOADS).toList();
        String more = selected.size() > LISTED_WORKLOADS ? ", …" : "";
        return messages.get(
                "editor.form.targets.selected",
                namespace,
                selected.size(),
                FormFields.labelsText(labels),
                names.isEmpty() ? "" : " (" + String.join(", ", names) + more + ")");
    }

    private static void keptOfPolicy(PolicyFormViewModel form, List<String> kept) {
        if (form.original() instanceof AuthorizationPolicy policy && policy.getSpec() != null) {
            kept.addAll(FormFields.others(policy.getSpec(), SPEC_SHOWN, "spec"));
            kept.addAll(FormFields.others(policy.getSpec().getSelector(), Set.of("matchLabels"), "spec.selector"));
        }
        for (int i = 0; i < form.rules().size(); i++) {
            kept.addAll(form.rules().get(i).kept("spec.rules[" + i + "]"));
        }
    }

    private String status(PolicyFormViewModel form, HasMetadata built) {
        HasMetadata original = form.original();
        String kind = form.kindProperty().get() == Kind.AUTHORIZATION_POLICY
                ? AuthorizationPolicy.class.getSimpleName()
                : PeerAuthentication.class.getSimpleName();
        if (original == null) {
            return messages.get("editor.form.status.new", kind);
        }
        String key = ResourceKey.of(original);
        if (built != null && !ResourceKey.of(built).equals(key)) {
            return messages.get("editor.form.status.renamed", key, ResourceKey.of(built));
        }
        return messages.get(choices.inDraft(key) ? "editor.form.status.draft" : "editor.form.status.current", key);
    }
}

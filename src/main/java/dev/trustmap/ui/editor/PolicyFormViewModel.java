package dev.trustmap.ui.editor;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.analysis.workspace.PolicyShapes;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.ui.common.Messages;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyExtensionProvider;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyProvider;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy form: an AuthorizationPolicy (action, selector, any number of rules with from, to and when) or a
 * PeerAuthentication (selector, mode, port-level modes), new or loaded from the current policies and the draft.
 * Saving puts the object into the draft through the same workspace edit the gestures and the YAML editor use. A
 * loaded object is the base of what is saved, so fields the form does not show are kept, and named in the form.
 * FX thread only.
 */
public final class PolicyFormViewModel {
    /** What the form edits. */
    public enum Kind {
        AUTHORIZATION_POLICY,
        PEER_AUTHENTICATION
    }

    static final String NEW_NAME = "trustmap-policy";

    private final Messages messages;
    private final Consumer<HasMetadata> apply;
    private final FormChoices choices = new FormChoices();
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.AUTHORIZATION_POLICY);
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty(NEW_NAME);
    private final StringProperty selector = new SimpleStringProperty(FormChoices.WHOLE_NAMESPACE);
    private final StringProperty action = new SimpleStringProperty("ALLOW");
    private final StringProperty provider = new SimpleStringProperty("");
    private final ObservableList<RuleFormViewModel> rules =
            FXCollections.observableArrayList(RuleFormViewModel::observables);
    private final PeerForm peer = new PeerForm();
    private final FormReport report = new FormReport();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<String> loaded = new ReadOnlyObjectWrapper<>();
    private HasMetadata original;
    private String loadedAction = "ALLOW";
    private String loadedProvider = "";
    private String confirmedAllowAll = "";

    PolicyFormViewModel(Messages messages, Consumer<HasMetadata> apply) {
        this.messages = messages;
        this.apply = apply;
        rules.add(RuleFormViewModel.empty());
        namespace.addListener((obs, old, now) -> choices.namespaceChosen(now));
        InvalidationListener check = obs -> check();
        for (var observable : List.of(kind, namespace, name, selector, action, provider, rules)) {
            observable.addListener(check);
        }
        peer.addListener(check);
    }

    void meshChanged(MeshSnapshot snapshot) {
        choices.meshChanged(snapshot);
        String shown = namespace.get();
        if (shown != null && !shown.isEmpty() && !choices.namespaces().contains(shown)) {
            // The namespace left the mesh (another source): a hidden, stale namespace must never be written.
            startOver();
            shown = "";
        }
        if ((shown == null || shown.isEmpty())) {
            namespace.set(
                    choices.namespaces().isEmpty() ? "" : choices.namespaces().get(0));
        } else {
            choices.namespaceChosen(namespace.get());
        }
        check();
    }

    void policiesChanged(List<HasMetadata> effective, Draft draft) {
        choices.policiesChanged(effective, draft);
        check();
    }

    /** Loads an AuthorizationPolicy or PeerAuthentication by key ({@code Kind namespace/name}); false if unknown. */
    public boolean load(String key) {
        HasMetadata object = choices.object(key);
        if (object == null) {
            return false;
        }
        show(object);
        loaded.set(null);
        loaded.set(key);
        return true;
    }

    /** Another source's mesh: a new, empty AuthorizationPolicy in that mesh's first namespace. */
    void sourceChanged() {
        namespace.set("");
        startOver();
    }

    private void startOver() {
        clear(Kind.AUTHORIZATION_POLICY);
        rules.setAll(List.of(RuleFormViewModel.empty()));
    }

    private void show(HasMetadata object) {
        original = FormFields.copy(object);
        ObjectMeta meta = original.getMetadata();
        namespace.set(meta.getNamespace());
        name.set(meta.getName());
        if (original instanceof AuthorizationPolicy policy) {
            showPolicy(
                    policy.getSpec() == null
                            ? new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy()
                            : policy.getSpec());
        } else if (original instanceof PeerAuthentication authentication) {
            kind.set(Kind.PEER_AUTHENTICATION);
            var spec = authentication.getSpec();
            selector.set(selectorText(spec == null || spec.getSelector() == null ? null : spec.getSelector()));
            peer.show(spec);
        }
        check();
    }

    private void showPolicy(io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy spec) {
        kind.set(Kind.AUTHORIZATION_POLICY);
        selector.set(selectorText(spec.getSelector()));
        loadedAction = spec.getAction() == null ? "ALLOW" : spec.getAction().name();
        loadedProvider = providerName(spec);
        action.set(loadedAction);
        provider.set(loadedProvider);
        List<RuleFormViewModel> loadedRules = new ArrayList<>();
        FormFields.orEmpty(spec.getRules()).forEach(r -> loadedRules.add(RuleFormViewModel.of(r)));
        rules.setAll(loadedRules);
    }

    private static String selectorText(WorkloadSelector chosen) {
        String labels = chosen == null ? "" : FormFields.labelsText(chosen.getMatchLabels());
        return labels.isEmpty() ? FormChoices.WHOLE_NAMESPACE : labels;
    }

    private static String providerName(io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy spec) {
        if (spec.getActionDetail() instanceof AuthorizationPolicyProvider p && p.getProvider() != null) {
            return p.getProvider().getName() == null ? "" : p.getProvider().getName();
        }
        return "";
    }

    /** Starts a new AuthorizationPolicy in the chosen namespace, with one empty rule. */
    public void newAuthorizationPolicy() {
        clear(Kind.AUTHORIZATION_POLICY);
        rules.setAll(List.of(RuleFormViewModel.empty()));
    }

    /** Starts a new PeerAuthentication in the chosen namespace (STRICT). */
    public void newPeerAuthentication() {
        clear(Kind.PEER_AUTHENTICATION);
        peer.show(null);
        peer.modeProperty().set("STRICT");
    }

    private void clear(Kind newKind) {
        original = null;
        loadedAction = "ALLOW";
        loadedProvider = "";
        name.set(NEW_NAME);
        selector.set(FormChoices.WHOLE_NAMESPACE);
        action.set("ALLOW");
        provider.set("");
        rules.clear();
        peer.show(null);
        kind.set(newKind);
        loaded.set(null);
        check();
    }

    public void addRule() {
        rules.add(RuleFormViewModel.empty());
    }

    public void removeRule(RuleFormViewModel rule) {
        rules.remove(rule);
    }

    /** The AuthorizationPolicy the form describes (the loaded one with the shown fields as typed). */
    public AuthorizationPolicy authorizationPolicy() {
        AuthorizationPolicy policy = original instanceof AuthorizationPolicy loadedPolicy
                ? FormFields.copy(loadedPolicy)
                : PolicyShapes.policy(namespace.get(), name.get().strip(), AuthorizationPolicyAction.ALLOW, null);
        writeMetadata(policy);
        if (policy.getSpec() == null) {
            policy.setSpec(new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy());
        }
        io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy spec = policy.getSpec();
        Map<String, String> labels = FormFields.labels(selectorLabels());
        if (!labels.equals(current(spec.getSelector()))) {
            spec.setSelector(labels.isEmpty() ? null : new WorkloadSelector(labels));
        }
        writeAction(spec);
        List<Rule> written = new ArrayList<>();
        rules.forEach(r -> written.add(r.toRule()));
        spec.setRules(written);
        return policy;
    }

    private void writeAction(io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy spec) {
        if (!action.get().equals(loadedAction)) {
            spec.setAction(AuthorizationPolicyAction.valueOf(action.get()));
            if (!"CUSTOM".equals(action.get()) && spec.getActionDetail() instanceof AuthorizationPolicyProvider) {
                spec.setActionDetail(null);
            }
        }
        String typed = provider.get() == null ? "" : provider.get().strip();
        if ("CUSTOM".equals(action.get()) && !typed.equals(loadedProvider)) {
            spec.setActionDetail(new AuthorizationPolicyProvider(new AuthorizationPolicyExtensionProvider(typed)));
        }
    }

    /** The PeerAuthentication the form describes (the loaded one with the shown fields as typed). */
    public PeerAuthentication peerAuthentication() {
        PeerAuthentication authentication = original instanceof PeerAuthentication loadedPeer
                ? FormFields.copy(loadedPeer)
                : new PeerAuthentication("security.istio.io/v1", "PeerAuthentication", new ObjectMeta(), null, null);
        writeMetadata(authentication);
        if (authentication.getSpec() == null) {
            authentication.setSpec(new io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication());
        }
        var spec = authentication.getSpec();
        Map<String, String> labels = FormFields.labels(selectorLabels());
        if (!labels.equals(current(spec.getSelector()))) {
            spec.setSelector(labels.isEmpty() ? null : new WorkloadSelector(labels));
        }
        peer.write(spec);
        return authentication;
    }

    /** Namespace and name as typed; a copy saved under another key loses the loaded object's server fields. */
    private void writeMetadata(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        String key = ResourceKey.of(object);
        meta.setNamespace(namespace.get());
        meta.setName(name.get().strip());
        if (!ResourceKey.of(object).equals(key)) {
            meta.setResourceVersion(null);
            meta.setUid(null);
            meta.setCreationTimestamp(null);
            meta.setGeneration(null);
            meta.setManagedFields(null);
        }
    }

    private String selectorLabels() {
        String typed = selector.get();
        return typed == null || typed.strip().equals(FormChoices.WHOLE_NAMESPACE) ? "" : typed;
    }

    private static Map<String, String> current(WorkloadSelector chosen) {
        return chosen == null || chosen.getMatchLabels() == null ? Map.of() : chosen.getMatchLabels();
    }

    /**
     * Puts what the form describes into the draft, if it is valid; the form then shows the drafted object. An ALLOW
     * that newly allows every request is put only on the second call with the same content (the first says so).
     */
    public boolean applyForm() {
        check();
        if (!valid.get()) {
            return false;
        }
        if (allowsEveryRequestUnconfirmed()) {
            confirmedAllowAll = fingerprint();
            check();
            return false;
        }
        HasMetadata object = kind.get() == Kind.AUTHORIZATION_POLICY ? authorizationPolicy() : peerAuthentication();
        apply.accept(object);
        show(object);
        loaded.set(ResourceKey.of(object));
        return true;
    }

    /** Checks the form as typed: errors, warnings, what it produces and what it keeps. */
    private void check() {
        FormCheck.Result result = new FormCheck(messages, choices).check(this);
        report.show(result, messages);
        for (int i = 0; i < rules.size(); i++) {
            rules.get(i).problems(String.join("\n", result.ruleProblems().getOrDefault(i, List.of())));
        }
        valid.set(result.errors().isEmpty()
                && result.ruleProblems().values().stream().allMatch(List::isEmpty));
    }

    /** The index of the first rule matching every request in a new or changed ALLOW, or -1. */
    int allowAllRule() {
        if (kind.get() != Kind.AUTHORIZATION_POLICY || !"ALLOW".equals(action.get())) {
            return -1;
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matchesEverything()) {
                return originalAllowsAll() ? -1 : i;
            }
        }
        return -1;
    }

    /** Whether the form waits for a second "Put into the draft" to allow every request. */
    boolean allowAllAsked() {
        return allowAllRule() >= 0 && fingerprint().equals(confirmedAllowAll);
    }

    private boolean allowsEveryRequestUnconfirmed() {
        return allowAllRule() >= 0 && !fingerprint().equals(confirmedAllowAll);
    }

    private boolean originalAllowsAll() {
        if (!(original instanceof AuthorizationPolicy policy) || policy.getSpec() == null) {
            return false;
        }
        var spec = policy.getSpec();
        boolean allow = spec.getAction() == null || spec.getAction() == AuthorizationPolicyAction.ALLOW;
        return allow
                && FormFields.orEmpty(spec.getRules()).stream()
                        .anyMatch(r -> RuleFormViewModel.of(r).matchesEverything());
    }

    private String fingerprint() {
        return dev.trustmap.export.YamlWriter.toYaml(List.of(authorizationPolicy()));
    }

    HasMetadata original() {
        return original;
    }

    public FormChoices choices() {
        return choices;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty selectorProperty() {
        return selector;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public ObservableList<RuleFormViewModel> rules() {
        return rules;
    }

    public PeerForm peer() {
        return peer;
    }

    public FormReport report() {
        return report;
    }

    /** Whether the form can be put into the draft (no errors). */
    public BooleanProperty validProperty() {
        return valid;
    }

    /** The key of the object last loaded (set again on every load, so a listener can show the form). */
    public ReadOnlyObjectProperty<String> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}

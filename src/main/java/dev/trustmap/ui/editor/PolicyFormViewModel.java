package dev.trustmap.ui.editor;

import dev.trustmap.analysis.workspace.PolicyShapes;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The forms for an AuthorizationPolicy (action, selector, one rule with from, to and when) and a PeerAuthentication
 * (selector, mode). Pickers offer the mesh's namespaces, labels, service accounts as principals, ports and methods.
 * Both produce the same Istio objects the gestures and the YAML editor do.
 */
public final class PolicyFormViewModel {
    /** The selector choice for a whole namespace. */
    public static final String WHOLE_NAMESPACE = "(whole namespace)";

    private final Consumer<HasMetadata> apply;
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> selectors = FXCollections.observableArrayList();
    private final ObservableList<String> principalChoices = FXCollections.observableArrayList();
    private final ObservableList<String> portChoices = FXCollections.observableArrayList();
    private final ObservableList<String> methodChoices =
            FXCollections.observableArrayList("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("trustmap-policy");
    private final StringProperty action = new SimpleStringProperty("ALLOW");
    private final StringProperty selector = new SimpleStringProperty(WHOLE_NAMESPACE);
    private final ObservableList<String> principals = FXCollections.observableArrayList();
    private final ObservableList<String> fromNamespaces = FXCollections.observableArrayList();
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final StringProperty when = new SimpleStringProperty("");
    private final StringProperty mtlsMode = new SimpleStringProperty("STRICT");
    private MeshSnapshot snapshot;

    PolicyFormViewModel(Consumer<HasMetadata> apply) {
        this.apply = apply;
        namespace.addListener((obs, old, now) -> refreshChoices());
    }

    void meshChanged(MeshSnapshot newSnapshot) {
        snapshot = newSnapshot;
        List<String> all = newSnapshot.workloads().stream()
                .map(Workload::namespace)
                .distinct()
                .sorted()
                .toList();
        if (!all.equals(namespaces)) {
            namespaces.setAll(all);
        }
        String trustDomain = newSnapshot.meshConfig().trustDomain();
        List<String> accounts = newSnapshot.workloads().stream()
                .map(w -> w.identity(trustDomain).principal())
                .distinct()
                .sorted()
                .toList();
        if (!accounts.equals(principalChoices)) {
            principalChoices.setAll(accounts);
        }
        if ((namespace.get() == null || namespace.get().isEmpty()) && !all.isEmpty()) {
            namespace.set(all.get(0));
        } else {
            refreshChoices();
        }
    }

    private void refreshChoices() {
        if (snapshot == null) {
            return;
        }
        List<Workload> inNamespace = snapshot.workloads().stream()
                .filter(w -> w.namespace().equals(namespace.get()))
                .toList();
        List<String> labels = new ArrayList<>(List.of(WHOLE_NAMESPACE));
        inNamespace.stream()
                .flatMap(w -> w.labels().entrySet().stream())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .forEach(labels::add);
        if (!labels.equals(selectors)) {
            selectors.setAll(labels);
        }
        List<String> containerPorts = inNamespace.stream()
                .flatMap(w -> w.ports().stream())
                .map(ContainerPort::number)
                .distinct()
                .sorted()
                .map(String::valueOf)
                .toList();
        if (!containerPorts.equals(portChoices)) {
            portChoices.setAll(containerPorts);
        }
    }

    /** The AuthorizationPolicy the form describes. */
    public AuthorizationPolicy authorizationPolicy() {
        AuthorizationPolicy policy = PolicyShapes.policy(
                namespace.get(), name.get().strip(), AuthorizationPolicyAction.valueOf(action.get()), selectorMap());
        Source source = new Source();
        source.setPrincipals(List.copyOf(principals));
        source.setNamespaces(List.copyOf(fromNamespaces));
        Operation operation = new Operation();
        operation.setPorts(List.copyOf(ports));
        operation.setMethods(List.copyOf(methods));
        List<RuleFrom> from =
                principals.isEmpty() && fromNamespaces.isEmpty() ? List.of() : List.of(new RuleFrom(source));
        List<RuleTo> to = ports.isEmpty() && methods.isEmpty() ? List.of() : List.of(new RuleTo(operation));
        policy.getSpec().setRules(List.of(new Rule(from, to, conditions())));
        return policy;
    }

    // TODO(#5): one rule and one condition per form; more need the YAML editor for now.
    private List<Condition> conditions() {
        String text = when.get() == null ? "" : when.get().strip();
        int equals = text.indexOf('=');
        if (equals <= 0) {
            return List.of();
        }
        Condition condition = new Condition();
        condition.setKey(text.substring(0, equals).strip());
        condition.setValues(List.of(text.substring(equals + 1).strip().split("\\s*,\\s*")));
        return List.of(condition);
    }

    /** The PeerAuthentication the form describes. */
    public PeerAuthentication peerAuthentication() {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication();
        Map<String, String> labels = selectorMap();
        if (labels != null) {
            spec.setSelector(new WorkloadSelector(labels));
        }
        spec.setMtls(new PeerAuthenticationMutualTLS(PeerAuthenticationMutualTLSMode.valueOf(mtlsMode.get())));
        return new PeerAuthentication(
                "security.istio.io/v1",
                "PeerAuthentication",
                new ObjectMetaBuilder()
                        .withNamespace(namespace.get())
                        .withName(name.get().strip())
                        .build(),
                spec,
                null);
    }

    private Map<String, String> selectorMap() {
        String chosen = selector.get();
        if (chosen == null || chosen.equals(WHOLE_NAMESPACE) || !chosen.contains("=")) {
            return null;
        }
        int equals = chosen.indexOf('=');
        return Map.of(chosen.substring(0, equals), chosen.substring(equals + 1));
    }

    /** Puts the AuthorizationPolicy into the draft. */
    public void applyAuthorizationPolicy() {
        apply.accept(authorizationPolicy());
    }

    /** Puts the PeerAuthentication into the draft. */
    public void applyPeerAuthentication() {
        apply.accept(peerAuthentication());
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ObservableList<String> selectors() {
        return selectors;
    }

    public ObservableList<String> principalChoices() {
        return principalChoices;
    }

    public ObservableList<String> portChoices() {
        return portChoices;
    }

    public ObservableList<String> methodChoices() {
        return methodChoices;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty selectorProperty() {
        return selector;
    }

    public ObservableList<String> principals() {
        return principals;
    }

    public ObservableList<String> fromNamespaces() {
        return fromNamespaces;
    }

    public ObservableList<String> ports() {
        return ports;
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public StringProperty whenProperty() {
        return when;
    }

    public StringProperty mtlsModeProperty() {
        return mtlsMode;
    }
}

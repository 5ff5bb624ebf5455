package dev.trustmap.ui.editor;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the policy form's pickers offer: the mesh's namespaces, the labels of a namespace's workloads, service
 * accounts as principals, ports, methods, condition keys, and the AuthorizationPolicies and PeerAuthentications
 * that can be loaded (the current ones with the draft over them).
 */
public final class FormChoices {
    /** The selector choice for a whole namespace. */
    public static final String WHOLE_NAMESPACE = "(whole namespace)";

    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> selectors = FXCollections.observableArrayList();
    private final ObservableList<String> principals = FXCollections.observableArrayList();
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final ObservableList<String> methods =
            FXCollections.observableArrayList("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private final ObservableList<String> conditionKeys = FXCollections.observableArrayList(
            "source.principal",
            "source.namespace",
            "source.ip",
            "remote.ip",
            "destination.port",
            "destination.ip",
            "connection.sni",
            "request.auth.principal",
            "request.auth.audiences",
            "request.auth.presenter",
            "request.auth.claims[iss]",
            "request.headers[x-team]");
    private final ObservableList<String> loadable = FXCollections.observableArrayList();
    private final Map<String, HasMetadata> objects = new LinkedHashMap<>();
    private Draft draft = Draft.EMPTY;
    private MeshSnapshot snapshot;

    void meshChanged(MeshSnapshot newSnapshot) {
        snapshot = newSnapshot;
        setIfChanged(
                namespaces,
                newSnapshot.workloads().stream()
                        .map(Workload::namespace)
                        .distinct()
                        .sorted()
                        .toList());
        String trustDomain = newSnapshot.meshConfig().trustDomain();
        Stream<String> fromWorkloads = newSnapshot.workloads().stream()
                .map(w -> w.identity(trustDomain).principal());
        Stream<String> fromAccounts = newSnapshot.serviceAccounts().stream()
                .filter(account -> account.contains("/"))
                .map(account -> trustDomain + "/ns/" + account.replace("/", "/sa/"));
        setIfChanged(
                principals,
                Stream.concat(fromWorkloads, fromAccounts).collect(Collectors.toCollection(TreeSet::new)).stream()
                        .toList());
    }

    /** Offers the labels and ports of the workloads in this namespace. */
    void namespaceChosen(String namespace) {
        if (snapshot == null) {
            return;
        }
        List<Workload> inNamespace = snapshot.workloads().stream()
                .filter(w -> w.namespace().equals(namespace))
                .toList();
        List<String> labels = new ArrayList<>(List.of(WHOLE_NAMESPACE));
        inNamespace.stream()
                .flatMap(w -> w.labels().entrySet().stream())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.toCollection(TreeSet::new))
                .forEach(labels::add);
        setIfChanged(selectors, labels);
        setIfChanged(
                ports,
                inNamespace.stream()
                        .flatMap(w -> w.ports().stream())
                        .map(ContainerPort::number)
                        .distinct()
                        .sorted()
                        .map(String::valueOf)
                        .toList());
    }

    /** The policies the form can load: AuthorizationPolicies and PeerAuthentications, the draft over the current. */
    void policiesChanged(List<HasMetadata> effective, Draft newDraft) {
        draft = newDraft;
        objects.clear();
        effective.stream()
                .filter(o -> o instanceof AuthorizationPolicy || o instanceof PeerAuthentication)
                .sorted(java.util.Comparator.comparing(FormChoices::sortKey))
                .forEach(o -> objects.put(ResourceKey.of(o), o));
        setIfChanged(loadable, List.copyOf(objects.keySet()));
    }

    private static String sortKey(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName() + " " + object.getKind();
    }

    /** The loadable object with this key ({@code Kind namespace/name}), or null. */
    HasMetadata object(String key) {
        return key == null ? null : objects.get(key);
    }

    /** How the load picker shows a key: {@code namespace/name · Kind}, with {@code draftMark} when from the draft. */
    String label(String key, String draftMark) {
        HasMetadata object = objects.get(key);
        if (object == null) {
            return key;
        }
        String text =
                object.getMetadata().getNamespace() + "/" + object.getMetadata().getName() + " · " + object.getKind();
        return inDraft(key) ? text + " " + draftMark : text;
    }

    /** Whether the object with this key comes from the draft (added or edited there). */
    boolean inDraft(String key) {
        return draft.object(key).isPresent();
    }

    /** The workloads a selector picks in a namespace (all of it for none). */
    List<Workload> selected(String namespace, Map<String, String> labels) {
        if (snapshot == null) {
            return List.of();
        }
        return snapshot.workloads().stream()
                .filter(w -> w.namespace().equals(namespace))
                .filter(w -> w.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The namespace whose policies without selector apply to the whole mesh. */
    String rootNamespace() {
        return snapshot == null ? "istio-system" : snapshot.meshConfig().rootNamespace();
    }

    MeshSnapshot snapshot() {
        return snapshot;
    }

    Set<String> keys() {
        return objects.keySet();
    }

    private static void setIfChanged(ObservableList<String> list, List<String> values) {
        if (!values.equals(list)) {
            list.setAll(values);
        }
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ObservableList<String> selectors() {
        return selectors;
    }

    public ObservableList<String> principals() {
        return principals;
    }

    public ObservableList<String> ports() {
        return ports;
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public ObservableList<String> conditionKeys() {
        return conditionKeys;
    }

    /** Keys ({@code Kind namespace/name}) of the policies the form can load. */
    public ObservableList<String> loadable() {
        return loadable;
    }
}

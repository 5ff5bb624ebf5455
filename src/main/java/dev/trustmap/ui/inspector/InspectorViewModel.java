package dev.trustmap.ui.inspector;

import dev.trustmap.engine.Engine;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.Selection;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the inspector shows for the selection: a title and sections of rows, rebuilt when anything changes. */
public final class InspectorViewModel {
    private final Messages messages;
    private final GraphViewModel graph;
    private final ObjectProperty<MeshState> mesh = new SimpleObjectProperty<>();
    private final ObjectProperty<Engine> draftEngine = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObservableList<InspectorSection> sections = FXCollections.observableArrayList();
    private java.util.function.Predicate<String> policyEditor;

    public InspectorViewModel(Messages messages, GraphViewModel graph) {
        this.messages = messages;
        this.graph = graph;
        graph.selectionProperty().addListener((obs, old, now) -> refresh());
        // The inspector reads what is drawn: with a draft, the draft's verdicts and the edges drawn as intended.
        graph.visibleProperty().addListener((obs, old, now) -> refresh());
        mesh.addListener((obs, old, now) -> refresh());
        draftEngine.addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        Selection selection = graph.selectionProperty().get();
        GraphModel model = graph.visibleProperty().get();
        MeshState state = mesh.get();
        if (state == null || selection.kind() == Selection.Kind.NONE) {
            title.set(messages.get("inspector.empty.title"));
            sections.setAll(List.of(new InspectorSection(
                    messages.get("inspector.empty.heading"),
                    List.of(new InspectorSection.Row("", messages.get("inspector.empty.text"))))));
            return;
        }
        if (selection.isEdge()) {
            model.edge(selection.id()).ifPresent(edge -> {
                title.set(edge.source() + " → " + edge.target());
                sections.setAll(EdgeInspection.of(edge.assessment(), state, new Sections(messages)));
            });
        } else {
            model.node(selection.id()).ifPresent(node -> {
                title.set(node.id());
                sections.setAll(NodeInspection.of(node, model, state, draftEngine.get(), new Sections(messages)));
            });
        }
    }

    /** Selects an edge listed in the inspector (a workload's incoming or outgoing edge). */
    public void selectEdge(String edgeId) {
        graph.select(Selection.edge(edgeId));
    }

    /**
     * Lets rows that name a policy open it for editing ("Edit in form"); the editor answers false for a policy it
     * cannot load.
     */
    public void setPolicyEditor(java.util.function.Predicate<String> editor) {
        policyEditor = editor;
        refresh();
    }

    public boolean canEditPolicies() {
        return policyEditor != null;
    }

    /** Opens the policy ({@code Kind namespace/name}) in the editor; false when there is none or it cannot. */
    public boolean editPolicy(String policyKey) {
        return policyEditor != null && policyKey != null && policyEditor.test(policyKey);
    }

    /** Everything the inspector shows as plain text, one row a line (for tests and copying). */
    public String text() {
        return title.get() + "\n"
                + sections.stream()
                        .map(s -> s.heading() + "\n"
                                + s.rows().stream()
                                        .map(r -> r.label() + " " + r.value())
                                        .collect(Collectors.joining("\n")))
                        .collect(Collectors.joining("\n"));
    }

    public ObjectProperty<MeshState> meshProperty() {
        return mesh;
    }

    /** The engine over the draft's policies, null without a draft: a workload then lists the draft's policies. */
    public ObjectProperty<Engine> draftEngineProperty() {
        return draftEngine;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<InspectorSection> sections() {
        return sections;
    }
}

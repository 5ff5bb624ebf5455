package dev.trustmap.ui.inspector;

import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Renders the inspector's sections as headed grids of label and value. */
public final class InspectorController {
    private static final int LONG_VALUE = 32;
    private static final String BREAK = "\u200a";

    private final InspectorViewModel viewModel;

    @FXML
    private ResourceBundle resources;

    @FXML
    private Label titleLabel;

    @FXML
    private VBox sectionsBox;

    public InspectorController(InspectorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        viewModel.sections().addListener((ListChangeListener<InspectorSection>) change -> render());
        render();
    }

    private void render() {
        sectionsBox.getChildren().clear();
        for (InspectorSection section : viewModel.sections()) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().add("inspector-heading");
            sectionsBox.getChildren().addAll(heading, grid(section));
        }
    }

    private GridPane grid(InspectorSection section) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("inspector-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (InspectorSection.Row item : section.rows()) {
            Label value = new Label(breakable(item.value()));
            value.setWrapText(true);
            if (item.value().length() > LONG_VALUE) {
                value.setTooltip(new Tooltip(item.value()));
            }
            if (item.policyKey() != null && viewModel.canEditPolicies()) {
                value.setContextMenu(editMenu(item.policyKey()));
            }
            value.getStyleClass().add("inspector-value");
            if (item.label().isEmpty()) {
                grid.add(value, 0, row++, 2, 1);
                continue;
            }
            grid.addRow(row++, labelFor(item), value);
        }
        return grid;
    }

    /** "Edit in form" for a row that names a policy. */
    private ContextMenu editMenu(String policyKey) {
        MenuItem edit = new MenuItem(resources.getString("inspector.menu.editInForm"));
        edit.setId("menu-edit-in-form");
        edit.setOnAction(e -> viewModel.editPolicy(policyKey));
        return new ContextMenu(edit);
    }

    /** The row's label; for an edge of a workload, a link that selects the edge. */
    private javafx.scene.control.Labeled labelFor(InspectorSection.Row item) {
        if (item.edgeId() == null) {
            Label label = new Label(item.label());
            label.getStyleClass().add("inspector-label");
            return label;
        }
        Hyperlink link = new Hyperlink(item.label());
        link.getStyleClass().add("inspector-link");
        link.setOnAction(e -> viewModel.selectEdge(item.edgeId()));
        return link;
    }

    /**
     * The text with a hair space (a break opportunity JavaFX honours, unlike a zero-width space) after each '/', so
     * that identities and paths such as {@code cluster.local/ns/payments/sa/settlement-batch} wrap between their
     * parts, not in the middle of a name.
     */
    static String breakable(String text) {
        return text.replace("/", "/" + BREAK);
    }
}

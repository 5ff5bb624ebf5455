package dev.trustmap.ui.findings;

import dev.trustmap.analysis.findings.Severity;
import dev.trustmap.ui.common.Messages;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** Binds the findings pane to its view model; selecting a row selects and centres its workload. */
public final class FindingsController {
    private final FindingsViewModel viewModel;
    private final Messages messages;
    private final Consumer<String> centre;

    @FXML
    private ComboBox<Severity> severityBox;

    @FXML
    private TextField filterField;

    @FXML
    private Label statusLabel;

    @FXML
    private TableView<FindingRow> table;

    @FXML
    private Label detailLabel;

    public FindingsController(FindingsViewModel viewModel, Messages messages, Consumer<String> centre) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.centre = centre;
    }

    @FXML
    private void initialize() {
        severityBox.setItems(FXCollections.observableArrayList(null, Severity.ERROR, Severity.WARNING, Severity.INFO));
        severityBox.setConverter(new SeverityConverter());
        severityBox.valueProperty().bindBidirectional(viewModel.severityProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        detailLabel.textProperty().bind(viewModel.detailProperty());
        detailLabel.visibleProperty().bind(detailLabel.textProperty().isNotEmpty());
        detailLabel.managedProperty().bind(detailLabel.visibleProperty());
        table.setItems(viewModel.shown());
        // The side pane is narrow: message, path and fix go in the wrapping detail area under the table, not in
        // columns scrolled off to the right.
        table.getColumns()
                .setAll(List.of(
                        column("findings.column.severity", FindingRow::severity, 80),
                        column("findings.column.code", FindingRow::code, 60),
                        column("findings.column.resource", FindingRow::resource, 240)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.select(now).ifPresent(centre));
    }

    private TableColumn<FindingRow, String> column(String key, Function<FindingRow, String> value, double width) {
        TableColumn<FindingRow, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TipCell());
        return column;
    }

    /** A cell whose long text shows whole in a tooltip, and whose severity gets a style class for its colour. */
    private static final class TipCell extends TableCell<FindingRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll("severity-error", "severity-warning", "severity-info");
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            if (!empty && text != null && text.equals(text.toUpperCase(java.util.Locale.ROOT))) {
                switch (text) {
                    case "ERROR" -> getStyleClass().add("severity-error");
                    case "WARNING" -> getStyleClass().add("severity-warning");
                    case "INFO" -> getStyleClass().add("severity-info");
                    default -> {}
                }
            }
        }
    }

    /** Shows "All severities" for null. */
    private final class SeverityConverter extends StringConverter<Severity> {
        @Override
        public String toString(Severity severity) {
            return severity == null ? messages.get("findings.severity.all") : severity.name();
        }

        @Override
        public Severity fromString(String text) {
            return text == null || text.isEmpty() ? null : Severity.valueOf(text);
        }
    }
}

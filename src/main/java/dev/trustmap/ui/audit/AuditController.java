package dev.trustmap.ui.audit;

import dev.trustmap.ui.common.Messages;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** Binds the Audit log tab to its view model; selecting an entry shows its resources and digest. */
public final class AuditController {
    private final AuditViewModel viewModel;
    private final Messages messages;

    @FXML
    private Label locationLabel;

    @FXML
    private Label statusLabel;

    @FXML
    private TableView<AuditRow> table;

    @FXML
    private TextArea detailArea;

    public AuditController(AuditViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        locationLabel.setText(viewModel.location());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        Label placeholder = new Label(messages.get("audit.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("audit-empty");
        table.setPlaceholder(placeholder);
        table.setItems(viewModel.rows());
        table.getColumns()
                .setAll(List.of(
                        column("audit.column.time", AuditRow::time, AuditRow::fullTime, 80),
                        column("audit.column.action", AuditRow::action, 100),
                        column("audit.column.context", AuditRow::context, 85),
                        column("audit.column.kubeUser", AuditRow::kubeUser, 90),
                        column("audit.column.resources", AuditRow::resourceCount, 80),
                        column("audit.column.outcome", AuditRow::outcome, 90)));
        // The pane is narrow beside the graph: the last column (outcome) takes what is left, no scrolling sideways.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.select(now));
        detailArea.textProperty().bind(viewModel.detailProperty());
    }

    private TableColumn<AuditRow, String> column(String key, Function<AuditRow, String> value, double width) {
        return column(key, value, value, width);
    }

    private TableColumn<AuditRow, String> column(
            String key, Function<AuditRow, String> value, Function<AuditRow, String> tip, double width) {
        TableColumn<AuditRow, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TipCell(tip));
        return column;
    }

    /** A cell whose text, when cut short or compact, shows whole in a tooltip. */
    private static final class TipCell extends javafx.scene.control.TableCell<AuditRow, String> {
        private final Function<AuditRow, String> tip;

        TipCell(Function<AuditRow, String> tip) {
            this.tip = tip;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            int index = getIndex();
            AuditRow row =
                    empty || index < 0 || index >= getTableView().getItems().size()
                            ? null
                            : getTableView().getItems().get(index);
            String whole = row == null ? text : tip.apply(row);
            setTooltip(empty || whole == null || whole.isEmpty() ? null : new javafx.scene.control.Tooltip(whole));
        }
    }

    @FXML
    void refresh() {
        viewModel.refresh();
    }
}

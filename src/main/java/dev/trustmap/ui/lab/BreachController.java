package dev.trustmap.ui.lab;

import dev.trustmap.ui.common.Messages;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Binds the breach lab pane: the totals, the draft's radius, the hops, the replayed attack's probes and Clear. */
public final class BreachController {
    private final BreachViewModel viewModel;
    private final Messages messages;

    @FXML
    private Label summaryLabel;

    @FXML
    private Label draftLabel;

    @FXML
    private Button clearButton;

    @FXML
    private Button attackReplayButton;

    @FXML
    private Button attackRunAllButton;

    @FXML
    private Button attackStopButton;

    @FXML
    private Label replayLabel;

    @FXML
    private Label replayDraftLabel;

    @FXML
    private Label captionLabel;

    @FXML
    private ListView<String> hopList;

    @FXML
    private TableView<ProbeRow> probeTable;

    public BreachController(BreachViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        AttackReplayViewModel attack = viewModel.attack();
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        showWhenSet(draftLabel, viewModel.draftSummaryProperty());
        clearButton.disableProperty().bind(viewModel.activeProperty().not());
        attackReplayButton.disableProperty().bind(viewModel.activeProperty().not());
        attackRunAllButton.disableProperty().bind(attack.unfinishedProperty().not());
        attackStopButton.disableProperty().bind(attack.runningProperty().not());
        showWhenSet(replayLabel, attack.summaryProperty());
        showWhenSet(replayDraftLabel, attack.draftSummaryProperty());
        captionLabel
                .textProperty()
                .bind(javafx.beans.binding.Bindings.when(attack.activeProperty())
                        .then(messages.get("breach.replay.caption"))
                        .otherwise(viewModel.captionProperty()));
        hopList.setItems(viewModel.hops());
        hopList.visibleProperty().bind(attack.activeProperty().not());
        hopList.managedProperty().bind(hopList.visibleProperty());
        probeTable.visibleProperty().bind(attack.activeProperty());
        probeTable.managedProperty().bind(probeTable.visibleProperty());
        probeTable.setItems(attack.rows());
        List<TableColumn<ProbeRow, String>> columns = columns();
        probeTable.getColumns().setAll(columns);
        columns.get(columns.size() - 1)
                .visibleProperty()
                .bind(attack.draftSummaryProperty().isNotEmpty());
        probeTable.setRowFactory(t -> new ResultRow());
        probeTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> attack.select(now));
        attack.rows().addListener((javafx.collections.ListChangeListener<ProbeRow>)
                c -> probeTable.scrollTo(Math.max(0, attack.rows().size() - 1)));
    }

    private List<TableColumn<ProbeRow, String>> columns() {
        return List.of(
                column("breach.probe.target", ProbeRow::target, 140),
                column("breach.probe.port", ProbeRow::port, 95),
                column("breach.probe.method", ProbeRow::method, 58),
                column("breach.probe.path", ProbeRow::path, 100),
                column("breach.probe.result", ProbeRow::outcome, 105),
                column("breach.probe.decidedBy", ProbeRow::decidedBy, 230),
                column("breach.probe.draft", ProbeRow::draftOutcome, 110));
    }

    private TableColumn<ProbeRow, String> column(String key, Function<ProbeRow, String> value, double width) {
        TableColumn<ProbeRow, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new FullTextCell());
        return column;
    }

    /** A cell whose tooltip holds its whole text, as the breach pane is often too narrow for the columns. */
    private static final class FullTextCell extends TableCell<ProbeRow, String> {
        private final Tooltip whole = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean blank = empty || text == null || text.isEmpty();
            setText(blank ? null : text);
            whole.setText(blank ? "" : text);
            setTooltip(blank ? null : whole);
        }
    }

    private static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Colours a row by its result: passed (the attacker got through) or blocked. */
    private static final class ResultRow extends TableRow<ProbeRow> {
        @Override
        protected void updateItem(ProbeRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("probe-passed", "probe-blocked");
            if (!empty && row != null) {
                getStyleClass().add(row.passed() ? "probe-passed" : "probe-blocked");
            }
        }
    }

    @FXML
    void replay() {
        viewModel.replay();
    }

    @FXML
    void runAll() {
        viewModel.attack().runAll();
    }

    @FXML
    void stop() {
        viewModel.attack().stop();
    }

    @FXML
    void clear() {
        viewModel.clear();
    }
}

package dev.trustmap.ui.replay;

import dev.trustmap.ui.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the scenario replay pane: the buttons, the counts, the list of requests and the selected one's detail. */
public final class ReplayController {
    private final ReplayViewModel viewModel;
    private final Messages messages;

    @FXML
    private Button scenarioReplayButton;

    @FXML
    private Button scenarioStopButton;

    @FXML
    private Button scenarioRunAllButton;

    @FXML
    private Label titleLabel;

    @FXML
    private Label summaryLabel;

    @FXML
    private Label countsLabel;

    @FXML
    private ListView<ReplayRow> rowList;

    @FXML
    private TextArea detailArea;

    public ReplayController(ReplayViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        summaryLabel.visibleProperty().bind(summaryLabel.textProperty().isNotEmpty());
        summaryLabel.managedProperty().bind(summaryLabel.visibleProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(viewModel.summaryProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(500);
        summaryLabel.setTooltip(whole);
        countsLabel.textProperty().bind(viewModel.countsProperty());
        countsLabel.visibleProperty().bind(countsLabel.textProperty().isNotEmpty());
        countsLabel.managedProperty().bind(countsLabel.visibleProperty());
        scenarioReplayButton.disableProperty().bind(viewModel.loadedProperty().not());
        scenarioRunAllButton.disableProperty().bind(viewModel.loadedProperty().not());
        scenarioStopButton.disableProperty().bind(viewModel.runningProperty().not());
        rowList.setItems(viewModel.rows());
        rowList.getItems().addListener(this::followReplay);
        rowList.setCellFactory(list -> new RowCell(messages));
        rowList.getSelectionModel()
                .selectedIndexProperty()
                .addListener((obs, old, now) -> viewModel.select(now.intValue()));
        viewModel.selectedRowProperty().addListener((obs, old, now) -> showSelected(now.intValue()));
        detailArea.textProperty().bind(viewModel.detailProperty());
    }

    /** Keeps the request being replayed in view, so the list follows a long replay. */
    private void followReplay(ListChangeListener.Change<? extends ReplayRow> change) {
        while (change.next()) {
            if (change.wasReplaced() || change.wasAdded()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    if (change.getList().get(i).status() == ReplayRow.Status.REPLAYING) {
                        scrollIntoView(i);
                    }
                }
            }
        }
    }

    private void scrollIntoView(int index) {
        VirtualFlow<?> flow = (VirtualFlow<?>) rowList.lookup(".virtual-flow");
        if (flow == null) {
            rowList.scrollTo(index);
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || index < first.getIndex() || index >= last.getIndex()) {
            rowList.scrollTo(Math.max(0, index - 2));
        }
    }

    /** Selects the view model's row in the list (an edge clicked on the graph) and scrolls to it. */
    private void showSelected(int index) {
        if (index >= 0 && rowList.getSelectionModel().getSelectedIndex() != index) {
            rowList.getSelectionModel().select(index);
            rowList.scrollTo(index);
        }
    }

    @FXML
    void open() {
        viewModel.openScenario();
    }

    @FXML
    void replay() {
        viewModel.replay();
    }

    @FXML
    void stop() {
        viewModel.stop();
    }

    @FXML
    void runAll() {
        viewModel.runAll();
    }

    /** Two lines per request: result, index and route; then expected and actual verdict. */
    private static final class RowCell extends ListCell<ReplayRow> {
        private final Messages messages;
        private final Label result = new Label();
        private final Label route = new Label();
        private final Label verdicts = new Label();
        private final VBox box = new VBox(2, new HBox(8, result, route), verdicts);
        // The pane is narrow and long routes are cut: the tooltip has the whole line.
        private final Tooltip whole = new Tooltip();

        RowCell(Messages messages) {
            this.messages = messages;
            result.getStyleClass().add("replay-result");
            result.setMinWidth(42);
            verdicts.getStyleClass().add("replay-verdicts");
        }

        @Override
        protected void updateItem(ReplayRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("row-pass", "row-fail", "row-current");
            if (empty || row == null) {
                setTooltip(null);
                setGraphic(null);
                setText(null);
                return;
            }
            result.setText(row.result());
            route.setText("#" + row.request().index() + "  " + row.text());
            String text = row.finished()
                    ? messages.get("replay.row.verdicts", row.expectedShort(), row.actualShort())
                    : messages.get("replay.row.expected", row.expectedShort());
            // "expected ALLOW · got ALLOW mtls" hides why it failed when the difference is not in those words.
            verdicts.setText(row.mismatch().isEmpty() ? text : text + "\n" + row.mismatch());
            switch (row.status()) {
                case PASS -> getStyleClass().add("row-pass");
                case FAIL -> getStyleClass().add("row-fail");
                case REPLAYING -> getStyleClass().add("row-current");
                default -> {}
            }
            whole.setText(route.getText() + "\n" + verdicts.getText());
            setTooltip(whole);
            setText(null);
            setGraphic(box);
        }
    }
}

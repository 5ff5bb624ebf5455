package dev.trustmap.ui.editor;

import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/** Binds the draft pane (changes, YAML, forms) to its view model and forwards its buttons. */
public final class EditorController {
    /** The style class of the error line's paragraph in the YAML editor. */
    static final String ERROR_LINE = "yaml-error-line";

    private static final Duration TYPING_PAUSE = Duration.millis(350);
    private static final double NOTICE_LINES = 4.2;

    private final EditorViewModel viewModel;
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);

    @FXML
    private Label summaryLabel;

    @FXML
    private Label noticeLabel;

    @FXML
    private javafx.scene.control.ScrollPane noticeScroll;

    @FXML
    private Label sourceLabel;

    @FXML
    private Button undoButton;

    @FXML
    private Button redoButton;

    @FXML
    private Button exportButton;

    @FXML
    private Button copyButton;

    @FXML
    private Button discardButton;

    @FXML
    private Button applyButton;

    @FXML
    private javafx.scene.layout.HBox applyBox;

    @FXML
    private ResourceBundle resources;

    @FXML
    private TabPane tabs;

    @FXML
    private Tab formTab;

    @FXML
    private ListView<String> changesList;

    @FXML
    private TextArea diffArea;

    @FXML
    private Label yamlError;

    @FXML
    private javafx.scene.layout.StackPane yamlHolder;

    /** The YAML editor: a RichTextFX code area, which colours keys, strings and comments and marks the error line. */
    private final CodeArea yamlArea = new CodeArea();

    @FXML
    private javafx.scene.control.Hyperlink yamlErrorLink;

    @FXML
    private javafx.scene.layout.HBox yamlStaleBar;

    @FXML
    private Label yamlStaleLabel;

    @FXML
    private Button yamlApplyButton;

    @FXML
    private Button yamlReloadButton;

    @FXML
    private Button yamlRestoreButton;

    private final Runnable openGenerate;

    EditorController(EditorViewModel viewModel, Runnable openGenerate) {
        this.viewModel = viewModel;
        this.openGenerate = openGenerate;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        sourceLabel.textProperty().bind(viewModel.sourceTextProperty());
        javafx.scene.control.Tooltip sourceTip = new javafx.scene.control.Tooltip();
        sourceTip.textProperty().bind(viewModel.sourceTextProperty());
        sourceLabel.setTooltip(sourceTip);
        bindNotice();
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        exportButton.disableProperty().bind(viewModel.emptyProperty());
        copyButton.disableProperty().bind(viewModel.emptyProperty());
        discardButton.disableProperty().bind(viewModel.emptyProperty());
        bindApply();
        changesList.setItems(viewModel.changes());
        changesList.setCellFactory(list -> new ChangeCell());
        diffArea.textProperty().bind(viewModel.diffTextProperty());
        bindYaml();
        bindForm();
    }

    /**
     * A note names files and lines: it wraps and is never cut off, but past a few lines it scrolls, so the YAML
     * editor below keeps its room. The viewport follows the wrapped label's height up to that cap.
     */
    private void bindNotice() {
        noticeLabel.setWrapText(true);
        noticeLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        noticeScroll.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeScroll.managedProperty().bind(noticeScroll.visibleProperty());
        noticeScroll
                .prefViewportHeightProperty()
                .bind(javafx.beans.binding.Bindings.min(
                        noticeLabel.heightProperty(),
                        noticeLabel.fontProperty().get().getSize() * NOTICE_LINES));
    }

    /** A policy loaded into the form (from here or the inspector) shows the form; changed resources open in it. */
    private void bindForm() {
        viewModel.form().loadedProperty().addListener((obs, old, key) -> {
            if (key != null) {
                tabs.getSelectionModel().select(formTab);
            }
        });
        // The list is refilled on every traffic tick, which clears its selection: the row is read when the menu opens.
        MenuItem edit = new MenuItem(resources.getString("editor.menu.editInForm"));
        edit.setId("menu-edit-in-form");
        String[] target = new String[1];
        edit.setOnAction(e -> {
            if (target[0] != null) {
                viewModel.editInForm(target[0]);
            }
        });
        ContextMenu menu = new ContextMenu(edit);
        menu.setOnShowing(e -> {
            target[0] = viewModel
                    .formKeyOf(changesList.getSelectionModel().getSelectedItem())
                    .orElse(null);
            edit.setDisable(target[0] == null);
        });
        changesList.setContextMenu(menu);
    }

    private void bindApply() {
        applyButton.disableProperty().bind(viewModel.applyBlockedProperty().isNotEmpty());
        // A disabled button gets no mouse events, so the tooltip saying why sits on its box.
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
        // The button sits at the window's right edge: a long reason wraps instead of running off the screen.
        why.setWrapText(true);
        why.setMaxWidth(360);
        why.textProperty()
                .bind(javafx.beans.binding.Bindings.when(
                                viewModel.applyBlockedProperty().isEmpty())
                        .then(applyButton.getAccessibleHelp())
                        .otherwise(viewModel.applyBlockedProperty()));
        javafx.scene.control.Tooltip.install(applyBox, why);
    }

    private void bindYaml() {
        YamlEditorViewModel yaml = viewModel.yaml();
        yamlArea.setId("yamlArea");
        yamlArea.getStyleClass().add("draft-code");
        yamlHolder.getChildren().add(new VirtualizedScrollPane<>(yamlArea));
        showYaml(yaml.textProperty().get());
        yaml.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(yamlArea.getText())) {
                showYaml(now);
                markLine(yaml.errorLineProperty().get(), false);
            }
        });
        // Validate once the user pauses, not on every key: parsing and re-assessing per key would lag.
        // Colour again at the same pause: a generated draft can run to thousands of lines, too many to restyle per key.
        typing.setOnFinished(e -> {
            highlight();
            yaml.edited(yamlArea.getText());
        });
        yamlArea.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(yaml.textProperty().get())) {
                // The model knows at once that the text is the user's, so a draft change meanwhile keeps it.
                yaml.typed(now);
                typing.playFromStart();
            }
        });
        bindStale(yaml);
        yamlError.textProperty().bind(yaml.errorProperty());
        yamlError.visibleProperty().bind(yaml.errorProperty().isNotEmpty());
        yamlError.managedProperty().bind(yamlError.visibleProperty());
        yaml.errorLineProperty().addListener((obs, old, now) -> markLine(now.intValue(), false));
        yamlErrorLink
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> yaml.errorLineProperty().get() == 0
                                ? ""
                                : java.text.MessageFormat.format(
                                        resources.getString("editor.yaml.errorLine"),
                                        yaml.errorLineProperty().get(),
                                        yaml.errorLineTextProperty().get()),
                        yaml.errorLineProperty(),
                        yaml.errorLineTextProperty()));
        yamlErrorLink.visibleProperty().bind(yaml.errorLineProperty().greaterThan(0));
        yamlErrorLink.managedProperty().bind(yamlErrorLink.visibleProperty());
    }

    /**
     * Shows the draft's YAML, coloured. The code area's own undo history is dropped: Ctrl+Z in the editor undoes
     * typing, never a change of the draft (the draft's Undo does that).
     */
    private void showYaml(String text) {
        yamlArea.replaceText(text);
        yamlArea.getUndoManager().forgetHistory();
        highlight();
    }

    private void highlight() {
        yamlArea.setStyleSpans(0, YamlHighlighter.spans(yamlArea.getText()));
    }

    /** The bar over the editor when its text is not in the draft and the draft changed, or a reload set it aside. */
    private void bindStale(YamlEditorViewModel yaml) {
        yamlStaleLabel
                .textProperty()
                .bind(javafx.beans.binding.Bindings.when(yaml.staleProperty())
                        .then(resources.getString("editor.yaml.stale"))
                        .otherwise(resources.getString("editor.yaml.setAside")));
        yamlApplyButton.visibleProperty().bind(yaml.staleProperty());
        yamlApplyButton.managedProperty().bind(yamlApplyButton.visibleProperty());
        yamlReloadButton.visibleProperty().bind(yaml.staleProperty());
        yamlReloadButton.managedProperty().bind(yamlReloadButton.visibleProperty());
        yamlRestoreButton
                .visibleProperty()
                .bind(yaml.staleProperty().not().and(yaml.setAsideProperty().isNotEmpty()));
        yamlRestoreButton.managedProperty().bind(yamlRestoreButton.visibleProperty());
        yamlStaleBar.visibleProperty().bind(yaml.staleProperty().or(yamlRestoreButton.visibleProperty()));
        yamlStaleBar.managedProperty().bind(yamlStaleBar.visibleProperty());
    }

    @FXML
    void applyYamlText() {
        typing.stop();
        viewModel.yaml().applyText();
    }

    @FXML
    void reloadYaml() {
        typing.stop();
        viewModel.yaml().reload();
    }

    @FXML
    void restoreYaml() {
        viewModel.yaml().restoreText();
        // The button hides itself; the focus goes to the restored text rather than wherever traversal lands.
        yamlArea.requestFocus();
    }

    @FXML
    void selectErrorLine() {
        markLine(viewModel.yaml().errorLineProperty().get(), true);
        yamlArea.requestFocus();
    }

    /** Marks the error line (0: none) with a red background and, unless the user is typing, selects it. */
    private void markLine(int line, boolean evenWhileTyping) {
        yamlArea.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), line > 0);
        int paragraphs = yamlArea.getParagraphs().size();
        for (int i = 0; i < paragraphs; i++) {
            if (!yamlArea.getParagraph(i).getParagraphStyle().isEmpty()) {
                yamlArea.setParagraphStyle(i, List.of());
            }
        }
        if (line > 0 && line <= paragraphs) {
            yamlArea.setParagraphStyle(line - 1, List.of(ERROR_LINE));
        }
        if (line > 0 && (evenWhileTyping || !yamlArea.isFocused())) {
            String[] lines = yamlArea.getText().split("\n", -1);
            int start = 0;
            for (int i = 0; i < line - 1 && i < lines.length; i++) {
                start += lines[i].length() + 1;
            }
            int end = Math.min(yamlArea.getLength(), start + (line - 1 < lines.length ? lines[line - 1].length() : 0));
            yamlArea.selectRange(start, end);
        }
    }

    @FXML
    void generate() {
        openGenerate.run();
    }

    @FXML
    void undo() {
        viewModel.undo();
    }

    @FXML
    void redo() {
        viewModel.redo();
    }

    @FXML
    void exportFolder() {
        viewModel.exportToFolder();
    }

    @FXML
    void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.exportText());
        Clipboard.getSystemClipboard().setContent(content);
        viewModel.copied();
    }

    @FXML
    void applyToCluster() {
        viewModel.applyToCluster();
    }

    @FXML
    void discard() {
        viewModel.discard();
    }

    /** A change row, styled by what it is (would break, opens, resource); long rows wrap to the list's width. */
    private static final class ChangeCell extends javafx.scene.control.ListCell<String> {
        ChangeCell() {
            setWrapText(true);
            // A pref width of 0 lets the cell take the list's width and wrap, instead of widening past it.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            getStyleClass().removeAll("change-break", "change-opens");
            if (!empty && item.startsWith("Would break")) {
                getStyleClass().add("change-break");
            } else if (!empty && item.startsWith("Opens")) {
                getStyleClass().add("change-opens");
            }
        }
    }
}

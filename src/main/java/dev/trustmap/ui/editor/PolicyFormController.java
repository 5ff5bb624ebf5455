package dev.trustmap.ui.editor;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;

/** Binds the AuthorizationPolicy and PeerAuthentication form to its view model. */
public final class PolicyFormController {
    private final PolicyFormViewModel viewModel;

    @FXML
    private ComboBox<String> namespaceBox;

    @FXML
    private TextField nameField;

    @FXML
    private ComboBox<String> selectorBox;

    @FXML
    private ComboBox<String> actionBox;

    @FXML
    private TextField whenField;

    @FXML
    private ListView<String> principalList;

    @FXML
    private ListView<String> namespaceList;

    @FXML
    private ListView<String> portList;

    @FXML
    private ListView<String> methodList;

    @FXML
    private ComboBox<String> modeBox;

    PolicyFormController(PolicyFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        namespaceBox.setItems(viewModel.namespaces());
        namespaceBox.valueProperty().bindBidirectional(viewModel.namespaceProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        selectorBox.setItems(viewModel.selectors());
        selectorBox.valueProperty().bindBidirectional(viewModel.selectorProperty());
        actionBox.getItems().setAll("ALLOW", "DENY", "AUDIT");
        actionBox.valueProperty().bindBidirectional(viewModel.actionProperty());
        whenField.textProperty().bindBidirectional(viewModel.whenProperty());
        modeBox.getItems().setAll("STRICT", "PERMISSIVE", "DISABLE", "UNSET");
        modeBox.valueProperty().bindBidirectional(viewModel.mtlsModeProperty());
        picker(principalList, viewModel.principalChoices(), viewModel.principals());
        picker(namespaceList, viewModel.namespaces(), viewModel.fromNamespaces());
        picker(portList, viewModel.portChoices(), viewModel.ports());
        picker(methodList, viewModel.methodChoices(), viewModel.methods());
    }

    /** A multiple-choice list whose selection the view model keeps. */
    private static void picker(ListView<String> list, ObservableList<String> choices, ObservableList<String> chosen) {
        list.setItems(choices);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>)
                change -> chosen.setAll(List.copyOf(list.getSelectionModel().getSelectedItems())));
    }

    @FXML
    void applyPolicy() {
        viewModel.applyAuthorizationPolicy();
    }

    @FXML
    void applyPeer() {
        viewModel.applyPeerAuthentication();
    }
}

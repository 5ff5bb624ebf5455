package dev.trustmap.ui.audit;

import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.main.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;

/**
 * Wires the Audit log tab beside the inspector. It reads the log when installed, after each entry the app appends,
 * when the tab is shown (another app may have appended) and on Refresh.
 */
public final class AuditWiring {
    private final AuditViewModel viewModel;
    private final AuditTrail trail;

    private AuditWiring(AuditViewModel viewModel, AuditTrail trail) {
        this.viewModel = viewModel;
        this.trail = trail;
    }

    /** Installs the tab into an open window; entries come from {@code trail}'s log. */
    public static AuditWiring install(MainWindow window, UiTasks tasks, Messages messages, AuditTrail trail) {
        AuditViewModel viewModel = new AuditViewModel(messages, tasks, trail.log(), ZoneId.systemDefault());
        FXMLLoader loader = new FXMLLoader(AuditWiring.class.getResource("/fxml/audit/Audit.fxml"), messages.bundle());
        loader.setControllerFactory(type -> new AuditController(viewModel, messages));
        Parent pane;
        try {
            pane = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the audit log pane's FXML", e);
        }
        window.addBesideInspector(messages.get("audit.tab"), pane);
        if (window.scene().lookup("#side-tabs") instanceof TabPane tabs) {
            tabs.getTabs().stream()
                    .filter(tab -> "audit-tab".equals(tab.getId()))
                    .findFirst()
                    .ifPresent(tab -> tab.selectedProperty().addListener((obs, old, now) -> {
                        if (now) {
                            viewModel.refresh();
                        }
                    }));
        }
        trail.addListener(viewModel::refresh);
        viewModel.refresh();
        return new AuditWiring(viewModel, trail);
    }

    public AuditViewModel viewModel() {
        return viewModel;
    }

    /** Where features that act on a cluster or export record what they did (the tab then refreshes). */
    public AuditTrail trail() {
        return trail;
    }
}

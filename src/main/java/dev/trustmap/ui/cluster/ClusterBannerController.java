package dev.trustmap.ui.cluster;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The banner over the graph while Prometheus cannot be read; its tooltip says exactly what failed. */
public final class ClusterBannerController {
    private final ClusterViewModel viewModel;

    @FXML
    private Label banner;

    ClusterBannerController(ClusterViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        banner.textProperty().bind(viewModel.bannerProperty());
        banner.visibleProperty().bind(viewModel.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(viewModel.bannerDetailProperty());
        detail.setWrapText(true);
        detail.setMaxWidth(520);
        banner.setTooltip(detail);
    }
}

package dev.trustmap.ui.lab;

import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.LegendGroups;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

/**
 * A group in the graph's legend while the breach lab marks the graph: what its edge marks mean, next to the draft's
 * when both are on screen. Added from here so the legend's own FXML stays the graph package's.
 */
final class BreachLegend {
    static final String ID = "legend-breach";

    private BreachLegend() {}

    /** Adds the groups before the legend's last group (the namespaces); does nothing without a legend. */
    static void install(Parent root, Messages messages, ObservableValue<Boolean> shown) {
        Pane legend = LegendGroups.legendOf(root);
        if (legend == null) {
            return;
        }
        HBox group = LegendGroups.group(ID, "legend-breach", messages.get("breach.legend.heading"), shown);
        LegendGroups.key(group, BreachMarks.ATTACK, messages.get("breach.legend.attack"));
        LegendGroups.key(group, BreachMarks.ATTACK_CLOSED, messages.get("breach.legend.closed"));
        Label cutOff = new Label(messages.get("breach.legend.cutoff"));
        cutOff.getStyleClass().addAll("breach-key", "key-cutoff");
        group.getChildren().add(cutOff);
        // Two groups, so the legend strip can wrap them.
        HBox more = LegendGroups.group(ID + "-more", "legend-breach", messages.get("breach.legend.more"), shown);
        LegendGroups.key(more, BreachMarks.EXPOSED, messages.get("breach.legend.exposed"));
        LegendGroups.key(more, BreachMarks.PROBE_PASS, messages.get("breach.legend.pass"));
        LegendGroups.key(more, BreachMarks.PROBE_BLOCKED, messages.get("breach.legend.blocked"));
        LegendGroups.key(more, BreachMarks.PROBE_FLASH, messages.get("breach.legend.flash"));
        LegendGroups.addBeforeLast(legend, group, more);
    }
}

package dev.trustmap.ui.editor;

import dev.trustmap.analysis.LeastPrivilege;
import dev.trustmap.analysis.LeastPrivilegeReport.Destination;
import dev.trustmap.analysis.LeastPrivilegeReport.Gap;
import dev.trustmap.analysis.LeastPrivilegeReport.ObservedCaller;
import dev.trustmap.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the generate dialog's preview: a heading, a destination with its ALLOW, one of its callers, or
 * something the draft could not cover.
 */
public record PreviewRow(Kind kind, String text) {

    /** What the line is, which its style follows. */
    public enum Kind {
        HEADING,
        DESTINATION,
        CALLER,
        GAP
    }

    /** The preview of a generated draft: what it covers per destination, then what it could not. */
    static List<PreviewRow> of(LeastPrivilege.Result result, Messages messages) {
        List<PreviewRow> rows = new ArrayList<>();
        rows.add(new PreviewRow(
                Kind.HEADING,
                messages.get("generate.preview.covered", result.destinations().size())));
        for (Destination destination : result.destinations()) {
            rows.add(new PreviewRow(Kind.DESTINATION, destination(destination, messages)));
            destination.callers().forEach(c -> rows.add(new PreviewRow(Kind.CALLER, caller(c, messages))));
        }
        result.deletions()
                .forEach(d -> rows.add(new PreviewRow(
                        Kind.DESTINATION,
                        messages.get(
                                "generate.preview.deleted",
                                d.getMetadata().getNamespace() + "/"
                                        + d.getMetadata().getName()))));
        rows.add(new PreviewRow(
                Kind.HEADING,
                messages.get("generate.preview.gaps", result.gaps().size())));
        for (Gap gap : result.gaps()) {
            rows.add(new PreviewRow(Kind.GAP, gap.message()));
        }
        return rows;
    }

    private static String destination(Destination destination, Messages messages) {
        return destination.strict() == null
                ? messages.get("generate.preview.destination", destination.workload(), destination.allow())
                : messages.get(
                        "generate.preview.destination.strict",
                        destination.workload(),
                        destination.allow(),
                        destination.strict());
    }

    private static String caller(ObservedCaller caller, Messages messages) {
        String who = String.join(", ", caller.sources());
        String identity = caller.anonymous() ? messages.get("generate.preview.anonymous") : caller.principal();
        String what = caller.methods().isEmpty() && caller.paths().isEmpty()
                ? ""
                : " " + String.join(" ", new java.util.TreeSet<>(caller.methods())) + " "
                        + String.join(" ", new java.util.TreeSet<>(caller.paths()));
        return messages.get("generate.preview.caller", who, identity, join(caller), what.stripTrailing());
    }

    private static String join(ObservedCaller caller) {
        return String.join(
                ", ",
                new java.util.TreeSet<>(caller.ports())
                        .stream().map(String::valueOf).toList());
    }
}

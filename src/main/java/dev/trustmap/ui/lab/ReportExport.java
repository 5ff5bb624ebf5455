package dev.trustmap.ui.lab;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.report.AuditExcerpt;
import dev.trustmap.export.report.HtmlReport;
import dev.trustmap.export.report.ReportInput;
import dev.trustmap.export.report.SvgGraph;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports: the HTML report of the mesh on screen with a picture of the graph view, and the graph alone as PNG or
 * SVG. Asks where to save, writes on the worker and says where it went.
 */
public final class ReportExport {
    private static final Logger LOG = LoggerFactory.getLogger(ReportExport.class);

    private final Messages messages;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final Supplier<MeshState> state;
    private final Supplier<List<Finding>> findings;
    private final Supplier<byte[]> png;
    private final AuditLog auditLog;
    private Supplier<Engine> draftEngine = () -> null;
    private Supplier<String> breachSummary = () -> "";
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** {@code png} takes a PNG of the graph view (on the FX thread); reports show no audit log. */
    public ReportExport(
            Messages messages,
            UiTasks tasks,
            DialogService dialogs,
            Supplier<MeshState> state,
            Supplier<List<Finding>> findings,
            Supplier<byte[]> png) {
        this(messages, tasks, dialogs, state, findings, png, null);
    }

    /** Like the other constructor; reports show the recent entries of {@code auditLog} (null for none). */
    public ReportExport(
            Messages messages,
            UiTasks tasks,
            DialogService dialogs,
            Supplier<MeshState> state,
            Supplier<List<Finding>> findings,
            Supplier<byte[]> png,
            AuditLog auditLog) {
        this.messages = messages;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.state = state;
        this.findings = findings;
        this.png = png;
        this.auditLog = auditLog;
    }

    /**
     * What the report says was active: the policy draft's engine (null without a draft) and the breach lab's summary
     * of the compromise marked (empty without one). The report's graph and verdicts are those of the current policies.
     */
    public void noteActive(Supplier<Engine> draft, Supplier<String> breach) {
        this.draftEngine = draft;
        this.breachSummary = breach;
    }

    /** Asks for a file and writes the report there. */
    public void exportReport() {
        MeshState current = state.get();
        if (current != null) {
            dialogs.chooseSaveFile(messages.get("findings.export.report"), "trustmap-report.html")
                    .ifPresent(file -> writeReport(current, file));
        }
    }

    /** Writes the report of {@code current} to {@code file} in the background (also for tests). */
    public void writeReport(MeshState current, Path file) {
        List<Finding> listed = List.copyOf(findings.get());
        Engine draft = draftEngine.get();
        String breach = breachSummary.get();
        write(file, () -> {
            // The graph is drawn from the model, not taken from the screen: no breach, draft or replay marks that
            // the report's legend would not explain.
            ReportInput input = new ReportInput(
                    current.sourceName(),
                    current.engine(),
                    current.assessment(),
                    listed,
                    auditLog == null ? AuditExcerpt.none() : AuditExcerpt.of(auditLog),
                    null,
                    Instant.now(),
                    notes(current, draft, breach));
            return HtmlReport.render(input).getBytes(StandardCharsets.UTF_8);
        });
    }

    private List<String> notes(MeshState current, Engine draft, String breach) {
        List<String> notes = new ArrayList<>();
        if (draft != null) {
            Set<TrafficEdge> deniedNow = current.assessment().edges().stream()
                    .filter(e -> e.verdict().decision() == Decision.DENY)
                    .map(EdgeAssessment::edge)
                    .collect(Collectors.toSet());
            long breaks = Assessment.of(draft, current.traffic()).edges().stream()
                    .filter(e -> e.verdict().decision() == Decision.DENY && !deniedNow.contains(e.edge()))
                    .count();
            notes.add(messages.get("report.note.draft", breaks));
        }
        if (breach != null && !breach.isBlank()) {
            notes.add(messages.get("report.note.breach", breach));
        }
        return notes;
    }

    /** Asks for a file and writes a PNG of the graph view. */
    public void exportPng() {
        dialogs.chooseSaveFile(messages.get("findings.export.png"), "trustmap-graph.png")
                .ifPresent(file -> {
                    byte[] image = png.get();
                    write(file, () -> image);
                });
    }

    /** Asks for a file and writes the graph as SVG, drawn as the report draws it. */
    public void exportSvg() {
        MeshState current = state.get();
        if (current != null) {
            dialogs.chooseSaveFile(messages.get("findings.export.svg"), "trustmap-graph.svg")
                    .ifPresent(file -> write(
                            file,
                            () -> SvgGraph.draw(
                                            current.snapshot().workloads(),
                                            current.assessment().edges())
                                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void write(Path file, Callable<byte[]> content) {
        notice.set(messages.get("findings.export.writing", file.getFileName()));
        tasks.run(
                () -> {
                    Files.write(file, content.call());
                    return file;
                },
                written -> {
                    LOG.info("exported {}", written);
                    notice.set(messages.get("findings.export.written", written));
                },
                error -> failed(file, error));
    }

    private void failed(Path file, Throwable error) {
        LOG.error("could not write {}", file, error);
        notice.set("");
        String reason = error instanceof IOException ? error.toString() : String.valueOf(error.getMessage());
        dialogs.showError(
                messages.get("findings.export.failed", file.getFileName()),
                messages.get("findings.export.failed.message", reason),
                error);
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

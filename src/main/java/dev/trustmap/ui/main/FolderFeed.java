package dev.trustmap.ui.main;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.workspace.DraftSource;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.traffic.TrafficFile;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A folder of manifests, with the traffic file found in it (if any). Does not change after loading. */
final class FolderFeed implements MeshFeed {
    private final Path folder;
    private final String name;
    private final Messages messages;
    private volatile String trafficOrigin = "traffic";
    private volatile TrafficHistory history;

    FolderFeed(Path folder, String name, Messages messages) {
        this.folder = folder;
        this.name = name;
        this.messages = messages;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DraftSource draftSource() {
        return DraftSource.folder(folder, name);
    }

    @Override
    public MeshState open(Instant now) throws ManifestException {
        List<Path> files = FolderSource.manifestFiles(List.of(folder));
        if (files.isEmpty()) {
            // Opening it would replace the graph with a blank canvas; an error keeps the previous view.
            throw new ManifestException(folder.toString(), 0, null, "no .yaml, .yml or .json files in this folder.");
        }
        Engine engine = Engine.of(FolderSource.loadFiles(files).snapshot());
        if (engine.snapshot().workloads().isEmpty()) {
            throw new ManifestException(
                    folder.toString(),
                    0,
                    null,
                    "no workloads (Deployments, StatefulSets, DaemonSets, Jobs or Pods) in this folder.");
        }
        Optional<Path> trafficFile = TrafficFile.locate(folder);
        Traffic traffic = trafficFile.isEmpty() ? Traffic.none() : TrafficFile.read(trafficFile.get());
        trafficFile.ifPresent(file -> trafficOrigin = file.getFileName().toString());
        history = trafficFile.isEmpty()
                ? TrafficHistory.unavailable(messages.get("generate.traffic.folder.none"))
                : TrafficHistory.fixed(messages.get("generate.traffic.folder", trafficOrigin), traffic);
        return new MeshState(name, engine, traffic, Assessment.of(engine, traffic), now);
    }

    @Override
    public TrafficHistory history() {
        return history;
    }

    @Override
    public String trafficOrigin() {
        return trafficOrigin;
    }

    @Override
    public Optional<Traffic> tick(Instant now) {
        return Optional.empty();
    }

    @Override
    public boolean live() {
        return false;
    }
}

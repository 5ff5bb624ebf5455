package dev.trustmap.ui.main;

import dev.trustmap.analysis.workspace.DraftSource;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.TrafficHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where the window's mesh comes from: the lab, a folder, a cluster. Called on the worker thread only. */
public interface MeshFeed {

    /** The name shown in the status bar. */
    String name();

    /**
     * The source whose draft goes with this feed's mesh: each source keeps its own. By default one per feed name; the
     * real feeds name the lab, the folder's path, the scenario file or the cluster's context and server.
     */
    default DraftSource draftSource() {
        return new DraftSource("feed:" + name(), name());
    }

    /** Loads the mesh and its first traffic; throws with a user-readable message when the input is bad. */
    MeshState open(Instant now) throws Exception;

    /** Traffic observed since the last call, or empty for a feed that does not change. */
    Optional<Traffic> tick(Instant now);

    /** Whether {@link #tick} brings new traffic, so the window should ask every second. */
    boolean live();

    /**
     * What changed since the last call, from {@code current}: by default the same mesh with the traffic of
     * {@link #tick}. A feed whose mesh itself changes (a live cluster) returns a new state; empty when nothing changed.
     */
    default Optional<MeshState> refresh(MeshState current, Instant now) {
        return tick(now).map(traffic -> current.withTraffic(traffic, now));
    }

    /** The name of the traffic's origin, for warnings about edges that cannot be shown (e.g. the traffic file). */
    default String trafficOrigin() {
        return "traffic";
    }

    /**
     * The message keys ({@code KEY.title}, {@code KEY.message}) of the dialog shown when the input is bad: by default
     * the folder's ("Could not open the folder").
     */
    default String openErrorKey() {
        return "error.open";
    }

    /**
     * The observed traffic this feed can give for least-privilege drafts, or null for just the traffic on screen.
     * Valid once {@link #open} returned.
     */
    default TrafficHistory history() {
        return null;
    }

    /** How often a live feed is asked for changes. */
    default Duration tickInterval() {
        return Duration.ofSeconds(1);
    }

    /** Releases what the feed holds open (a cluster connection); called on the worker when another feed is shown. */
    default void close() {}
}

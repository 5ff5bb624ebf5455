package dev.trustmap.ui.main;

import dev.trustmap.mesh.Traffic;
import dev.trustmap.ui.common.MeshState;
import java.time.Instant;
import java.util.Optional;

/** Where the window's mesh comes from: the lab, a folder, later a cluster. Called on the worker thread only. */
public interface MeshFeed {

    /** The name shown in the status bar. */
    String name();

    /** Loads the mesh and its first traffic; throws with a user-readable message when the input is bad. */
    MeshState open(Instant now) throws Exception;

    /** Traffic observed since the last call, or empty for a feed that does not change. */
    Optional<Traffic> tick(Instant now);

    /** Whether {@link #tick} brings new traffic, so the window should ask every second. */
    boolean live();
}

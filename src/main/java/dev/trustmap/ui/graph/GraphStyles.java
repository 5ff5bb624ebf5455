package dev.trustmap.ui.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The graph's stylesheet, with extra rules for big graphs: smaller nodes and labels only when zoomed in. */
final class GraphStyles {
    /** Above this many nodes, labels show only when zoomed in so that about this many are on screen. */
    static final int LABELLED_NODES = 120;

    private static final String RESOURCE = "/css/graph.css";
    private final String base;

    GraphStyles() {
        try (InputStream in = GraphStyles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stylesheet for a graph of {@code nodes} nodes. */
    String forSize(int nodes) {
        if (nodes <= LABELLED_NODES) {
            return base;
        }
        double visibleShare = Math.max(0.01, Math.sqrt((double) LABELLED_NODES / nodes));
        String size = nodes > 1000 ? "7px" : "11px";
        return base
                + "\nnode { text-visibility-mode: under-zoom; text-visibility: " + visibleShare + "; size: " + size
                + "; text-size: 11px; stroke-width: 0.5px; }\n"
                + "node.sidecar { size: " + size + "; }\n"
                + "node.no_sidecar { size: " + size + "; stroke-width: 1px; }\n"
                + "node.gateway { size: 14px; }\nnode.external { size: 14px; }\n"
                + "node:selected { size: 18px; stroke-width: 3px; }\n"
                + "edge { arrow-size: 5px, 3px; size: 1px; }\nedge.mtls { size: 1px; }\n"
                + "edge.plaintext { stroke-width: 1px; }\nedge.broken { stroke-width: 1.5px; }\n";
    }
}

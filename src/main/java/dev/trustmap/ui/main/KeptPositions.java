package dev.trustmap.ui.main;

import dev.trustmap.ui.graph.Point;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Merges a fresh layout into the positions on screen: nodes that stay keep their place, new ones find a free one. */
final class KeptPositions {
    /** Closer than this (graph units) and two nodes overlap. */
    private static final double MIN_DISTANCE = 0.6;

    private KeptPositions() {}

    /**
     * The fresh layout's nodes, each at its previous position when it had one; a new node goes to its fresh
     * position, moved down until it overlaps none of the kept nodes.
     */
    static Map<String, Point> merge(Map<String, Point> previous, Map<String, Point> fresh) {
        boolean anyKept = fresh.keySet().stream().anyMatch(previous::containsKey);
        if (!anyKept) {
            return fresh;
        }
        Map<String, Point> merged = new HashMap<>();
        fresh.forEach((id, at) -> {
            if (previous.containsKey(id)) {
                merged.put(id, previous.get(id));
            }
        });
        fresh.forEach((id, at) -> {
            if (!previous.containsKey(id)) {
                merged.put(id, free(at, merged.values()));
            }
        });
        return merged;
    }

    private static Point free(Point wanted, Collection<Point> taken) {
        Point at = wanted;
        while (overlaps(at, taken)) {
            at = new Point(at.x(), at.y() - MIN_DISTANCE);
        }
        return at;
    }

    private static boolean overlaps(Point at, Collection<Point> taken) {
        return taken.stream().anyMatch(p -> Math.hypot(p.x() - at.x(), p.y() - at.y()) < MIN_DISTANCE);
    }
}

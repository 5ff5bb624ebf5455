package dev.trustmap.ui.graph;

/** A position in graph units. */
public record Point(double x, double y) {

    public double distance(Point other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}

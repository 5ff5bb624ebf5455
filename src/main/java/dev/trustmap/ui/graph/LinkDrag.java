package dev.trustmap.ui.graph;

/**
 * A drag from one workload toward another while it lasts, for the feedback line.
 *
 * @param from the node the drag started on
 * @param x the pointer, in pixels of the graph panel
 * @param y the pointer, in pixels of the graph panel
 * @param target the node under the pointer (not {@code from}), or null
 * @param valid whether dropping on {@code target} would declare the traffic
 */
public record LinkDrag(String from, double x, double y, String target, boolean valid) {}

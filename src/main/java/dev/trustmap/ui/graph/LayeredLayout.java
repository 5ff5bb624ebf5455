package dev.trustmap.ui.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places nodes left to right by call depth: outside clients and gateways first, each callee right of its callers.
 * Within a column, nodes follow the average height of their neighbours (a few barycentre sweeps) so edges cross
 * less; tall columns wrap. Pure computation, run off the FX thread; cost grows with nodes plus edges.
 */
public final class LayeredLayout {
    /** Horizontal distance between columns, in graph units. */
    static final double COLUMN_GAP = 4.0;

    /** Vertical distance between rows. */
    static final double ROW_GAP = 1.0;

    /** Height over width the layout aims for, a little flatter than a typical graph pane. */
    static final double ASPECT = 0.6;

    private static final int SWEEPS = 6;

    private LayeredLayout() {}

    /** Positions for every node of the model. */
    public static Map<String, Point> compute(GraphModel model) {
        Adjacency adjacency = Adjacency.of(model);
        Map<String, Integer> rank = ranks(model, adjacency);
        List<List<String>> layers = layers(model, rank);
        Map<String, Double> order = initialOrder(layers);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (List<String> layer : layers) {
                sortByBarycentre(layer, adjacency, order);
            }
        }
        return place(layers, model.nodes().size());
    }

    /**
     * Longest-path layering over the call graph with back edges (found by depth-first search from outside clients
     * and gateways) ignored, so calls point right; capped at one column beyond the fewest hops from an entry point,
     * because long call chains would otherwise stretch the graph into a thin band.
     */
    private static Map<String, Integer> ranks(GraphModel model, Adjacency adjacency) {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Map<String, List<String>> forwardIn = new HashMap<>();
        for (String start : startOrder(model, adjacency)) {
            visit(start, adjacency, done, onPath, order, forwardIn);
        }
        Collections.reverse(order);
        Map<String, Integer> hops = hops(model, adjacency);
        Map<String, Integer> rank = new HashMap<>();
        for (String id : order) {
            int own = GraphNode.UNKNOWN_ID.equals(id) ? 0 : 1;
            for (String from : forwardIn.getOrDefault(id, List.of())) {
                own = Math.max(own, rank.get(from) + 1);
            }
            rank.put(id, Math.min(own, hops.get(id) + 1));
        }
        return rank;
    }

    private static Map<String, Integer> hops(GraphModel model, Adjacency adjacency) {
        Map<String, Integer> hops = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String start : startOrder(model, adjacency)) {
            if (!hops.containsKey(start)) {
                hops.put(start, GraphNode.UNKNOWN_ID.equals(start) ? -1 : 0);
                queue.add(start);
                while (!queue.isEmpty()) {
                    String id = queue.poll();
                    for (String next : adjacency.out(id)) {
                        if (hops.putIfAbsent(next, hops.get(id) + 1) == null) {
                            queue.add(next);
                        }
                    }
                }
            }
        }
        return hops;
    }

    private static List<String> startOrder(GraphModel model, Adjacency adjacency) {
        List<String> starts = new ArrayList<>();
        model.nodes().stream().filter(n -> n.kind() == NodeKind.UNKNOWN).forEach(n -> starts.add(n.id()));
        model.nodes().stream().filter(n -> n.kind() == NodeKind.GATEWAY).forEach(n -> starts.add(n.id()));
        model.nodes().stream().filter(n -> adjacency.in(n.id()).isEmpty()).forEach(n -> starts.add(n.id()));
        model.nodes().forEach(n -> starts.add(n.id()));
        return starts;
    }

    /** Iterative depth-first search: post-order into {@code order}, forward edges into {@code forwardIn}. */
    private static void visit(
            String start,
            Adjacency adjacency,
            Set<String> done,
            Set<String> onPath,
            List<String> order,
            Map<String, List<String>> forwardIn) {
        if (done.contains(start)) {
            return;
        }
        Deque<Iterator<String>> stack = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        done.add(start);
        onPath.add(start);
        path.push(start);
        stack.push(adjacency.out(start).iterator());
        while (!stack.isEmpty()) {
            Iterator<String> next = stack.peek();
            if (!next.hasNext()) {
                stack.pop();
                String finished = path.pop();
                onPath.remove(finished);
                order.add(finished);
                continue;
            }
            String to = next.next();
            if (onPath.contains(to)) {
                continue;
            }
            forwardIn.computeIfAbsent(to, k -> new ArrayList<>()).add(path.peek());
            if (done.add(to)) {
                onPath.add(to);
                path.push(to);
                stack.push(adjacency.out(to).iterator());
            }
        }
    }

    private static List<List<String>> layers(GraphModel model, Map<String, Integer> rank) {
        int depth = rank.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i <= depth; i++) {
            layers.add(new ArrayList<>());
        }
        model.nodes().stream()
                .sorted(Comparator.comparing(GraphNode::namespace).thenComparing(GraphNode::label))
                .forEach(n -> layers.get(rank.get(n.id())).add(n.id()));
        layers.removeIf(List::isEmpty);
        return layers;
    }

    private static Map<String, Double> initialOrder(List<List<String>> layers) {
        Map<String, Double> order = new HashMap<>();
        for (List<String> layer : layers) {
            for (int i = 0; i < layer.size(); i++) {
                order.put(layer.get(i), centred(i, layer.size()));
            }
        }
        return order;
    }

    private static double centred(int index, int size) {
        return index - (size - 1) / 2.0;
    }

    private static void sortByBarycentre(List<String> layer, Adjacency adjacency, Map<String, Double> order) {
        Map<String, Double> centre = new HashMap<>();
        for (String id : layer) {
            centre.put(
                    id,
                    adjacency.neighbours(id).stream()
                            .filter(order::containsKey)
                            .mapToDouble(order::get)
                            .average()
                            .orElse(order.get(id)));
        }
        layer.sort(Comparator.comparingDouble(centre::get));
        for (int i = 0; i < layer.size(); i++) {
            order.put(layer.get(i), centred(i, layer.size()));
        }
    }

    private static Map<String, Point> place(List<List<String>> layers, int nodeCount) {
        int maxPerColumn = Math.max(10, (int) Math.ceil(Math.sqrt(nodeCount) * 1.5));
        int totalColumns = 0;
        int tallest = 1;
        for (List<String> layer : layers) {
            int columns = (layer.size() + maxPerColumn - 1) / maxPerColumn;
            totalColumns += columns;
            tallest = Math.max(tallest, (layer.size() + columns - 1) / columns);
        }
        double width = Math.max(1, totalColumns - 1) * COLUMN_GAP;
        double rowGap = Math.max(ROW_GAP, ASPECT * width / Math.max(1, tallest - 1));
        Map<String, Point> positions = new HashMap<>();
        double x = 0;
        for (List<String> layer : layers) {
            int columns = (layer.size() + maxPerColumn - 1) / maxPerColumn;
            int rows = (layer.size() + columns - 1) / columns;
            for (int i = 0; i < layer.size(); i++) {
                int column = i / rows;
                double stagger = column % 2 == 0 ? 0 : 0.5;
                double y = -(centred(i % rows, rows) + stagger) * rowGap;
                positions.put(layer.get(i), new Point(x + column * COLUMN_GAP, y));
            }
            x += columns * COLUMN_GAP;
        }
        return positions;
    }
}

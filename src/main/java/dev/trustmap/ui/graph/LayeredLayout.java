package dev.trustmap.ui.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places nodes left to right by call depth: outside clients and gateways first, then each hop one column further.
 * Within a column, nodes follow the average height of their neighbours (a few barycentre sweeps) so edges cross
 * less; tall columns wrap. Pure computation, run off the FX thread; cost grows with nodes plus edges.
 */
public final class LayeredLayout {
    /** Horizontal distance between columns, in graph units. */
    static final double COLUMN_GAP = 4.0;

    /** Vertical distance between rows. */
    static final double ROW_GAP = 1.0;

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

    private static Map<String, Integer> ranks(GraphModel model, Adjacency adjacency) {
        Map<String, Integer> rank = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (GraphNode node : model.nodes()) {
            boolean root = node.kind() == NodeKind.UNKNOWN || node.kind() == NodeKind.GATEWAY;
            if (root || adjacency.in(node.id()).isEmpty()) {
                rank.put(node.id(), node.kind() == NodeKind.UNKNOWN ? 0 : 1);
                queue.add(node.id());
            }
        }
        breadthFirst(queue, rank, adjacency);
        for (GraphNode node : model.nodes()) {
            if (!rank.containsKey(node.id())) {
                rank.put(node.id(), 1);
                queue.add(node.id());
                breadthFirst(queue, rank, adjacency);
            }
        }
        return rank;
    }

    private static void breadthFirst(Deque<String> queue, Map<String, Integer> rank, Adjacency adjacency) {
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (String next : adjacency.out(id)) {
                if (!rank.containsKey(next)) {
                    rank.put(next, rank.get(id) + 1);
                    queue.add(next);
                }
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
        Map<String, Point> positions = new HashMap<>();
        double x = 0;
        for (List<String> layer : layers) {
            int columns = (layer.size() + maxPerColumn - 1) / maxPerColumn;
            int rows = (layer.size() + columns - 1) / columns;
            for (int i = 0; i < layer.size(); i++) {
                int column = i / rows;
                int row = i % rows;
                double stagger = column % 2 == 0 ? 0 : ROW_GAP / 2;
                positions.put(layer.get(i), new Point(x + column * COLUMN_GAP, -(centred(row, rows) + stagger)));
            }
            x += columns * COLUMN_GAP;
        }
        return positions;
    }
}

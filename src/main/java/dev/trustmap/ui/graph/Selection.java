package dev.trustmap.ui.graph;

/** What the user selected: nothing, a node or an edge, by id. */
public record Selection(Kind kind, String id) {

    /** What a selection points at. */
    public enum Kind {
        NONE,
        NODE,
        EDGE
    }

    public static final Selection NONE = new Selection(Kind.NONE, null);

    public static Selection node(String id) {
        return new Selection(Kind.NODE, id);
    }

    public static Selection edge(String id) {
        return new Selection(Kind.EDGE, id);
    }

    public boolean isNode() {
        return kind == Kind.NODE;
    }

    public boolean isEdge() {
        return kind == Kind.EDGE;
    }
}

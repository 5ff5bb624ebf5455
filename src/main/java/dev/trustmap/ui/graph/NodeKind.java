package dev.trustmap.ui.graph;

/** What a node stands for; each kind has its own shape. */
public enum NodeKind {
    SIDECAR("sidecar"),
    NO_SIDECAR("no_sidecar"),
    GATEWAY("gateway"),
    UNKNOWN("external");

    private final String styleClass;

    NodeKind(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}

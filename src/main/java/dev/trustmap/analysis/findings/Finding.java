package dev.trustmap.analysis.findings;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem a {@link Checker} found.
 *
 * @param code the checker's stable code, e.g. {@code TM101}
 * @param severity how bad it is
 * @param resource what it is about: {@code Kind namespace/name} ({@code AuthorizationPolicy payments/ledger-callers},
 *     {@code Deployment legacy/core-banking-adapter}) or {@code Namespace messaging}
 * @param path where inside the resource, e.g. {@code spec.rules[0].from[0].source.namespaces}; empty for the whole
 *     resource
 * @param message what is wrong, one or two sentences
 * @param fix what to do about it
 * @param edge the observed edge it is about, {@code client -> server:port} with the Service port (as traffic names
 *     it), or null when it is not about one edge
 */
public record Finding(
        String code, Severity severity, String resource, String path, String message, String fix, String edge) {

    /** Most severe first, then by code, resource and path. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::code)
            .thenComparing(Finding::resource)
            .thenComparing(Finding::path);

    public Finding {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(resource);
        path = path == null ? "" : path;
        Objects.requireNonNull(message);
        fix = fix == null ? "" : fix;
    }

    /** A finding not about one edge. */
    public Finding(String code, Severity severity, String resource, String path, String message, String fix) {
        this(code, severity, resource, path, message, fix, null);
    }

    /** The same finding about one observed edge ({@code client -> server:port}). */
    public Finding aboutEdge(String edgeId) {
        return new Finding(code, severity, resource, path, message, fix, edgeId);
    }

    /** The namespace named by {@link #resource}, or null for cluster-scoped resources. */
    public String namespace() {
        int space = resource.indexOf(' ');
        int slash = resource.indexOf('/', space + 1);
        return slash < 0 ? null : resource.substring(space + 1, slash);
    }

    /** One line: {@code SEVERITY CODE resource path: message — fix}. */
    public String toLine() {
        String where = path.isEmpty() ? resource : resource + " " + path;
        return severity + " " + code + " " + where + ": " + message + (fix.isEmpty() ? "" : " — " + fix);
    }
}

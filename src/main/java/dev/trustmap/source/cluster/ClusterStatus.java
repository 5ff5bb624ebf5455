package dev.trustmap.source.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is live and what is not, per resource kind, for the status bar.
 *
 * @param kinds one entry per resource kind Trustmap watches
 * @param lastUpdate when the last change from the cluster arrived (or the first lists completed)
 * @param messages sentences for people: lists that failed and why, watches reconnecting, missing Istio resources
 * @param unreachableServer the API server's URL when every watch dropped at once (the server cannot be reached), else
 *     null; the per-kind messages stay in {@code messages}
 */
public record ClusterStatus(
        List<KindStatus> kinds, Instant lastUpdate, List<String> messages, String unreachableServer) {

    public ClusterStatus {
        kinds = List.copyOf(kinds);
        messages = List.copyOf(messages);
    }

    /** A status with every watch in contact with the API server. */
    public ClusterStatus(List<KindStatus> kinds, Instant lastUpdate, List<String> messages) {
        this(kinds, lastUpdate, messages, null);
    }

    /** Whether every watch dropped, so the API server cannot be reached (fabric8 keeps retrying). */
    public boolean unreachable() {
        return unreachableServer != null;
    }

    /** The messages of kinds that are live or in error: what is left once the dropped watches are one sentence. */
    public List<String> messagesBeyondStale() {
        List<String> stale = kinds.stream()
                .filter(k -> k.state() == State.STALE && k.message() != null)
                .map(KindStatus::message)
                .toList();
        return messages.stream().filter(m -> !stale.contains(m)).toList();
    }

    /** Whether a kind's cache is current, being reloaded, or could not be read. */
    public enum State {
        /** Listed and watched: changes arrive. */
        LIVE,
        /** Loading, or the watch dropped and fabric8 is reconnecting: the cache may be out of date. */
        STALE,
        /** Could not be listed (forbidden, not installed, credentials refused): left out of the snapshot. */
        ERROR
    }

    /**
     * One resource kind.
     *
     * @param kind the plural resource name, e.g. {@code pods} or {@code authorizationpolicies}
     * @param state live, stale or error
     * @param message why it is not live, or a partial failure (some namespaces forbidden); null when all is well
     */
    public record KindStatus(String kind, State state, String message) {}

    /** The status of one kind. */
    public Optional<KindStatus> kind(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /** Stale when any kind is stale, else live; kinds in error are named in the messages. */
    public State overall() {
        return kinds.stream().anyMatch(k -> k.state() == State.STALE) ? State.STALE : State.LIVE;
    }

    /** One line for a status bar, e.g. {@code live; errors: authorizationpolicies}. */
    public String summary() {
        String stale = names(State.STALE);
        String errors = names(State.ERROR);
        StringBuilder text = new StringBuilder(overall() == State.LIVE ? "live" : "stale: " + stale);
        if (!errors.isEmpty()) {
            text.append("; errors: ").append(errors);
        }
        return text.toString();
    }

    /** Whether both say the same, ignoring the update time. */
    boolean sameStateAs(ClusterStatus other) {
        return other != null
                && kinds.equals(other.kinds)
                && messages.equals(other.messages)
                && Objects.equals(unreachableServer, other.unreachableServer);
    }

    private String names(State state) {
        return kinds.stream()
                .filter(k -> k.state() == state)
                .map(KindStatus::kind)
                .collect(Collectors.joining(", "));
    }
}

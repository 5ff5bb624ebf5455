package dev.trustmap.source.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns fabric8 and network exceptions into sentences for people. */
final class FailureMessages {
    static final int UNAUTHORIZED = 401;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;

    private FailureMessages() {}

    /** The HTTP status of the first {@link KubernetesClientException} in the cause chain, or 0. */
    static int code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException e && e.getCode() > 0) {
                return e.getCode();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return 0;
    }

    /** Whether the failure will not go away by retrying: credentials refused, forbidden, or no such resource. */
    static boolean permanent(Throwable failure) {
        int code = code(failure);
        return code == UNAUTHORIZED || code == FORBIDDEN || code == NOT_FOUND;
    }

    /** Why connecting failed, with what to do. */
    static ClusterException connectFailure(String context, String server, Throwable failure) {
        int code = code(failure);
        if (code == UNAUTHORIZED) {
            return new ClusterException(
                    String.format("The API server at %s refused the credentials of context '%s'.", server, context),
                    "Log in again (refresh the token or run your cloud's login command), then reconnect.",
                    failure);
        }
        if (isSsl(failure)) {
            return new ClusterException(
                    String.format("The TLS handshake with the API server at %s failed.", server),
                    "Check the cluster's certificate authority in the kubeconfig.",
                    failure);
        }
        if (code == 0 || isNetwork(failure)) {
            return new ClusterException(
                    String.format("Cannot reach the API server at %s (%s).", server, rootMessage(failure)),
                    "Check that the cluster runs, that its address in the kubeconfig is right and that a VPN "
                            + "it needs is on.",
                    failure);
        }
        return new ClusterException(
                String.format("The API server at %s answered %d (%s).", server, code, rootMessage(failure)),
                "Check the context's permissions, or try again later.",
                failure);
    }

    /** One line on why a kind could not be listed, e.g. {@code cannot list pods in namespace x: forbidden}. */
    static String listFailure(ResourceKind kind, String namespace, Throwable failure) {
        String where = namespace == null ? "" : " in namespace " + namespace;
        String why = switch (code(failure)) {
            case UNAUTHORIZED -> "credentials refused (log in again)";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not found on this API server";
            default -> rootMessage(failure);
        };
        return String.format("cannot list %s%s: %s", kind.plural(), where, why);
    }

    private static boolean isSsl(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNetwork(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for a parenthesis. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? withoutMessage(root) : message;
    }

    /** Words for an exception that carries no message, instead of its class name. */
    private static String withoutMessage(Throwable root) {
        if (root instanceof ClosedChannelException || root instanceof EOFException) {
            return "the connection was closed";
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof HttpTimeoutException
                || root instanceof TimeoutException
                || root instanceof SocketTimeoutException) {
            return "no answer in time";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host";
        }
        if (root instanceof SSLException) {
            return "the TLS handshake failed";
        }
        return root instanceof IOException ? "a network error" : "an unexpected error; see the log";
    }
}

package dev.trustmap.analysis.breach;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.mesh.Workload;
import java.util.List;

/**
 * One edge an attacker can use: from a workload it controls to a Service port of another.
 *
 * @param from the controlled client
 * @param to the destination
 * @param service the Service dialled
 * @param port the Service port
 * @param decision ALLOW or CONDITIONAL
 * @param connection mtls or plaintext
 * @param policy the deciding policy ({@code namespace/name}), or null when no policy decided
 * @param operations what the deciding rule allows, e.g. {@code methods [GET] paths [/v1/*]}, or {@code any operation}
 * @param depth 1 when {@code from} is compromised, 2 when it was reached directly, and so on
 */
public record Hop(
        Workload from,
        Workload to,
        String service,
        int port,
        Decision decision,
        Connection connection,
        String policy,
        List<String> operations,
        int depth) {

    public Hop {
        operations = List.copyOf(operations);
    }

    /** {@code ns/a -> ns/b:80}. */
    public String describe() {
        return from.id() + " -> " + to.id() + ":" + port;
    }
}

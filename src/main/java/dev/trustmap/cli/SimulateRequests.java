package dev.trustmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.scenario.IpAddresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns {@code simulate}'s option values into the parts of an engine request, with user-facing errors. */
final class SimulateRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulateRequests() {}

    /** A destination written {@code NS/WORKLOAD:PORT}. */
    record Target(String namespace, String workload, int port) {}

    /** A sender written {@code NS/WORKLOAD}, or {@code external:IP} (namespace and workload null). */
    record Sender(String namespace, String workload, String ip) {}

    /** Parses {@code NS/WORKLOAD} or {@code external:IP}, checking the IP address. */
    static Sender sender(String text) throws BadInputException {
        if (text.startsWith("external:")) {
            String ip = text.substring("external:".length()).trim();
            if (ip.isEmpty()) {
                throw new BadInputException(
                        "--from: 'external:' needs the client's IP address, e.g. external:203.0.113.9");
            }
            if (!IpAddresses.isIpAddress(ip)) {
                throw new BadInputException("--from: '" + ip + "' is not an IP address");
            }
            return new Sender(null, null, ip);
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new BadInputException("--from '" + text + "': expected NAMESPACE/WORKLOAD or external:IP");
        }
        return new Sender(parts[0], parts[1], null);
    }

    /** The sender as a pod of the mesh, or as an outside client. */
    static Peer from(MeshSnapshot snapshot, Sender sender) throws BadInputException {
        if (sender.workload() == null) {
            return new Peer.External(sender.ip());
        }
        return new Peer.Pod(workload(snapshot, sender.namespace(), sender.workload(), "--from"));
    }

    /** Parses {@code NS/WORKLOAD:PORT}. */
    static Target target(String text) throws BadInputException {
        int colon = text.lastIndexOf(':');
        int slash = text.indexOf('/');
        if (slash <= 0 || colon < slash + 2 || colon == text.length() - 1) {
            throw new BadInputException("--to '" + text + "': expected NAMESPACE/WORKLOAD:PORT");
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new BadInputException("--to '" + text + "': the port must be 1 to 65535");
            }
            return new Target(text.substring(0, slash), text.substring(slash + 1, colon), port);
        } catch (NumberFormatException e) {
            throw new BadInputException("--to '" + text + "': the port must be a number");
        }
    }

    /** The workload with this namespace and name, or an error listing the workloads there are. */
    static Workload workload(MeshSnapshot snapshot, String namespace, String name, String option)
            throws BadInputException {
        return snapshot.workload(namespace, name).orElseThrow(() -> {
            String known =
                    snapshot.workloads().stream().map(Workload::id).sorted().collect(Collectors.joining(", "));
            return new BadInputException(option + ": no workload '" + namespace + "/" + name + "' in the manifests"
                    + (known.isEmpty() ? " (none found)" : "; workloads: " + known));
        });
    }

    /** The first Service selecting {@code workload} that exposes {@code port}, or an error saying what to do. */
    static Service service(MeshSnapshot snapshot, Workload workload, int port) throws BadInputException {
        List<Service> services = snapshot.servicesOf(workload);
        return services.stream()
                .filter(s -> s.port(port).isPresent())
                .findFirst()
                .orElseThrow(() -> new BadInputException("--to: no Service selecting " + workload.id()
                        + " exposes port " + port + describe(services)
                        + "; pass --via-pod-ip to dial the container port directly"));
    }

    private static String describe(List<Service> services) {
        if (services.isEmpty()) {
            return " (no Service selects it)";
        }
        return services.stream()
                .map(s -> s.name() + " "
                        + s.ports().stream().map(p -> String.valueOf(p.port())).collect(Collectors.toList()))
                .collect(Collectors.joining(", ", " (Services: ", ")"));
    }

    /** {@code name=value} pairs as lower-case header names; null (not known) when none are given. */
    static Map<String, String> headers(List<String> pairs) throws BadInputException {
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : pairs) {
            String[] split = split(pair, "--header");
            headers.put(split[0].toLowerCase(Locale.ROOT), split[1]);
        }
        return headers;
    }

    /**
     * The token: signed with the claims of {@code --jwt-claims} and {@code --claim} (a repeated claim becomes a
     * list); unverifiable for a bearer {@code authorization} header without claims; otherwise none.
     */
    static Jwt jwt(String claimsJson, List<String> claimPairs, Map<String, String> headers) throws BadInputException {
        Map<String, Object> claims = new LinkedHashMap<>(parseClaims(claimsJson));
        for (String pair : claimPairs == null ? List.<String>of() : claimPairs) {
            String[] split = split(pair, "--claim");
            claims.merge(split[0], split[1], SimulateRequests::append);
        }
        if (!claims.isEmpty()) {
            return Jwt.signed(claims);
        }
        String authorization = headers == null ? null : headers.get("authorization");
        boolean bearer =
                authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
        return bearer ? Jwt.unverifiable() : Jwt.none();
    }

    private static Map<String, Object> parseClaims(String claimsJson) throws BadInputException {
        if (claimsJson == null || claimsJson.isBlank()) {
            return Map.of();
        }
        String usage = "--jwt-claims must be a JSON object, e.g. {\"iss\":\"https://issuer.example\"}";
        JsonNode claims;
        try {
            claims = JSON.readTree(claimsJson);
        } catch (JsonProcessingException e) {
            throw new BadInputException(usage + "; '" + claimsJson + "' is not valid JSON");
        }
        if (claims == null || !claims.isObject()) {
            throw new BadInputException(usage);
        }
        return JSON.convertValue(claims, new TypeReference<Map<String, Object>>() {});
    }

    private static Object append(Object existing, Object added) {
        List<Object> values = new ArrayList<>();
        if (existing instanceof List<?> list) {
            values.addAll(list);
        } else {
            values.add(existing);
        }
        values.add(added);
        return values;
    }

    private static String[] split(String pair, String option) throws BadInputException {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new BadInputException(option + " '" + pair + "': expected name=value");
        }
        return new String[] {pair.substring(0, equals), pair.substring(equals + 1)};
    }
}

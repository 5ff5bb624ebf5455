package dev.trustmap.source.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.ManifestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a scenario's {@code requests} into engine {@link Request}s with their {@link Expectation}s. */
final class RequestReader {
    private static final Set<String> REQUEST_KEYS =
            Fields.keys("from", "to", "protocol", "method", "path", "host", "headers", "jwtClaims", "expect");
    private static final Set<String> FROM_KEYS = Fields.keys("workload", "namespace", "external", "ip");
    private static final Set<String> TO_KEYS = Fields.keys("workload", "namespace", "port", "viaPodIP");
    private static final Set<String> EXPECT_KEYS =
            Fields.keys("decision", "mtls", "connection", "httpStatus", "reason");
    private static final List<Protocol> REQUEST_PROTOCOLS = List.of(Protocol.HTTP, Protocol.GRPC, Protocol.TCP);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HTTP_STATUS = Pattern.compile("\\d{3}(\\D.*)?", Pattern.DOTALL);

    private final Fields fields;
    private final MeshSnapshot snapshot;

    RequestReader(Fields fields, MeshSnapshot snapshot) {
        this.fields = fields;
        this.snapshot = snapshot;
    }

    List<ScenarioRequest> read(List<JsonNode> entries) throws ManifestException {
        List<ScenarioRequest> requests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "requests[" + i + "]";
            int line = fields.tree().line(path);
            requests.add(
                    new ScenarioRequest(i, line, request(entries.get(i), path), expectation(entries.get(i), path)));
        }
        return requests;
    }

    private Request request(JsonNode node, String path) throws ManifestException {
        fields.checkKeys(node, path, REQUEST_KEYS);
        Peer from = from(node.get("from"), Fields.child(path, "from"));
        String toPath = Fields.child(path, "to");
        JsonNode to = node.get("to");
        fields.checkKeys(to, toPath, TO_KEYS);
        Workload destination = workload(to, toPath);
        int port = fields.port(to, toPath, "port", true);
        Service service = fields.bool(to, toPath, "viaPodIP", false) ? null : service(destination, port, toPath);

        Protocol protocol = fields.enumValue(node, path, "protocol", REQUEST_PROTOCOLS);
        Map<String, String> headers = fields.stringMap(node, path, "headers");
        Jwt jwt = jwt(node, path, headers);
        return new Request(
                from,
                destination,
                service,
                port,
                protocol,
                blankToNull(fields.text(node, path, "method", false)),
                blankToNull(fields.text(node, path, "path", false)),
                blankToNull(fields.text(node, path, "host", false)),
                headers,
                jwt);
    }

    private Peer from(JsonNode node, String path) throws ManifestException {
        fields.checkKeys(node, path, FROM_KEYS);
        if (fields.bool(node, path, "external", false)) {
            if (node.has("workload") || node.has("namespace")) {
                throw fields.tree().error(path, "an external client names no workload or namespace");
            }
            String ip = fields.text(node, path, "ip", false);
            if (ip != null && !IpAddresses.isIpAddress(ip.trim())) {
                throw fields.tree().error(Fields.child(path, "ip"), "'" + ip + "' is not an IP address");
            }
            return new Peer.External(ip == null ? null : ip.trim());
        }
        if (node.has("ip")) {
            throw fields.tree()
                    .error(
                            Fields.child(path, "ip"),
                            "only an external client takes 'ip'; a pod's comes " + "from its workload");
        }
        return new Peer.Pod(workload(node, path));
    }

    private Workload workload(JsonNode node, String path) throws ManifestException {
        String name = fields.text(node, path, "workload", true);
        String namespace = fields.text(node, path, "namespace", true);
        return snapshot.workload(namespace, name)
                .orElseThrow(
                        () -> fields.tree().error(path, "no workload '" + namespace + "/" + name + "' in workloads"));
    }

    private Service service(Workload workload, int port, String path) throws ManifestException {
        List<Service> candidates = new ArrayList<>();
        snapshot.service(workload.namespace(), workload.name())
                .filter(s -> s.selects(workload))
                .ifPresent(candidates::add);
        candidates.addAll(snapshot.servicesOf(workload));
        return candidates.stream()
                .filter(s -> s.port(port).isPresent())
                .findFirst()
                .orElseThrow(() -> fields.tree()
                        .error(
                                Fields.child(path, "port"),
                                "no Service of workload '" + workload.id() + "' exposes port " + port
                                        + "; set viaPodIP: true to dial the container port"));
    }

    private Jwt jwt(JsonNode node, String path, Map<String, String> headers) throws ManifestException {
        JsonNode claims = node.get("jwtClaims");
        if (claims != null && !claims.isNull()) {
            if (!claims.isObject()) {
                throw fields.tree().error(Fields.child(path, "jwtClaims"), "expected a mapping of claims");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = MAPPER.convertValue(claims, Map.class);
            return Jwt.signed(map);
        }
        String authorization = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("authorization"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
        return authorization.toLowerCase(Locale.ROOT).startsWith("bearer ") ? Jwt.unverifiable() : Jwt.none();
    }

    private Expectation expectation(JsonNode node, String path) throws ManifestException {
        String expectPath = Fields.child(path, "expect");
        JsonNode expect = node.get("expect");
        if (expect == null) {
            throw fields.tree().error(path, "missing required key 'expect'");
        }
        fields.checkKeys(expect, expectPath, EXPECT_KEYS);
        Decision decision = fields.enumValue(expect, expectPath, "decision", Arrays.asList(Decision.values()));
        if (decision == null) {
            throw fields.tree().error(expectPath, "missing required key 'decision'");
        }
        Connection connection = fields.enumValue(
                expect, expectPath, "connection", Arrays.asList(Connection.values()), Connection::label);
        Boolean mtls = expect.has("mtls") ? fields.bool(expect, expectPath, "mtls", false) : null;
        return new Expectation(
                decision,
                mtls,
                connection,
                httpStatus(expect, expectPath),
                fields.text(expect, expectPath, "reason", false));
    }

    /** A status code (403) or text starting with one ("000 (curl exit 56)"); informational, so not compared. */
    private String httpStatus(JsonNode expect, String expectPath) throws ManifestException {
        String status = fields.text(expect, expectPath, "httpStatus", false);
        boolean number = expect.path("httpStatus").isIntegralNumber();
        if (status != null
                && !(number
                        ? status.matches("\\d{1,3}")
                        : HTTP_STATUS.matcher(status).matches())) {
            throw fields.tree()
                    .error(
                            Fields.child(expectPath, "httpStatus"),
                            "expected a status code such as 403 or \"000 (curl exit 56)\", found '" + status + "'");
        }
        return status;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

package dev.trustmap.source.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.folder.ManifestException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads and checks one entry of a traffic file's {@code edges} list. */
final class EdgeReader {
    private static final Set<String> FIELDS =
            Set.of("from", "to", "service", "port", "protocol", "rps", "codes", "mtls", "methods", "paths");
    private static final Pattern WORKLOAD =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-.a-z0-9]*[a-z0-9])?");
    private static final String UNKNOWN = "unknown";

    private final LocatedTree tree;

    EdgeReader(LocatedTree tree) {
        this.tree = tree;
    }

    TrafficEdge read(JsonNode edge, String path) throws ManifestException {
        if (!edge.isObject()) {
            throw tree.error(path, "must be a mapping with from, to, port, protocol and rps.");
        }
        checkFields(edge, path);
        String from = text(edge, path, "from");
        String to = text(edge, path, "to");
        checkWorkload(from, path + ".from", true);
        checkWorkload(to, path + ".to", false);
        String[] source = UNKNOWN.equals(from) ? new String[] {null, null} : from.split("/", 2);
        String[] target = to.split("/", 2);
        JsonNode service = edge.get("service");
        if (service != null && !(service.isTextual() && !service.asText().isBlank())) {
            throw tree.error(path + ".service", "must be a Service name, or left out when the pod IP was dialled.");
        }
        return new TrafficEdge(
                source[0],
                source[1],
                target[0],
                target[1],
                service == null ? null : service.asText(),
                port(edge, path),
                protocol(edge, path),
                number(edge, path, "rps", Double.MAX_VALUE),
                codes(edge.get("codes"), path + ".codes"),
                edge.has("mtls") ? number(edge, path, "mtls", 1) : 0,
                strings(edge.get("methods"), path + ".methods", false),
                strings(edge.get("paths"), path + ".paths", true));
    }

    private void checkFields(JsonNode edge, String path) throws ManifestException {
        for (Iterator<String> names = edge.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw tree.error(
                        LocatedTree.field(path, name),
                        "is not a field of an edge; expected one of " + TrafficFile.sorted(FIELDS) + ".");
            }
        }
    }

    private String text(JsonNode edge, String path, String field) throws ManifestException {
        JsonNode value = edge.get(field);
        if (value == null || value.isNull()) {
            throw tree.error(path, "has no " + field + "; add '" + field + ": namespace/workload'.");
        }
        if (!value.isTextual()) {
            throw tree.error(LocatedTree.field(path, field), "must be text such as namespace/workload.");
        }
        return value.asText();
    }

    private void checkWorkload(String value, String field, boolean mayBeUnknown) throws ManifestException {
        if (mayBeUnknown && UNKNOWN.equals(value)) {
            return;
        }
        if (!WORKLOAD.matcher(value).matches()) {
            String forms =
                    mayBeUnknown ? "namespace/workload, or unknown for clients outside the mesh" : "namespace/workload";
            throw tree.error(field, "must be " + forms + ", not '" + value + "'.");
        }
    }

    private int port(JsonNode edge, String path) throws ManifestException {
        double port = number(edge, path, "port", 65535);
        if (port < 1 || port != Math.rint(port)) {
            throw tree.error(
                    path + ".port",
                    "must be a whole number from 1 to 65535, not "
                            + edge.get("port").asText() + ".");
        }
        return (int) port;
    }

    private Protocol protocol(JsonNode edge, String path) throws ManifestException {
        JsonNode value = edge.get("protocol");
        if (value == null) {
            throw tree.error(path, "has no protocol; add 'protocol: HTTP' (or HTTP2, GRPC, HTTPS, TLS, TCP).");
        }
        String name = value.asText().toUpperCase(Locale.ROOT);
        boolean known = value.isTextual()
                && Arrays.stream(Protocol.values())
                        .anyMatch(p -> p != Protocol.UNKNOWN && p.name().equals(name));
        if (!known) {
            throw tree.error(
                    path + ".protocol", "must be HTTP, HTTP2, GRPC, HTTPS, TLS or TCP, not '" + value.asText() + "'.");
        }
        return Protocol.valueOf(name);
    }

    /** A required number from 0 to {@code max}. */
    private double number(JsonNode edge, String path, String field, double max) throws ManifestException {
        JsonNode value = edge.get(field);
        String at = LocatedTree.field(path, field);
        if (value == null) {
            throw tree.error(path, "has no " + field + "; add '" + field + ":' with a number.");
        }
        if (!value.isNumber()) {
            throw tree.error(at, "must be a number, not '" + value.asText() + "'.");
        }
        double number = value.asDouble();
        if (number < 0) {
            throw tree.error(at, "must not be negative (is " + value.asText() + ").");
        }
        if (number > max) {
            throw tree.error(
                    at,
                    "must be at most " + (max == 1 ? "1 (a share of requests)" : (long) max) + ", not " + value.asText()
                            + ".");
        }
        return number;
    }

    private Map<Integer, Double> codes(JsonNode codes, String path) throws ManifestException {
        Map<Integer, Double> result = new TreeMap<>();
        if (codes == null) {
            return result;
        }
        if (!codes.isObject()) {
            throw tree.error(path, "must map HTTP status codes to rates, e.g. {\"200\": 12.5, \"403\": 0.5}.");
        }
        for (Iterator<String> names = codes.fieldNames(); names.hasNext(); ) {
            String code = names.next();
            if (!code.matches("[0-9]{1,3}") || Integer.parseInt(code) > 599) {
                throw tree.error(
                        LocatedTree.field(path, code),
                        "is not an HTTP status code; use 100 to 599, or 0 for connection failures.");
            }
            result.put(Integer.parseInt(code), number(codes, path, code, Double.MAX_VALUE));
        }
        return result;
    }

    private Set<String> strings(JsonNode list, String path, boolean paths) throws ManifestException {
        Set<String> result = new LinkedHashSet<>();
        if (list == null) {
            return result;
        }
        if (!list.isArray()) {
            throw tree.error(path, "must be a list, e.g. " + (paths ? "[/api/orders]" : "[GET, POST]") + ".");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            boolean ok = item.isTextual()
                    && !item.asText().isBlank()
                    && (!paths || item.asText().startsWith("/"));
            if (!ok) {
                throw tree.error(
                        LocatedTree.index(path, i),
                        paths ? "must be a path starting with '/'." : "must be an HTTP method such as GET.");
            }
            result.add(item.asText());
        }
        return result;
    }
}

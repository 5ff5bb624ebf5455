package dev.trustmap.source.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trustmap.mesh.Protocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a call graph file ({@code lab/callgraph.yaml}); see that file's header for the fields. */
final class CallGraphReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final double DEFAULT_ERROR_RATE = 0.005;

    private final String origin;

    private CallGraphReader(String origin) {
        this.origin = origin;
    }

    /**
     * Reads call graph text.
     *
     * @throws IllegalArgumentException naming the origin and field when the text is not a valid call graph
     */
    static CallGraph read(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        JsonNode calls = root == null ? null : root.get("calls");
        if (calls == null || !calls.isArray()) {
            throw new IllegalArgumentException(origin + ": field calls: must be a list of calls.");
        }
        CallGraphReader reader = new CallGraphReader(origin);
        List<CallGraph.Call> result = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            result.add(reader.call(calls.get(i), "calls[" + i + "]"));
        }
        return new CallGraph(result);
    }

    private CallGraph.Call call(JsonNode node, String path) {
        Protocol protocol = protocol(node, path);
        List<CallGraph.Sample> samples = samples(node.path("requests"), path + ".requests");
        if (protocol.isHttp() == samples.isEmpty()) {
            throw fail(
                    path + ".requests",
                    protocol.isHttp()
                            ? "must list requests for HTTP and gRPC calls"
                            : "must be left out for TCP calls");
        }
        return new CallGraph.Call(
                text(node, path, "from"),
                text(node, path, "to"),
                text(node, path, "service"),
                (int) number(node, path, "port", -1),
                protocol,
                number(node, path, "rps", -1),
                number(node, path, "errorRate", DEFAULT_ERROR_RATE),
                samples,
                claims(node.get("jwt")),
                number(node, path, "badTokenShare", 0));
    }

    private Protocol protocol(JsonNode node, String path) {
        try {
            return Protocol.valueOf(text(node, path, "protocol").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(path + ".protocol", "must be HTTP, GRPC or TCP");
        }
    }

    private List<CallGraph.Sample> samples(JsonNode requests, String path) {
        List<CallGraph.Sample> samples = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            String at = path + "[" + i + "]";
            samples.add(new CallGraph.Sample(
                    text(request, at, "method"), text(request, at, "path"), number(request, at, "weight", 1)));
        }
        return samples;
    }

    private static Map<String, Object> claims(JsonNode jwt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (jwt != null) {
            jwt.fields()
                    .forEachRemaining(e -> claims.put(e.getKey(), e.getValue().asText()));
        }
        return claims;
    }

    private String text(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw fail(path + "." + field, "is missing or empty");
        }
        return value.asText();
    }

    /** A non-negative number; {@code fallback} when absent, or required when the fallback is negative. */
    private double number(JsonNode node, String path, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null && fallback >= 0) {
            return fallback;
        }
        if (value == null || !value.isNumber() || value.asDouble() < 0) {
            throw fail(path + "." + field, "must be a number, 0 or more");
        }
        return value.asDouble();
    }

    private IllegalArgumentException fail(String field, String problem) {
        return new IllegalArgumentException(origin + ": field " + field + ": " + problem + ".");
    }
}

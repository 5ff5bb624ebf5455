package dev.trustmap.source.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD mock API server plus the two API-server behaviours applying a draft needs, which fabric8 7.5.2's
 * {@link KubernetesCrudDispatcher} lacks (it answers server-side apply with 415 and ignores {@code dryRun=All}):
 *
 * <ul>
 *   <li>server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}): creates the object when absent,
 *       merges it into the stored one when present, records the {@code fieldManager} in {@code managedFields}, and
 *       answers 409 Conflict when the body's {@code metadata.resourceVersion} is not the stored one;
 *   <li>{@code dryRun=All} on apply, create, replace and delete: validated and answered, nothing stored;
 *   <li>a coarse model of field ownership, one level deep: a manager owns {@code spec.<key>} when its
 *       {@code managedFields} entry lists {@code f:spec} / {@code f:<key>} in {@code fieldsV1} (an apply records the
 *       spec keys it sent). An apply that is not forced ({@code force=true} absent) and changes the value of a
 *       {@code spec.<key>} that another manager owns gets 409 Conflict with {@code FieldManagerConflict} causes, as
 *       an API server answers; a forced apply writes and moves those keys to the applying manager.
 * </ul>
 *
 * Both check, as an API server does, that the namespace exists and that the name is a lowercase RFC 1123 subdomain.
 * A {@code DELETE} whose body has {@code preconditions.resourceVersion} gets 409 when it is stale. Everything else is
 * the real CRUD store underneath (see ADR 0005). Ownership deeper than {@code spec.<key>} (list items, metadata,
 * shared ownership of equal values, releasing fields an apply no longer sends) is not modelled.
 */
public final class ApplyCapableCrudDispatcher extends KubernetesCrudDispatcher {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ITEM = Pattern.compile("^(.*?)(/namespaces/([^/]+))?/([^/]+)/([^/?]+)$");
    /** A change another client makes just before the next (non-dry-run) apply reaches the store; null for none. */
    private volatile UnaryOperator<ObjectNode> raceBeforeNextApply;
    /** Whether that change comes before the next dry run instead. */
    private volatile boolean raceOnDryRun;

    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /**
     * Lets "another client" change an existing object between Trustmap's check and its write: the next apply (not a
     * dry run) of an existing object first stores {@code change} of it under a new resourceVersion.
     */
    public void raceBeforeNextApply(UnaryOperator<ObjectNode> change) {
        raceOnDryRun = false;
        raceBeforeNextApply = change;
    }

    /** As {@link #raceBeforeNextApply}, but before the next dry-run apply: the change lands before the check. */
    public void raceBeforeNextDryRun(UnaryOperator<ObjectNode> change) {
        raceOnDryRun = true;
        raceBeforeNextApply = change;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String[] pathAndQuery = request.getPath().split("\\?", 2);
        String path = pathAndQuery[0];
        String query = pathAndQuery.length > 1 ? pathAndQuery[1] : "";
        boolean dryRun = query.matches("(.*&)?dryRun=All(&.*)?");
        String contentType = String.valueOf(request.getHeader("Content-Type"));
        synchronized (this) {
            if ("PATCH".equals(request.getMethod()) && contentType.startsWith("application/apply-patch")) {
                boolean force = query.matches("(.*&)?force=true(&.*)?");
                return apply(request, path, fieldManager(query), dryRun, force);
            }
            if ("DELETE".equals(request.getMethod())) {
                return delete(request, path, dryRun);
            }
            if (dryRun && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
                return dryRunWrite(request, path);
            }
        }
        return super.dispatch(request);
    }

    private MockResponse apply(RecordedRequest request, String path, String manager, boolean dryRun, boolean force) {
        ObjectNode patch = (ObjectNode) read(body(request), YAML);
        Matcher item = ITEM.matcher(path);
        if (!item.matches()) {
            return status(405, "MethodNotAllowed", "apply needs an object's path, not " + path);
        }
        MockResponse invalid =
                validate(item.group(3), item.group(5), patch.path("kind").asText());
        if (invalid != null) {
            return invalid;
        }
        MockResponse stored = super.handleGet(path);
        String sentVersion = patch.path("metadata").path("resourceVersion").asText(null);
        if (stored.code() == 404) {
            if (sentVersion != null) {
                return notFound(patch.path("kind").asText(), item.group(5));
            }
            ObjectNode created = withManager(patch, manager);
            FieldOwnership.own(created, patch, manager);
            return dryRun ? json(201, created) : super.dispatch(copy(request, "POST", collection(item), created));
        }
        ObjectNode current = (ObjectNode) read(stored.getBody().readUtf8(), JSON);
        UnaryOperator<ObjectNode> race = raceBeforeNextApply;
        if (race != null && dryRun == raceOnDryRun) {
            raceBeforeNextApply = null;
            super.dispatch(copy(request, "PUT", path, race.apply(current.deepCopy())));
            current = (ObjectNode) read(super.handleGet(path).getBody().readUtf8(), JSON);
        }
        String storedVersion = current.path("metadata").path("resourceVersion").asText();
        if (sentVersion != null && !sentVersion.equals(storedVersion)) {
            return conflict(patch.path("kind").asText(), item.group(5));
        }
        ArrayNode causes = FieldOwnership.conflicts(current, patch, manager);
        if (!force && !causes.isEmpty()) {
            return FieldOwnership.refusal(causes);
        }
        if (force) {
            FieldOwnership.release(current, patch, manager);
        }
        ObjectNode merged = merge(current, patch);
        ((ObjectNode) merged.get("metadata")).put("resourceVersion", storedVersion);
        withManager(merged, manager);
        FieldOwnership.own(merged, patch, manager);
        return dryRun ? json(200, merged) : super.dispatch(copy(request, "PUT", path, merged));
    }

    private MockResponse delete(RecordedRequest request, String path, boolean dryRun) {
        MockResponse stored = super.handleGet(path);
        Matcher item = ITEM.matcher(path);
        if (stored.code() == 404 || !item.matches()) {
            return dryRun && item.matches() ? notFound(item.group(4), item.group(5)) : super.dispatch(request);
        }
        String storedText = stored.getBody().readUtf8();
        JsonNode current = read(storedText, JSON);
        String body = body(request);
        if (!body.isBlank()) {
            String expected = read(body, JSON)
                    .path("preconditions")
                    .path("resourceVersion")
                    .asText(null);
            if (expected != null
                    && !expected.equals(
                            current.path("metadata").path("resourceVersion").asText())) {
                return conflict(current.path("kind").asText(), item.group(5));
            }
        }
        return dryRun ? new MockResponse().setResponseCode(200).setBody(storedText) : super.dispatch(request);
    }

    private MockResponse dryRunWrite(RecordedRequest request, String path) {
        JsonNode object = read(body(request), JSON);
        String namespace = object.path("metadata").path("namespace").asText(null);
        Matcher item = ITEM.matcher(path);
        if (namespace == null && item.matches()) {
            namespace = item.group(3);
        }
        MockResponse invalid = validate(
                namespace,
                object.path("metadata").path("name").asText(),
                object.path("kind").asText());
        return invalid != null ? invalid : json("POST".equals(request.getMethod()) ? 201 : 200, object);
    }

    /** What an API server refuses before storing: a missing namespace, a name that is not a DNS subdomain. */
    private MockResponse validate(String namespace, String name, String kind) {
        if (namespace != null
                && super.handleGet("/api/v1/namespaces/" + namespace).code() == 404) {
            return status(404, "NotFound", "namespaces \"" + namespace + "\" not found");
        }
        if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
            return status(
                    422,
                    "Invalid",
                    String.format(
                            "%s \"%s\" is invalid: metadata.name: Invalid value: \"%s\": a lowercase RFC 1123 "
                                    + "subdomain must consist of lower case alphanumeric characters, '-' or '.'",
                            kind, name, name));
        }
        return null;
    }

    /** A JSON merge of {@code patch} into {@code target}: objects merge key by key, anything else is replaced. */
    private static ObjectNode merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return target;
    }

    private static ObjectNode withManager(ObjectNode object, String manager) {
        ObjectNode metadata = object.with("metadata");
        ArrayNode managed = metadata.withArray("managedFields");
        for (int i = managed.size() - 1; i >= 0; i--) {
            if (manager.equals(managed.get(i).path("manager").asText())) {
                managed.remove(i);
            }
        }
        ObjectNode entry = managed.addObject();
        entry.put("manager", manager);
        entry.put("operation", "Apply");
        entry.put("apiVersion", object.path("apiVersion").asText());
        entry.put("time", Instant.now().toString());
        return object;
    }

    private static String fieldManager(String query) {
        Matcher manager = Pattern.compile("(?:^|&)fieldManager=([^&]+)").matcher(query);
        return manager.find() ? manager.group(1) : "unknown";
    }

    private static String collection(Matcher item) {
        return item.group(1) + (item.group(2) == null ? "" : item.group(2)) + "/" + item.group(4);
    }

    private static RecordedRequest copy(RecordedRequest request, String method, String path, JsonNode body) {
        Headers headers = new Headers.Builder()
                .setHeaders(request.getHeaders())
                .set("Content-Type", "application/json")
                .build();
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return new RecordedRequest(
                request.getHttpVersion(), HttpMethod.valueOf(method), path, headers, new Buffer(bytes));
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    private static JsonNode read(String text, ObjectMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse().setResponseCode(code).setBody(body.toString());
    }

    private static MockResponse conflict(String kind, String name) {
        return status(
                409,
                "Conflict",
                String.format(
                        "Operation cannot be fulfilled on %s \"%s\": the object has been modified; please apply your "
                                + "changes to the latest version and try again",
                        kind, name));
    }

    private static MockResponse notFound(String kind, String name) {
        return status(404, "NotFound", String.format("%s \"%s\" not found", kind, name));
    }

    static ObjectNode statusBody(int code, String reason, String message) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("status", "Failure");
        status.put("reason", reason);
        status.put("message", message);
        status.put("code", code);
        return status;
    }

    static MockResponse status(int code, String reason, String message) {
        return json(code, statusBody(code, reason, message));
    }
}

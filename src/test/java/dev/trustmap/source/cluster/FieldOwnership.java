package dev.trustmap.source.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The mock API server's coarse field ownership (see {@link ApplyCapableCrudDispatcher}): who owns which
 * {@code spec.<key>}, read from and written to {@code metadata.managedFields[].fieldsV1} as an API server writes them
 * ({@code {"f:spec": {"f:rules": {}}}}), and the 409 an API server answers to an apply that would change another
 * manager's field.
 */
final class FieldOwnership {

    private FieldOwnership() {}

    /**
     * The {@code FieldManagerConflict} causes of applying {@code patch} as {@code manager} to {@code stored}: one per
     * {@code spec.<key>} whose value the patch changes and another manager owns.
     */
    static ArrayNode conflicts(ObjectNode stored, JsonNode patch, String manager) {
        ArrayNode causes = JsonNodeFactory.instance.arrayNode();
        JsonNode spec = stored.path("spec");
        for (JsonNode entry : stored.path("metadata").path("managedFields")) {
            if (manager.equals(entry.path("manager").asText())) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> sent = patch.path("spec").fields();
            while (sent.hasNext()) {
                Map.Entry<String, JsonNode> field = sent.next();
                boolean owned = entry.path("fieldsV1").path("f:spec").has("f:" + field.getKey());
                if (owned
                        && spec.has(field.getKey())
                        && !spec.get(field.getKey()).equals(field.getValue())) {
                    ObjectNode cause = causes.addObject();
                    cause.put("reason", "FieldManagerConflict");
                    cause.put(
                            "message",
                            String.format(
                                    "conflict with \"%s\" using %s",
                                    entry.path("manager").asText(),
                                    entry.path("apiVersion").asText()));
                    cause.put("field", ".spec." + field.getKey());
                }
            }
        }
        return causes;
    }

    /** The API server's refusal: 409, reason Conflict, a summary message and the causes. */
    static MockResponse refusal(ArrayNode causes) {
        String each = StreamSupport.stream(causes.spliterator(), false)
                .map(c -> c.path("message").asText() + ": " + c.path("field").asText())
                .collect(Collectors.joining(", "));
        int count = causes.size();
        ObjectNode status = ApplyCapableCrudDispatcher.statusBody(
                409, "Conflict", "Apply failed with " + count + " conflict" + (count == 1 ? "" : "s") + ": " + each);
        status.putObject("details").set("causes", causes);
        return ApplyCapableCrudDispatcher.json(409, status);
    }

    /** A forced apply takes the spec keys it sends away from every other manager. */
    static void release(ObjectNode stored, JsonNode patch, String manager) {
        for (JsonNode entry : stored.path("metadata").path("managedFields")) {
            if (!manager.equals(entry.path("manager").asText())
                    && entry.path("fieldsV1").path("f:spec") instanceof ObjectNode owned) {
                patch.path("spec").fieldNames().forEachRemaining(key -> owned.remove("f:" + key));
            }
        }
    }

    /** Records in {@code manager}'s entry of {@code object} that it owns the spec keys of {@code patch}. */
    static void own(ObjectNode object, JsonNode patch, String manager) {
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            if (manager.equals(entry.path("manager").asText()) && entry instanceof ObjectNode mine) {
                mine.put("fieldsType", "FieldsV1");
                ObjectNode spec = mine.putObject("fieldsV1").putObject("f:spec");
                patch.path("spec").fieldNames().forEachRemaining(key -> spec.putObject("f:" + key));
            }
        }
    }
}

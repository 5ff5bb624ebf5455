package dev.trustmap.source.folder;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Walks a document alongside the fabric8 model class it becomes and lists the fields the class does not know (which
 * fabric8 would silently keep in {@code additionalProperties}, or drop next to an unwrapped property) and values of
 * the wrong shape (a number where a list belongs).
 */
final class SchemaChecker {
    private static final ObjectMapper INTROSPECTOR = new ObjectMapper();
    private static final Map<Class<?>, Map<String, JavaType>> PROPERTIES = new ConcurrentHashMap<>();
    private static final String UNWRAPPED_DESERIALIZER =
            "io.fabric8.kubernetes.model.jackson.JsonUnwrappedDeserializer";
    private static final int MAX_LISTED_FIELDS = 12;

    /**
     * Fields the API server prunes instead of rejecting, by model class and field name: Istio's WorkloadSelector has
     * only {@code matchLabels}, so {@code matchExpressions} is dropped and the selector may end up empty.
     */
    private static final Map<String, Set<String>> PRUNED =
            Map.of("io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector", Set.of("matchExpressions"));

    /** A field that does not fit the model. */
    record Problem(String path, String message) {}

    /** What the walk found: fields that do not fit, and fields the cluster would prune (their paths). */
    record Result(List<Problem> problems, List<String> pruned) {}

    private final Set<String> ignored;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> pruned = new ArrayList<>();

    private SchemaChecker(String base) {
        this.ignored = Set.of(
                FieldPaths.field(base, "status"),
                FieldPaths.field(FieldPaths.field(base, "metadata"), "managedFields"));
    }

    /**
     * Every unknown field and misshapen value of {@code document} read as {@code type}; {@code status} and
     * {@code metadata.managedFields} are not checked.
     *
     * @param base the path of the document inside its file, {@code ""} unless it is an item of a List
     */
    static Result check(JsonNode document, Class<?> type, String base) {
        SchemaChecker checker = new SchemaChecker(base);
        checker.checkValue(document, INTROSPECTOR.constructType(type), base);
        return new Result(List.copyOf(checker.problems), List.copyOf(checker.pruned));
    }

    private void checkValue(JsonNode node, JavaType type, String path) {
        if (node == null || node.isNull() || ignored.contains(path)) {
            return;
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            checkList(node, type.getContentType(), path);
        } else if (type.isMapLikeType()) {
            checkMap(node, type.getContentType(), path);
        } else if (isModelBean(type.getRawClass())) {
            checkObject(node, type.getRawClass(), path);
        } else if (type.isEnumType() && node.isTextual()) {
            checkEnum(node.asText(), type.getRawClass(), path);
        } else if (isScalar(type.getRawClass()) && node.isContainerNode()) {
            problems.add(
                    new Problem(path, "must be a single value, not a " + shape(node) + "; check the indentation."));
        }
    }

    private void checkList(JsonNode node, JavaType elementType, String path) {
        if (!node.isArray()) {
            problems.add(new Problem(path, "must be a list (lines starting with '- '), not a " + shape(node) + "."));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            checkValue(node.get(i), elementType, FieldPaths.index(path, i));
        }
    }

    /** fabric8's enums turn unknown values into null silently; Istio's schema only takes the exact names. */
    private void checkEnum(String value, Class<?> type, String path) {
        List<String> names = Stream.of(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .toList();
        if (names.contains(value)) {
            return;
        }
        String exact =
                names.stream().filter(value::equalsIgnoreCase).findFirst().orElse(null);
        String advice = exact != null ? "write it as " + exact : "use one of " + String.join(", ", names);
        problems.add(new Problem(path, "has the value '" + value + "', which is not allowed; " + advice + "."));
    }

    private void checkMap(JsonNode node, JavaType valueType, String path) {
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be a mapping of keys to values, not a " + shape(node) + "."));
            return;
        }
        boolean portKeys = valueType.getRawClass() == PeerAuthenticationMutualTLS.class;
        node.fields().forEachRemaining(e -> {
            String at = FieldPaths.field(path, e.getKey());
            if (portKeys && !isPortNumber(e.getKey())) {
                problems.add(new Problem(
                        at, "is not a port number; portLevelMtls is keyed by container port numbers (1 to 65535)."));
            }
            checkValue(e.getValue(), valueType, at);
        });
    }

    private static boolean isPortNumber(String key) {
        String digits = key.trim();
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65535;
    }

    private void checkObject(JsonNode node, Class<?> type, String path) {
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be a mapping of fields, not a " + shape(node) + "."));
            return;
        }
        Map<String, JavaType> known = propertiesOf(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String child = FieldPaths.field(path, field.getKey());
            JavaType fieldType = known.get(field.getKey());
            if (fieldType == null
                    && PRUNED.getOrDefault(type.getName(), Set.of()).contains(field.getKey())) {
                pruned.add(child);
            } else if (fieldType == null && !ignored.contains(child)) {
                problems.add(new Problem(child, unknownFieldMessage(field.getKey(), known.keySet())));
            } else if (fieldType != null) {
                checkValue(field.getValue(), fieldType, child);
            }
        }
    }

    private static String unknownFieldMessage(String name, Set<String> known) {
        String suggestion = Suggestions.closest(name, known);
        if (suggestion != null) {
            return "is not a known field here; did you mean " + suggestion + "?";
        }
        if (known.size() <= MAX_LISTED_FIELDS) {
            return "is not a known field here; remove it or use one of " + String.join(", ", known) + ".";
        }
        return "is not a known field here; remove it or check its spelling and indentation.";
    }

    /** Introspects outside the map: {@code introspect} recurses here, which computeIfAbsent forbids. */
    private static Map<String, JavaType> propertiesOf(Class<?> type) {
        Map<String, JavaType> known = PROPERTIES.get(type);
        if (known != null) {
            return known;
        }
        Map<String, JavaType> found = introspect(type);
        Map<String, JavaType> raced = PROPERTIES.putIfAbsent(type, found);
        return raced == null ? found : raced;
    }

    private static Map<String, JavaType> introspect(Class<?> type) {
        BeanDescription bean = INTROSPECTOR.getDeserializationConfig().introspect(INTROSPECTOR.constructType(type));
        Map<String, JavaType> properties = new TreeMap<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (isUnwrapped(property)) {
                unwrappedTypes(property.getRawPrimaryType()).forEach(sub -> properties.putAll(propertiesOf(sub)));
            } else {
                properties.put(property.getName(), property.getPrimaryType());
            }
        }
        return properties;
    }

    private static boolean isUnwrapped(BeanPropertyDefinition property) {
        return Stream.of(property.getGetter(), property.getSetter(), property.getField())
                .filter(member -> member != null)
                .map(member -> ((AnnotatedMember) member).getAnnotation(JsonUnwrapped.class))
                .anyMatch(annotation -> annotation != null && annotation.enabled());
    }

    private static List<Class<?>> unwrappedTypes(Class<?> type) {
        JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            return List.of(type);
        }
        return Stream.of(subTypes.value())
                .<Class<?>>map(JsonSubTypes.Type::value)
                .toList();
    }

    /** Whether a fabric8 class is a bean whose unknown fields land in its additional properties (asked per value). */
    private static final ClassValue<Boolean> MODEL_BEAN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeModelBean(type);
        }
    };

    private static boolean isModelBean(Class<?> type) {
        return MODEL_BEAN.get(type);
    }

    private static boolean computeModelBean(Class<?> type) {
        if (!type.getName().startsWith("io.fabric8.") || type.isEnum() || type.isInterface()) {
            return false;
        }
        JsonDeserialize custom = type.getAnnotation(JsonDeserialize.class);
        boolean plainDeserializer = custom == null
                || custom.using() == JsonDeserializer.None.class
                || custom.using().getName().equals(UNWRAPPED_DESERIALIZER);
        BeanDescription bean = INTROSPECTOR.getDeserializationConfig().introspect(INTROSPECTOR.constructType(type));
        return plainDeserializer && bean.findAnySetterAccessor() != null;
    }

    private static boolean isScalar(Class<?> type) {
        return type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class || type.isEnum();
    }

    private static String shape(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isObject()) {
            return "mapping";
        }
        return node.isTextual() ? "text value" : node.isNumber() ? "number" : "single value";
    }
}

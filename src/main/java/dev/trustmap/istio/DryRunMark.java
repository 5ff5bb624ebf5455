package dev.trustmap.istio;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Istio's {@code istio.io/dry-run} annotation: an AuthorizationPolicy carrying it is evaluated and logged, not
 * enforced.
 */
public final class DryRunMark {
    public static final String ANNOTATION = "istio.io/dry-run";
    /** The spellings Go's {@code strconv.ParseBool} reads as true; Istio reads anything else as "not dry-run". */
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private DryRunMark() {}

    /** Whether annotations make a policy dry-run. */
    public static boolean isSet(Map<String, String> annotations) {
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        return value != null && TRUE.contains(value);
    }

    /** Whether the object is an AuthorizationPolicy marked dry-run. */
    public static boolean isSet(HasMetadata object) {
        return "AuthorizationPolicy".equals(object.getKind())
                && object.getMetadata() != null
                && isSet(object.getMetadata().getAnnotations());
    }

    /**
     * The objects as they would be enforced: dry-run AuthorizationPolicies copied without the mark (the originals are
     * not changed). The same list when none is marked.
     */
    public static List<HasMetadata> removed(List<HasMetadata> objects) {
        if (objects.stream().noneMatch(DryRunMark::isSet)) {
            return objects;
        }
        List<HasMetadata> enforced = new ArrayList<>(objects.size());
        for (HasMetadata object : objects) {
            if (isSet(object)) {
                HasMetadata copy = SERIALIZATION.clone(object);
                copy.getMetadata().getAnnotations().remove(ANNOTATION);
                enforced.add(copy);
            } else {
                enforced.add(object);
            }
        }
        return enforced;
    }
}

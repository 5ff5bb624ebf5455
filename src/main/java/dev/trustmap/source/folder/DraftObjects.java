package dev.trustmap.source.folder;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The policies of a draft folder, with what was left out or assumed.
 *
 * @param policies the AuthorizationPolicies, PeerAuthentications, RequestAuthentications and DestinationRules, in
 *     file order, each with a namespace
 * @param warnings one sentence per object ignored (another kind) or namespace assumed, each starting with
 *     {@code file:line}
 * @param withoutNamespace how many policies had no {@code metadata.namespace} and were given the default one
 */
public record DraftObjects(List<HasMetadata> policies, List<String> warnings, int withoutNamespace) {
    /** The kinds a draft holds, for messages. */
    public static final String KINDS =
            "AuthorizationPolicy, PeerAuthentication, RequestAuthentication and" + " DestinationRule";

    /** How many ignored objects are named one by one; more are summed up by kind. */
    private static final int LISTED = 3;

    public DraftObjects {
        policies = List.copyOf(policies);
        warnings = List.copyOf(warnings);
    }

    static DraftObjects of(List<ParsedResource> resources, String defaultNamespace, String origin)
            throws ManifestException {
        List<HasMetadata> policies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int withoutNamespace = 0;
        for (ParsedResource resource : resources) {
            HasMetadata object = resource.object();
            if (!MeshAssembler.isPolicy(object)) {
                continue;
            }
            String namespace = object.getMetadata().getNamespace();
            if (namespace == null || namespace.isBlank()) {
                object.getMetadata().setNamespace(defaultNamespace);
                withoutNamespace++;
                warnings.add(String.format(
                        "%s: %s %s has no metadata.namespace; assumed namespace '%s'.",
                        resource.location(),
                        object.getKind(),
                        object.getMetadata().getName(),
                        defaultNamespace));
            }
            policies.add(object);
        }
        DuplicateCheck.check(resources);
        List<ParsedResource> ignored = resources.stream()
                .filter(r -> !MeshAssembler.isPolicy(r.object()))
                .toList();
        if (ignored.size() > LISTED) {
            warnings.add(String.format(
                    "%d objects are ignored (%s; the first at %s): Trustmap drafts only %s. Is this the manifests"
                            + " folder rather than the draft?",
                    ignored.size(), kindCounts(ignored), ignored.get(0).location(), KINDS));
        } else {
            for (ParsedResource resource : ignored) {
                warnings.add(String.format(
                        "%s: %s is ignored: Trustmap drafts only %s.",
                        resource.location(), DuplicateCheck.describe(resource.object()), KINDS));
            }
        }
        if (policies.isEmpty()) {
            String others = resources.isEmpty()
                    ? ""
                    : resources.stream()
                                    .limit(LISTED)
                                    .map(r -> DuplicateCheck.describe(r.object()) + " at " + r.location())
                                    .collect(Collectors.joining(", ", " (only ", ""))
                            + (resources.size() > LISTED ? " and " + (resources.size() - LISTED) + " more)" : ")");
            throw new ManifestException(
                    origin,
                    0,
                    null,
                    "holds no " + KINDS.replace(" and ", " or ") + others
                            + "; there is nothing to draft. Check the path to the draft.");
        }
        return new DraftObjects(policies, warnings, withoutNamespace);
    }

    /** {@code Deployment ×8, Service ×8, Namespace ×1}: most frequent first. */
    private static String kindCounts(List<ParsedResource> resources) {
        Map<String, Long> counts = resources.stream()
                .collect(Collectors.groupingBy(r -> r.object().getKind(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " \u00d7" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}

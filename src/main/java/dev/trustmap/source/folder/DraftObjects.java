package dev.trustmap.source.folder;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
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
        for (ParsedResource resource : resources) {
            if (!MeshAssembler.isPolicy(resource.object())) {
                warnings.add(String.format(
                        "%s: %s is ignored: Trustmap drafts only %s.",
                        resource.location(), DuplicateCheck.describe(resource.object()), KINDS));
            }
        }
        if (policies.isEmpty()) {
            String others = resources.isEmpty()
                    ? ""
                    : resources.stream()
                            .map(r -> DuplicateCheck.describe(r.object()) + " at " + r.location())
                            .collect(Collectors.joining(", ", " (only ", ")"));
            throw new ManifestException(
                    origin,
                    0,
                    null,
                    "holds no " + KINDS.replace(" and ", " or ") + others
                            + "; there is nothing to draft. Check the path to the draft.");
        }
        return new DraftObjects(policies, warnings, withoutNamespace);
    }
}

package dev.trustmap.analysis;

import dev.trustmap.analysis.LeastPrivilegeReport.Destination;
import dev.trustmap.analysis.LeastPrivilegeReport.Gap;
import dev.trustmap.analysis.LeastPrivilegeReport.GapKind;
import dev.trustmap.engine.Engine;
import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The existing ALLOW policies with rules that select workloads a least-privilege draft covers. Istio allows a request
 * that any ALLOW matches, so beside the drafted ALLOWs they keep granting what they grant: they are reported, or, on
 * request, deleted in the draft. A policy is deleted only when every workload it selects is covered (a drafted
 * destination, or a workload of a namespace drafted whole) and, without it, each of them is still under some ALLOW,
 * so deleting it never leaves a workload open to every caller.
 */
final class OtherAllows {
    private final Engine engine;
    private final Set<String> covered = new TreeSet<>();
    /** Policy {@code namespace/name} to the covered workloads it selects. */
    private final Map<String, List<String>> selecting = new TreeMap<>();

    /**
     * @param destinations the destinations the draft grants access to, each with its drafted ALLOW
     * @param namespaces the namespaces drafted whole (empty when the draft is for chosen workloads)
     */
    OtherAllows(Engine engine, List<Destination> destinations, Set<String> namespaces) {
        this.engine = engine;
        Map<String, String> draftedAllow = new LinkedHashMap<>();
        destinations.forEach(d -> draftedAllow.put(d.workload(), d.allow()));
        for (Workload workload : engine.snapshot().workloads()) {
            if (draftedAllow.containsKey(workload.id()) || namespaces.contains(workload.namespace())) {
                covered.add(workload.id());
                String replaced = draftedAllow.get(workload.id());
                for (AuthzPolicy policy : engine.policiesSelecting(workload)) {
                    if (grants(policy) && !isNamed(policy, workload.namespace(), replaced)) {
                        selecting
                                .computeIfAbsent(policy.ref(), k -> new ArrayList<>())
                                .add(workload.id());
                    }
                }
            }
        }
    }

    /**
     * The policies to delete (none unless {@code replace}), and a gap for each one kept.
     *
     * @param draftObjects what the draft adds, to check that no workload is left without an ALLOW
     */
    List<HasMetadata> settle(boolean replace, List<HasMetadata> draftObjects, List<Gap> gaps) {
        Map<String, HasMetadata> deletions = new LinkedHashMap<>();
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, Set<String>> uncovered = replace ? alsoSelected() : Map.of();
        selecting.forEach((ref, selected) -> {
            Set<String> others = uncovered.getOrDefault(ref, Set.of());
            if (!replace) {
                kept.put(
                        ref,
                        "review it, and delete it in the draft (or generate with replace-allows) once the drafted"
                                + " ALLOWs are checked");
            } else if (!others.isEmpty()) {
                kept.put(
                        ref,
                        "it is kept, as it also selects " + String.join(", ", others)
                                + ", which the draft does not cover");
            } else {
                policyObject(ref).ifPresent(object -> deletions.put(ref, object));
            }
        });
        Set<String> open = leftWithoutAllow(deletions, draftObjects);
        for (String ref : List.copyOf(deletions.keySet())) {
            List<String> opened =
                    selecting.get(ref).stream().filter(open::contains).toList();
            if (!opened.isEmpty()) {
                deletions.remove(ref);
                kept.put(
                        ref,
                        "it is kept, as without it " + String.join(", ", opened)
                                + " would be under no ALLOW at all and open to every caller");
            }
        }
        kept.forEach((ref, why) -> gaps.add(new Gap(
                GapKind.OTHER_ALLOW_REMAINS,
                ref,
                "the existing ALLOW " + ref + " also selects " + String.join(", ", selecting.get(ref))
                        + " and stays in force: Istio allows a request that any ALLOW matches, so it may allow more"
                        + " than was observed; " + why)));
        return List.copyOf(deletions.values());
    }

    /** The covered workloads that no enforced ALLOW selects once the deletions and the draft are laid over the mesh. */
    private Set<String> leftWithoutAllow(Map<String, HasMetadata> deletions, List<HasMetadata> draftObjects) {
        Set<String> open = new TreeSet<>();
        if (deletions.isEmpty()) {
            return open;
        }
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        engine.snapshot().policies().forEach(p -> byKey.put(ResourceKey.of(p), p));
        deletions.values().forEach(p -> byKey.remove(ResourceKey.of(p)));
        draftObjects.forEach(p -> byKey.put(ResourceKey.of(p), p));
        Engine after = Engine.of(engine.snapshot().withPolicies(List.copyOf(byKey.values())));
        for (Workload workload : after.snapshot().workloads()) {
            boolean underAllow = after.policiesSelecting(workload).stream()
                    .anyMatch(p -> p.action() == Action.ALLOW && !p.dryRun() && p.invalid() == null);
            if (covered.contains(workload.id()) && !underAllow) {
                open.add(workload.id());
            }
        }
        return open;
    }

    /** An enforced ALLOW with rules: it grants someone something. */
    private static boolean grants(AuthzPolicy policy) {
        return policy.action() == Action.ALLOW
                && !policy.dryRun()
                && policy.invalid() == null
                && !policy.rules().isEmpty();
    }

    private static boolean isNamed(AuthzPolicy policy, String namespace, String name) {
        return name != null
                && policy.namespace().equals(namespace)
                && policy.name().equals(name);
    }

    /** Per policy of {@link #selecting}, the workloads outside the draft it selects too: one pass over the mesh. */
    private Map<String, Set<String>> alsoSelected() {
        Map<String, Set<String>> others = new TreeMap<>();
        for (Workload workload : engine.snapshot().workloads()) {
            if (covered.contains(workload.id())) {
                continue;
            }
            for (AuthzPolicy policy : engine.policiesSelecting(workload)) {
                if (selecting.containsKey(policy.ref())) {
                    others.computeIfAbsent(policy.ref(), k -> new TreeSet<>()).add(workload.id());
                }
            }
        }
        return others;
    }

    private Optional<HasMetadata> policyObject(String ref) {
        MeshSnapshot snapshot = engine.snapshot();
        return snapshot.policies().stream()
                .filter(p -> "AuthorizationPolicy".equals(p.getKind())
                        && ref.equals(p.getMetadata().getNamespace() + "/"
                                + p.getMetadata().getName()))
                .findFirst();
    }
}

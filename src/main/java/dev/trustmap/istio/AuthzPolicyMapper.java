package dev.trustmap.istio;

import dev.trustmap.mesh.MeshConfig;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyProvider;
import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.api.type.v1beta1.PolicyTargetReference;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles a fabric8 AuthorizationPolicy into the engine's {@link AuthzPolicy}. */
public final class AuthzPolicyMapper {
    static final String DRY_RUN = DryRunMark.ANNOTATION;

    private final MeshConfig meshConfig;

    public AuthzPolicyMapper(MeshConfig meshConfig) {
        this.meshConfig = meshConfig;
    }

    public AuthzPolicy map(AuthorizationPolicy resource) {
        var meta = resource.getMetadata();
        var spec = resource.getSpec() == null
                ? new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy()
                : resource.getSpec();
        Action action = spec.getAction() == null
                ? Action.ALLOW
                : Action.valueOf(spec.getAction().name());
        String provider = provider(spec.getActionDetail());
        List<PolicyTargetReference> targets = targets(spec);
        Map<String, String> selector = PolicyCompiler.matchLabels(spec.getSelector());
        ClauseCompiler clauses = new ClauseCompiler(meshConfig, meta.getNamespace());
        List<AuthzRule> rules = new ArrayList<>();
        List<Rule> specRules = spec.getRules() == null ? List.of() : spec.getRules();
        for (int i = 0; i < specRules.size(); i++) {
            rules.add(rule(clauses, i, specRules.get(i)));
        }
        return new AuthzPolicy(
                meta.getNamespace(),
                meta.getName(),
                action,
                provider,
                selector,
                gatewayNames(targets),
                !targets.isEmpty(),
                isDryRun(meta.getAnnotations()),
                rules,
                Timestamps.created(meta),
                invalid(action, provider, selector, targets));
    }

    private static String invalid(Action action, String provider, Map<String, String> selector, List<?> targets) {
        if (action == Action.CUSTOM && (provider == null || provider.isBlank())) {
            return "action CUSTOM needs provider.name";
        }
        if (selector != null && !selector.isEmpty() && !targets.isEmpty()) {
            return "selector and targetRefs cannot both be set";
        }
        return null;
    }

    private static boolean isDryRun(Map<String, String> annotations) {
        return DryRunMark.isSet(annotations);
    }

    private static String provider(Object detail) {
        if (detail instanceof AuthorizationPolicyProvider p && p.getProvider() != null) {
            return p.getProvider().getName();
        }
        return null;
    }

    private static List<PolicyTargetReference> targets(
            io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy spec) {
        List<PolicyTargetReference> all = new ArrayList<>();
        if (spec.getTargetRef() != null) {
            all.add(spec.getTargetRef());
        }
        if (spec.getTargetRefs() != null) {
            all.addAll(spec.getTargetRefs());
        }
        return all;
    }

    private static List<String> gatewayNames(List<PolicyTargetReference> targets) {
        return targets.stream()
                .filter(t -> "Gateway".equals(t.getKind()))
                .map(PolicyTargetReference::getName)
                .toList();
    }

    /** The rule compiled, or skipped naming every entry Istio would reject (not just the first). */
    private AuthzRule rule(ClauseCompiler clauses, int index, Rule rule) {
        String at = "spec.rules[" + index + "]";
        if (rule == null) {
            return AuthzRule.skipped(index, at + " is empty (null)");
        }
        List<String> problems = new ArrayList<>();
        List<List<Clause>> from = new ArrayList<>();
        List<RuleFrom> froms = rule.getFrom() == null ? List.of() : rule.getFrom();
        for (int i = 0; i < froms.size(); i++) {
            RuleFrom entry = froms.get(i);
            String entryAt = at + ".from[" + i + "]";
            collect(problems, () -> {
                require(entry != null && entry.getSource() != null, entryAt + " has no source");
                from.add(source(clauses, entry.getSource(), entryAt + ".source"));
            });
        }
        List<List<Clause>> to = new ArrayList<>();
        List<RuleTo> tos = rule.getTo() == null ? List.of() : rule.getTo();
        for (int i = 0; i < tos.size(); i++) {
            RuleTo entry = tos.get(i);
            String entryAt = at + ".to[" + i + "]";
            collect(problems, () -> {
                require(entry != null && entry.getOperation() != null, entryAt + " has no operation");
                to.add(operation(clauses, entry.getOperation(), entryAt + ".operation"));
            });
        }
        List<Clause> when = new ArrayList<>();
        List<Condition> conditions = rule.getWhen() == null ? List.of() : rule.getWhen();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String entryAt = at + ".when[" + i + "]";
            collect(problems, () -> {
                require(c != null, entryAt + " is empty (null)");
                clauses.addCondition(when, c.getKey(), c.getValues(), c.getNotValues(), entryAt);
            });
        }
        return problems.isEmpty()
                ? AuthzRule.of(index, from, to, when)
                : AuthzRule.skipped(index, String.join("; ", problems));
    }

    /** Runs one entry's compilation, noting why it is rejected instead of stopping at it. */
    private static void collect(List<String> problems, Runnable entry) {
        try {
            entry.run();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static List<Clause> source(ClauseCompiler c, Source s, String at) {
        List<Clause> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        c.add(out, Attribute.PRINCIPAL, false, s.getPrincipals(), at + ".principals");
        c.add(out, Attribute.PRINCIPAL, true, s.getNotPrincipals(), at + ".notPrincipals");
        c.add(out, Attribute.REQUEST_PRINCIPAL, false, s.getRequestPrincipals(), at + ".requestPrincipals");
        c.add(out, Attribute.REQUEST_PRINCIPAL, true, s.getNotRequestPrincipals(), at + ".notRequestPrincipals");
        c.add(out, Attribute.NAMESPACE, false, s.getNamespaces(), at + ".namespaces");
        c.add(out, Attribute.NAMESPACE, true, s.getNotNamespaces(), at + ".notNamespaces");
        c.add(out, Attribute.SERVICE_ACCOUNT, false, s.getServiceAccounts(), at + ".serviceAccounts");
        c.add(out, Attribute.SERVICE_ACCOUNT, true, s.getNotServiceAccounts(), at + ".notServiceAccounts");
        c.add(out, Attribute.SOURCE_IP, false, s.getIpBlocks(), at + ".ipBlocks");
        c.add(out, Attribute.SOURCE_IP, true, s.getNotIpBlocks(), at + ".notIpBlocks");
        c.add(out, Attribute.REMOTE_IP, false, s.getRemoteIpBlocks(), at + ".remoteIpBlocks");
        c.add(out, Attribute.REMOTE_IP, true, s.getNotRemoteIpBlocks(), at + ".notRemoteIpBlocks");
        return out;
    }

    private static List<Clause> operation(ClauseCompiler c, Operation o, String at) {
        List<Clause> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        c.add(out, Attribute.HOST, false, o.getHosts(), at + ".hosts");
        c.add(out, Attribute.HOST, true, o.getNotHosts(), at + ".notHosts");
        c.add(out, Attribute.DESTINATION_PORT, false, o.getPorts(), at + ".ports");
        c.add(out, Attribute.DESTINATION_PORT, true, o.getNotPorts(), at + ".notPorts");
        c.add(out, Attribute.METHOD, false, o.getMethods(), at + ".methods");
        c.add(out, Attribute.METHOD, true, o.getNotMethods(), at + ".notMethods");
        c.add(out, Attribute.PATH, false, o.getPaths(), at + ".paths");
        c.add(out, Attribute.PATH, true, o.getNotPaths(), at + ".notPaths");
        return out;
    }
}

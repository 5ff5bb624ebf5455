package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * TM206: path matches that leave sub-paths open. In a DENY, a prefix in {@code notPaths} ({@code /admin/status*})
 * exempts every path under it ({@code /admin/status/replay}) and an exact {@code paths} value ({@code /admin}) denies
 * neither {@code /admin/} nor {@code /admin/users} (unless the list has {@code /admin/*} too), and {@code /admin/*}
 * alone leaves {@code /admin} itself open; in an ALLOW, an exact {@code notPaths} value excludes only itself.
 */
public final class SubPathChecker implements Checker {

    @Override
    public String code() {
        return "TM206";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Path match leaves sub-paths open";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            if (!MeshContext.enforced(policy)) {
                continue;
            }
            for (AuthzRule rule : policy.rules()) {
                for (Clause clause : rule.to().stream().flatMap(List::stream).toList()) {
                    if (clause.attribute() == Attribute.PATH) {
                        check(policy, clause, findings);
                    }
                }
            }
        }
        return findings;
    }

    private void check(AuthzPolicy policy, Clause clause, List<Finding> out) {
        String resource = ResourceRefs.of(policy);
        List<String> values = clause.values().stream().map(ValueMatcher::raw).toList();
        for (String value : values) {
            if (policy.action() == Action.DENY && clause.negated() && prefix(value)) {
                String base = value.substring(0, value.length() - 1);
                out.add(finding(
                        resource,
                        clause.path(),
                        "notPaths \"" + value + "\" is a prefix: it exempts every path starting with " + base
                                + ", such as " + example(base) + " and " + base + "-x, from the DENY",
                        "list the exempted paths exactly: notPaths: [\"" + base.replaceAll("/$", "") + "\"]"));
            } else if (policy.action() == Action.DENY && !clause.negated() && subPathsOnly(value, values)) {
                String base = value.substring(0, value.length() - 2);
                out.add(finding(
                        resource,
                        clause.path(),
                        "paths \"" + value + "\" matches only below " + base + "/: " + base + " itself is not denied",
                        "deny the path itself too: paths: [\"" + base + "\", \"" + value + "\"]"));
            } else if (policy.action() == Action.DENY && !clause.negated() && uncovered(value, values)) {
                out.add(finding(
                        resource,
                        clause.path(),
                        "paths \"" + value + "\" is exact: " + value + "/ and " + example(value) + " are not denied",
                        "deny the sub-paths too: paths: [\"" + value + "\", \"" + value + "/*\"]"));
            } else if (policy.action() == Action.ALLOW && clause.negated() && uncovered(value, values)) {
                out.add(finding(
                        resource,
                        clause.path(),
                        "notPaths \"" + value + "\" is exact: only " + value + " itself is excluded, " + example(value)
                                + " stays allowed",
                        "exclude the sub-paths too: notPaths: [\"" + value + "\", \"" + value + "/*\"]"));
            }
        }
    }

    private static boolean prefix(String value) {
        return value.length() > 1 && value.endsWith("*") && !value.startsWith("*");
    }

    /** An exact value whose sub-paths no other value of the same list matches ({@code /admin/*}, {@code /admin*}). */
    private static boolean uncovered(String value, List<String> values) {
        return exact(value) && !values.contains(value + "/*") && !values.contains(value + "*");
    }

    /** {@code /admin/*} without {@code /admin} (or {@code /admin*}) in the same list: {@code /admin} stays open. */
    private static boolean subPathsOnly(String value, List<String> values) {
        if (!value.endsWith("/*") || value.length() < 3 || value.startsWith("*")) {
            return false;
        }
        String base = value.substring(0, value.length() - 2);
        return !values.contains(base) && !values.contains(base + "*");
    }

    private static boolean exact(String value) {
        return !value.contains("*") && !value.contains("{") && !value.endsWith("/");
    }

    private static String example(String base) {
        return (base.endsWith("/") ? base : base + "/") + "anything";
    }
}

package dev.trustmap.engine;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.RequestPrincipalMatch;
import dev.trustmap.istio.ValueMatcher;
import java.util.List;

/**
 * Matches compiled rules against a request with three-valued logic. Sources are ORed, operations are ORed, and
 * from, to and when are ANDed; the fields of one source or operation are ANDed. On TCP traffic a rule with an
 * HTTP-only field is dropped from ALLOW policies, while other actions ignore that field (so it matches more).
 */
final class RuleMatcher {
    private RuleMatcher() {}

    /** Evaluates one rule; {@code trace} may be null when no explanation is wanted. */
    static Tri rule(AuthzRule rule, Action action, RequestContext ctx, Trace trace) {
        if (rule.invalid() != null) {
            note(trace, Tri.FALSE, "rule is skipped by the proxy: " + rule.invalid());
            return Tri.FALSE;
        }
        if (ctx.tcp && rule.httpOnly() && action == Action.ALLOW) {
            note(trace, Tri.FALSE, "rule uses HTTP-only fields, so it is dropped for TCP traffic");
            return Tri.FALSE;
        }
        Tri result = anyOf(rule.from(), ctx, trace);
        if (result == Tri.FALSE) {
            return result;
        }
        result = result.and(anyOf(rule.to(), ctx, trace));
        if (result == Tri.FALSE) {
            return result;
        }
        return result.and(allOf(rule.when(), ctx, trace));
    }

    private static Tri anyOf(List<List<Clause>> alternatives, RequestContext ctx, Trace trace) {
        if (alternatives.isEmpty()) {
            return Tri.TRUE;
        }
        Tri result = Tri.FALSE;
        for (List<Clause> alternative : alternatives) {
            result = result.or(allOf(alternative, ctx, trace));
            if (result == Tri.TRUE) {
                return result;
            }
        }
        return result;
    }

    private static Tri allOf(List<Clause> clauses, RequestContext ctx, Trace trace) {
        Tri result = Tri.TRUE;
        for (Clause clause : clauses) {
            if (ctx.tcp && clause.attribute().httpOnly()) {
                note(trace, Tri.TRUE, shortPath(clause) + " is HTTP-only and ignored for TCP traffic");
                continue;
            }
            result = result.and(clause(clause, ctx, trace));
            if (result == Tri.FALSE) {
                return result;
            }
        }
        return result;
    }

    static Tri clause(Clause clause, RequestContext ctx, Trace trace) {
        List<String> values = ctx.values(clause);
        if (values == RequestContext.UNKNOWN) {
            note(trace, Tri.UNKNOWN, clause.describeField(shortPath(clause)) + " " + clause.describeValues());
            return Tri.UNKNOWN;
        }
        boolean any = values != null && anyMatch(clause.values(), values);
        Tri result = Tri.of(clause.negated() != any);
        if (trace != null) {
            note(trace, result, describe(clause, values, result));
        }
        return result;
    }

    private static boolean anyMatch(List<ValueMatcher> matchers, List<String> values) {
        for (String value : values) {
            for (ValueMatcher matcher : matchers) {
                if (matcher.matches(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Clause clause, List<String> values, Tri result) {
        String field = clause.describeField(shortPath(clause)) + " " + clause.describeValues();
        if (values == null) {
            return field + (result == Tri.TRUE ? " holds: " : " fails: ") + absence(clause.attribute());
        }
        String actual = values.size() == 1 ? shown(clause, values.get(0)) : String.valueOf(values);
        return field + (result == Tri.TRUE ? " holds for " : " fails for ") + actual;
    }

    private static String shown(Clause clause, String value) {
        return "'" + (clause.attribute() == Attribute.REQUEST_PRINCIPAL ? RequestPrincipalMatch.display(value) : value)
                + "'";
    }

    private static String absence(Attribute attribute) {
        if (attribute.needsPeerIdentity()) {
            return "no mTLS peer identity (plaintext connection)";
        }
        switch (attribute) {
            case HEADER:
                return "header absent";
            case SNI:
                return "no SNI (plaintext connection)";
            case REQUEST_PRINCIPAL:
            case AUDIENCE:
            case PRESENTER:
            case CLAIM:
                return "no verified JWT with that claim";
            default:
                return "no value";
        }
    }

    private static String shortPath(Clause clause) {
        String path = clause.path();
        int rules = path.indexOf("].");
        return path.startsWith("spec.rules[") && rules > 0 ? path.substring(rules + 2) : path;
    }

    private static void note(Trace trace, Tri result, String text) {
        if (trace == null) {
            return;
        }
        switch (result) {
            case TRUE:
                trace.matched.add(text);
                break;
            case FALSE:
                trace.failed.add(text);
                break;
            default:
                trace.unknown.add(text);
        }
    }
}

package dev.trustmap.analysis.findings;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every checker over a mesh and returns their findings, most severe first. */
public final class FindingValidator {
    private static final Logger LOG = LoggerFactory.getLogger(FindingValidator.class);

    private final List<Checker> checkers;

    /** A validator with every built-in checker. */
    public FindingValidator() {
        this(all());
    }

    /** A validator with the given checkers. */
    public FindingValidator(List<Checker> checkers) {
        this.checkers = List.copyOf(checkers);
    }

    /** The built-in checkers, by code. */
    public static List<Checker> all() {
        return List.of(
                new DefaultDenyChecker(),
                new UndecidedReachChecker(),
                new PermissiveMtlsChecker(),
                new SidecarlessReceiverChecker(),
                new BrokenEdgeChecker(),
                new WildcardSourceChecker(),
                new EmptyRuleChecker(),
                new PlaintextIdentityChecker(),
                new RootSelectorPeerAuthnChecker(),
                new SelectorChecker(),
                new MatchExpressionsChecker(),
                new HttpOnTcpChecker(),
                new SubPathChecker(),
                new HostsWithoutPortChecker(),
                new PortLevelMtlsChecker(),
                new DestinationRuleTlsChecker(),
                new RootAllowNothingChecker(),
                new TargetRefsChecker(),
                new UnknownReferenceChecker(),
                new CompetingPeerAuthnChecker(),
                new InvalidPolicyChecker(),
                new MethodCaseChecker());
    }

    public List<Checker> checkers() {
        return checkers;
    }

    /** Every checker's findings, sorted by {@link Finding#ORDER}. */
    public List<Finding> validate(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (Checker checker : checkers) {
            List<Finding> found = checker.check(ctx);
            LOG.debug("{} found {}", checker.code(), found.size());
            findings.addAll(found);
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}

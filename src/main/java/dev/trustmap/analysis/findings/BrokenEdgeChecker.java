package dev.trustmap.analysis.findings;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.engine.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * TM105: observed traffic whose connection breaks (client and server disagree on TLS): requests die before
 * authorization. Needs observed traffic.
 */
public final class BrokenEdgeChecker implements Checker {

    @Override
    public String code() {
        return "TM105";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Observed traffic on a broken connection";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        Assessment assessment = ctx.assessment().orElse(null);
        if (assessment == null) {
            return findings;
        }
        for (EdgeAssessment edge : assessment.edges()) {
            if (edge.verdict().connection().connection() == Connection.BROKEN) {
                findings.add(finding(
                                ResourceRefs.of(edge.request().to()),
                                "",
                                "observed traffic " + edge.edge().sourceId() + " -> "
                                        + edge.edge().destinationId() + ":"
                                        + edge.edge().port() + " breaks: "
                                        + edge.verdict().connection().reason(),
                                "give the client a sidecar, or relax the server's PeerAuthentication for this port"
                                        + " only if plaintext is acceptable")
                        .aboutEdge(edge.edge().sourceId() + " -> " + edge.edge().destinationId() + ":"
                                + edge.edge().port()));
            }
        }
        return findings;
    }
}

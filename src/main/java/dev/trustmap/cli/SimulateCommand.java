package dev.trustmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.scenario.RequestText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustmap simulate}: decides one request against a folder of manifests and explains the verdict. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Decides one request against a folder of manifests and explains the verdict. Shows the connection"
                    + " (mTLS, plaintext or broken) with the PeerAuthentication and DestinationRule behind it, then"
                    + " the authorization decision with the deciding policy and rule.",
            "",
            "Request details you leave out (method, path, host, headers) are unknown: the decision may then be"
                    + " CONDITIONAL, naming what it depends on. Without --claim or --jwt-claims the request carries"
                    + " no JWT (a bearer authorization header alone stands for a token that does not verify)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the request is allowed",
            "1:the request is denied (by policy, or the connection breaks)",
            "2:bad input (manifests, options, unknown workload or port) or internal error",
            "3:conditional: allowed only for some requests (see conditions)"
        })
final class SimulateCommand extends BaseCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--manifests",
            required = true,
            paramLabel = "DIR",
            description = "Folder (or file) of Kubernetes and Istio manifests; repeatable.")
    List<Path> manifests;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "NS/WORKLOAD",
            description = "Sender; external:IP for a client outside the cluster.")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "NS/WORKLOAD:PORT",
            description = "Receiver and the Service port dialled (the container port with --via-pod-ip).")
    String to;

    @Option(names = "--via-pod-ip", description = "Dial the pod IP: no Service, so no auto mTLS.")
    boolean viaPodIp;

    @Option(names = "--protocol", paramLabel = "HTTP|GRPC|TCP", description = "Protocol spoken; default: the port's.")
    RequestProtocol protocol;

    @Option(names = "--method", description = "HTTP method.")
    String method;

    @Option(names = "--path", description = "Request path, query string included.")
    String path;

    @Option(names = "--host", description = "Host / :authority exactly as sent.")
    String host;

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "A request header; repeatable.")
    List<String> headers;

    @Option(
            names = "--claim",
            paramLabel = "KEY=VALUE",
            description = "A claim of a correctly signed JWT; repeatable (a repeated key becomes a list).")
    List<String> claims;

    @Option(
            names = "--jwt-claims",
            paramLabel = "JSON",
            description = "Claims of a correctly signed JWT as a JSON object.")
    String jwtClaims;

    @Option(names = "--json", description = "Print the verdict as one JSON object.")
    boolean json;

    /** The protocols a request can name. */
    enum RequestProtocol {
        HTTP,
        GRPC,
        TCP
    }

    @Override
    protected int run() throws ManifestException, BadInputException {
        Options options = options();
        AssembledMesh mesh = FolderSource.loadFiles(manifestFiles());
        reportSkipped(mesh.skippedKinds());
        mesh.warnings().forEach(w -> err().println("warning: " + w));

        Request request = request(mesh.snapshot(), options);
        Verdict verdict = Engine.of(mesh.snapshot()).evaluate(request);
        if (json) {
            printJson(request, verdict);
        } else {
            printText(request, verdict);
        }
        return exitCode(verdict.decision());
    }

    private List<Path> manifestFiles() throws ManifestException, BadInputException {
        List<Path> files = FolderSource.manifestFiles(manifests);
        if (files.isEmpty()) {
            throw new BadInputException("no .yaml, .yml or .json files in "
                    + manifests.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        return files;
    }

    /** The option values that need no manifests, checked before the (possibly slow) loading. */
    private record Options(
            SimulateRequests.Sender sender, SimulateRequests.Target target, Map<String, String> headers, Jwt jwt) {}

    private Options options() throws BadInputException {
        SimulateRequests.Sender sender = SimulateRequests.sender(from);
        SimulateRequests.Target target = SimulateRequests.target(to);
        Map<String, String> headerMap = SimulateRequests.headers(headers);
        return new Options(sender, target, headerMap, SimulateRequests.jwt(jwtClaims, claims, headerMap));
    }

    private Request request(MeshSnapshot snapshot, Options options) throws BadInputException {
        Peer sender = SimulateRequests.from(snapshot, options.sender());
        SimulateRequests.Target target = options.target();
        Workload destination = SimulateRequests.workload(snapshot, target.namespace(), target.workload(), "--to");
        Service service = viaPodIp ? null : SimulateRequests.service(snapshot, destination, target.port());
        Protocol spoken = protocol == null ? null : Protocol.valueOf(protocol.name());
        return new Request(
                sender,
                destination,
                service,
                target.port(),
                spoken,
                method,
                path,
                host,
                options.headers(),
                options.jwt());
    }

    private void printText(Request request, Verdict verdict) {
        out().println("request:     " + RequestText.describe(request)
                + (request.service() == null
                        ? ""
                        : " (Service " + request.service().name() + ")"));
        out().println("decision:    " + verdict.decision());
        out().println("connection:  " + verdict.connection().connection().label() + " (mtls=" + verdict.mtls() + ")");
        String action =
                verdict.authz().action() == null ? "" : " (" + verdict.authz().action() + ")";
        String summary = verdict.authz().noAllowMatchSummary();
        out().println("policy:      " + (summary != null ? summary : VerdictFormat.policy(verdict.authz()) + action));
        out().println("reason:      " + verdict.authz().details());
        verdict.authz().conditions().forEach(c -> out().println("condition:   " + c));
        out().println("http status: " + verdict.httpStatus());
        out().println("mTLS:        " + VerdictFormat.mtlsExplanation(verdict.connection()));
        out().println("             " + verdict.connection().reason());
    }

    private void printJson(Request request, Verdict verdict) {
        ObjectNode node = JSON.createObjectNode();
        node.put("request", RequestText.describe(request));
        node.put("service", request.service() == null ? null : request.service().name());
        node.setAll(VerdictFormat.json(verdict));
        try {
            out().println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verdict as JSON", e);
        }
    }

    private static int exitCode(Decision decision) {
        switch (decision) {
            case ALLOW:
                return ExitCodes.OK;
            case CONDITIONAL:
                return ExitCodes.CONDITIONAL;
            default:
                return ExitCodes.MISMATCH_OR_DENY;
        }
    }
}

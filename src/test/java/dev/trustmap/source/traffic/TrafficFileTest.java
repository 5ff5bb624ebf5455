package dev.trustmap.source.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.scenario.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficFileTest {
    private static final String HEADER = """
            apiVersion: trustmap.dev/v1
            kind: Traffic
            metadata: {name: t}
            window: 5m
            observedAt: 2025-01-15T10:00:00Z
            edges:
            """;
    private static final String EDGE = """
              - from: shop/web
                to: shop/db
                service: db
                port: 5432
                protocol: TCP
                rps: 3
            """;

    @Nested
    class TheBookinfoSample {
        private final Path folder = TestFiles.resource("/traffic/bookinfo");

        @Test
        void isFoundInItsFolderAndReadWithAllFields() throws Exception {
            Traffic traffic = TrafficFile.find(folder).orElseThrow();

            assertThat(traffic.observedAt()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
            assertThat(traffic.edges()).hasSize(9);
            TrafficEdge first = traffic.edges().get(0);
            assertThat(first.fromOutside()).isTrue();
            assertThat(first.destinationId()).isEqualTo("istio-system/istio-ingressgateway");
            assertThat(first.responseCodes()).isEqualTo(Map.of(200, 19.8, 503, 0.2));
            assertThat(first.methods()).containsExactly("GET");
            assertThat(first.protocol()).isEqualTo(Protocol.HTTP);
        }

        @Test
        void isNotCountedByTheFolderSourceAsAnUnknownKind() throws Exception {
            AssembledMesh mesh = FolderSource.load(List.of(folder));

            assertThat(mesh.skippedKinds()).isEmpty();
            assertThat(mesh.warnings()).isEmpty();
            assertThat(mesh.snapshot().workloads()).hasSize(7);
        }

        @Test
        void resolvesEveryEdgeInAnAssessmentOfItsManifests() throws Exception {
            Engine engine = Engine.of(FolderSource.load(List.of(folder)).snapshot());

            Assessment assessment =
                    Assessment.of(engine, TrafficFile.find(folder).orElseThrow());

            assertThat(assessment.unresolved()).isEmpty();
            assertThat(assessment.edges()).hasSize(9);
            assertThat(assessment.edges())
                    .filteredOn(e -> e.edge().destinationWorkload().equals("ratings-v1"))
                    .extracting(e -> e.verdict().decision())
                    .containsExactly(Decision.ALLOW, Decision.ALLOW, Decision.DENY);
        }
    }

    @Nested
    class Finding {

        @Test
        void findsAFileOfAnyNameThatDeclaresKindTraffic(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("a-manifest.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
            Files.writeString(dir.resolve("observed.yaml"), HEADER + EDGE);

            assertThat(TrafficFile.locate(dir)).contains(dir.resolve("observed.yaml"));
            assertThat(TrafficFile.find(dir).orElseThrow().edges()).hasSize(1);
        }

        @Test
        void findsNothingInAFolderWithoutOne(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");

            assertThat(TrafficFile.find(dir)).isEmpty();
        }

        @Test
        void readsJsonToo(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("traffic.json"), """
                    {"apiVersion": "trustmap.dev/v1", "kind": "Traffic", "metadata": {"name": "t"},
                     "edges": [{"from": "unknown", "to": "a/b", "port": 80, "protocol": "http", "rps": 1.5,
                                "codes": {"200": 1.5}, "mtls": 0}]}
                    """);

            TrafficEdge edge = TrafficFile.find(dir).orElseThrow().edges().get(0);

            assertThat(edge.service()).isNull();
            assertThat(edge.requestsPerSecond()).isEqualTo(1.5);
        }
    }

    @Nested
    class Rejecting {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                unknown field    | colour: red           | 13 | edges[0].colour | is not a field of an edge
                bad from         | from: web             | 7  | edges[0].from   | namespace/workload, or unknown
                negative rps     | rps: -1               | 12 | edges[0].rps    | must not be negative
                mtls above one   | mtls: 1.5             | 13 | edges[0].mtls   | must be at most 1
                non-numeric code | codes: {"2xx": 3}     | 13 | edges[0].codes.2xx | is not an HTTP status code
                non-numeric rate | codes: {"200": many}  | 13 | edges[0].codes.200 | must be a number
                bad protocol     | protocol: SOAP        | 11 | edges[0].protocol | must be HTTP, HTTP2, GRPC
                bad port         | port: 0               | 10 | edges[0].port   | from 1 to 65535
                """)
        void rejectsABadEdgeNamingFileLineAndField(String name, String change, int line, String field, String problem) {
            String key = change.substring(0, change.indexOf(':'));
            String edge = EDGE.replaceFirst("(?m)^(    |  - )" + key + ":.*$", "$1" + change);
            String text = HEADER + (edge.equals(EDGE) ? EDGE + "    " + change + "\n" : edge);

            ManifestException e = rejected(text);

            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
            assertThat(e.getMessage()).startsWith("traffic.yaml:" + line + ": field " + field + ": ");
        }

        @Test
        void rejectsAnEdgeGivenTwiceNamingBothEntries() {
            ManifestException e = rejected(HEADER + EDGE + EDGE.replace("rps: 3", "rps: 1"));

            assertThat(e.line()).isEqualTo(13);
            assertThat(e.field()).isEqualTo("edges[1]");
            assertThat(e.problem())
                    .isEqualTo("repeats edges[0] (shop/web -> shop/db via Service db port 5432);"
                            + " give each edge once, with its total rate.");
        }

        @Test
        void acceptsTheSamePairOnAnotherPort() throws Exception {
            Traffic traffic = TrafficFile.parse(HEADER + EDGE + EDGE.replace("5432", "5433"), "traffic.yaml");

            assertThat(traffic.edges()).hasSize(2);
        }

        @Test
        void rejectsAnotherKind() {
            ManifestException e = rejected(HEADER.replace("kind: Traffic", "kind: Pod") + EDGE);

            assertThat(e.getMessage()).isEqualTo("traffic.yaml:2: field kind: must be 'Traffic', not 'Pod'.");
        }

        @Test
        void rejectsAWindowThatIsNoDuration() {
            ManifestException e = rejected(HEADER.replace("5m", "five minutes") + EDGE);

            assertThat(e.line()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("window");
        }

        @Test
        void rejectsAMissingName() {
            ManifestException e = rejected(HEADER.replace("metadata: {name: t}\n", "") + EDGE);

            assertThat(e.field()).isEqualTo("metadata");
            assertThat(e.problem()).contains("add 'metadata: {name: ...}'");
        }

        @Test
        void rejectsBrokenYamlWithItsLine() {
            ManifestException e = rejected(HEADER + "  - from: [a\n");

            assertThat(e.line()).isGreaterThanOrEqualTo(7);
            assertThat(e.problem()).startsWith("is not valid YAML or JSON");
        }
    }

    private static ManifestException rejected(String text) {
        return catchThrowableOfType(ManifestException.class, () -> TrafficFile.parse(text, "traffic.yaml"));
    }
}

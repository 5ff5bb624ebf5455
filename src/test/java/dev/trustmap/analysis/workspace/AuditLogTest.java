package dev.trustmap.analysis.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:15:30.123Z");

    @TempDir
    Path home;

    static AuditEntry entry(Instant time, String action, String outcome, String... resources) {
        return new AuditEntry(
                time, "alice", "kube-admin", "kind-dev", action, List.of(resources), "sha256:ab", outcome);
    }

    static HasMetadata parse(String yaml) {
        return new KubernetesSerialization().unmarshal(yaml);
    }

    static final String ALLOW_LEDGER = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: allow-ledger
              namespace: payments
            spec:
              selector:
                matchLabels:
                  app: ledger
              action: ALLOW
              rules:
              - from:
                - source:
                    principals: ["cluster.local/ns/payments/sa/payments"]
                to:
                - operation:
                    ports: ["8080"]
            """;

    static final String ALLOW_NOTHING = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: allow-nothing
              namespace: payments
            spec: {}
            """;

    @Nested
    class Appending {
        @Test
        void readsBackWhatWasAppendedNewestFirst() throws IOException {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));
            AuditEntry first = entry(T0, "dry-run", "ok", "create AuthorizationPolicy payments/allow-ledger");
            AuditEntry second = new AuditEntry(
                    T0.plusSeconds(5), "bob", "", "", "export", List.of(), "sha256:cd", "clipboard \"quoted\"\nnext");

            log.append(first);
            log.append(second);

            assertThat(log.recent(10)).containsExactly(second, first);
            assertThat(log.recent(1)).containsExactly(second);
        }

        @Test
        void writesOneJsonObjectPerLineAndOnlyAppends() throws IOException {
            Path file = home.resolve("audit.jsonl");
            AuditLog log = new AuditLog(file);
            log.append(entry(T0, "apply", "ok", "create AuthorizationPolicy payments/allow-ledger"));
            String before = Files.readString(file);

            log.append(entry(T0.plusSeconds(1), "apply-stopped", "conflict on payments/allow-ledger"));

            String after = Files.readString(file);
            assertThat(after).startsWith(before).endsWith("\n");
            assertThat(after.split("\n")).hasSize(2);
            assertThat(before)
                    .startsWith("{\"time\":\"2026-12-03T10:15:30.123Z\",\"osUser\":\"alice\"")
                    .contains("\"resources\":[\"create AuthorizationPolicy payments/allow-ledger\"]");
        }

        @Test
        void createsTheFolder() throws IOException {
            AuditLog log = new AuditLog(home.resolve("nested/deeper/audit.jsonl"));

            log.append(entry(T0, "export", "ok"));

            assertThat(log.recent(5)).hasSize(1);
        }

        @Test
        void concurrentAppendsFromThreadsProduceWholeLines() throws Exception {
            Path file = home.resolve("audit.jsonl");
            int threads = 8;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // Each thread its own AuditLog, as two windows or apps would have.
                AuditLog log = new AuditLog(file);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.append(entry(T0, "apply", "ok", "r" + thread + "-" + i, "x".repeat(2000)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            AuditLog.Recent read = new AuditLog(file).read(10_000);
            assertThat(read.skipped()).isZero();
            assertThat(read.entries()).hasSize(threads * each);
            Set<String> names = new HashSet<>();
            read.entries().forEach(e -> names.add(e.resources().get(0)));
            assertThat(names).hasSize(threads * each);
            assertThat(Files.readAllLines(file)).hasSize(threads * each);
        }

        @Test
        void appendsFromTwoOtherProcessesAndThisOneProduceWholeLines() throws Exception {
            Path file = home.resolve("audit.jsonl");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> processes = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                processes.add(new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                AuditAppender.class.getName(),
                                file.toString(),
                                name,
                                "150")
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve(name + ".out").toFile())
                        .start());
            }
            AuditLog log = new AuditLog(file);
            for (int i = 0; i < 150; i++) {
                log.append(entry(T0, "apply", "ok", "here-" + i, "z".repeat(3000)));
            }
            for (Process process : processes) {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue())
                        .as(Files.readString(home.resolve("a.out")) + Files.readString(home.resolve("b.out")))
                        .isZero();
            }

            AuditLog.Recent read = log.read(10_000);
            assertThat(read.skipped()).isZero();
            Set<String> names = new HashSet<>();
            read.entries().forEach(e -> names.add(e.resources().get(0)));
            assertThat(names).hasSize(450).contains("a-149", "b-0", "here-77");
        }

        @Test
        void anUnwritableFolderIsAnIoExceptionNamingTheFile() throws IOException {
            Path notAFolder = Files.writeString(home.resolve("plain-file"), "x");
            AuditLog log = new AuditLog(notAFolder.resolve("audit.jsonl"));

            assertThatThrownBy(() -> log.append(entry(T0, "export", "ok")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot write the audit log " + notAFolder.resolve("audit.jsonl"))
                    .hasMessageContaining("a file is in the way (" + notAFolder + ")")
                    .hasMessageContaining("check that the folder exists and is writable");
        }

        @Test
        void aLineCutShortByACrashDoesNotSwallowTheNextEntry() throws IOException {
            Path file = home.resolve("audit.jsonl");
            AuditLog log = new AuditLog(file);
            log.append(entry(T0, "apply", "ok"));
            Files.writeString(file, "{\"time\":\"2026-12-03T10:1", java.nio.file.StandardOpenOption.APPEND);

            log.append(entry(T0.plusSeconds(9), "export", "ok"));

            AuditLog.Recent read = log.read(10);
            assertThat(read.entries()).extracting(AuditEntry::action).containsExactly("export", "apply");
            assertThat(read.skipped()).isEqualTo(1);
        }
    }

    @Nested
    class Reading {
        @Test
        void aMissingFileIsAnEmptyLog() throws IOException {
            AuditLog log = new AuditLog(home.resolve("never-written.jsonl"));

            assertThat(log.recent(20)).isEmpty();
            assertThat(log.read(20).skipped()).isZero();
        }

        @Test
        void corruptLinesAreSkippedAndCounted() throws IOException {
            Path file = home.resolve("audit.jsonl");
            AuditLog log = new AuditLog(file);
            log.append(entry(T0, "dry-run", "ok"));
            Files.write(
                    file,
                    ("not json at all\n{\"time\":\"yesterday\",\"action\":\"apply\"}\n[1,2]\n{\"action\":\"apply\"}\n"
                                    + "\u00ff\u00fe\n")
                            .getBytes(StandardCharsets.ISO_8859_1),
                    java.nio.file.StandardOpenOption.APPEND);
            log.append(entry(T0.plusSeconds(1), "apply", "ok"));

            AuditLog.Recent read = log.read(10);

            assertThat(read.entries()).extracting(AuditEntry::action).containsExactly("apply", "dry-run");
            assertThat(read.skipped()).isEqualTo(5);
            assertThat(log.recent(10)).hasSize(2);
        }

        @Test
        void linesWithFieldsOfTheWrongTypeAreSkipped() throws IOException {
            Path file = home.resolve("audit.jsonl");
            String good = "{\"time\":\"2026-01-01T00:00:00Z\",\"action\":\"apply\"";
            Files.writeString(
                    file,
                    good + ",\"osUser\":42}\n"
                            + good + ",\"resources\":\"Kind ns/name\"}\n"
                            + good + ",\"resources\":[{\"kind\":\"x\"}]}\n"
                            + good + ",\"outcome\":null}\n"
                            + good + ",\"resources\":[\"AuthorizationPolicy foo/a\"]}\n");

            AuditLog.Recent read = new AuditLog(file).read(10);

            assertThat(read.entries())
                    .singleElement()
                    .extracting(AuditEntry::resources)
                    .isEqualTo(java.util.List.of("AuthorizationPolicy foo/a"));
            assertThat(read.skipped()).isEqualTo(4);
        }

        @Test
        void rejectsALimitBelowOne() {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));

            assertThatThrownBy(() -> log.recent(0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theDefaultLocationFollowsTheTrustmapHomeProperty() {
            String before = System.getProperty(TrustmapFolder.PROPERTY);
            try {
                System.setProperty(TrustmapFolder.PROPERTY, home.toString());
                assertThat(AuditLog.atDefaultLocation().file()).isEqualTo(home.resolve("audit.jsonl"));
            } finally {
                if (before == null) {
                    System.clearProperty(TrustmapFolder.PROPERTY);
                } else {
                    System.setProperty(TrustmapFolder.PROPERTY, before);
                }
            }
        }
    }

    @Nested
    class Digest {
        @Test
        void isSha256HexAndStableForEqualContent() {
            String digest = AuditLog.digest(List.of(parse(ALLOW_LEDGER)));

            assertThat(digest).matches("sha256:[0-9a-f]{64}");
            assertThat(AuditLog.digest(List.of(parse(ALLOW_LEDGER)))).isEqualTo(digest);
        }

        @Test
        void doesNotDependOnOrder() {
            HasMetadata a = parse(ALLOW_LEDGER);
            HasMetadata b = parse(ALLOW_NOTHING);

            assertThat(AuditLog.digest(List.of(a, b))).isEqualTo(AuditLog.digest(List.of(b, a)));
        }

        @Test
        void doesNotDependOnKeyOrderOrServerSetFields() {
            String reordered = """
                    kind: AuthorizationPolicy
                    apiVersion: security.istio.io/v1
                    metadata:
                      namespace: payments
                      name: allow-ledger
                      resourceVersion: "4711"
                      uid: 1f0c
                    spec:
                      action: ALLOW
                      rules:
                      - to:
                        - operation:
                            ports: ["8080"]
                        from:
                        - source:
                            principals: ["cluster.local/ns/payments/sa/payments"]
                      selector:
                        matchLabels:
                          app: ledger
                    """;

            assertThat(AuditLog.digest(List.of(parse(reordered))))
                    .isEqualTo(AuditLog.digest(List.of(parse(ALLOW_LEDGER))));
        }

        @Test
        void changesWhenContentChanges() {
            String otherPort = ALLOW_LEDGER.replace("\"8080\"", "\"9090\"");
            String otherName = ALLOW_LEDGER.replace("name: allow-ledger", "name: allow-ledger-2");

            String digest = AuditLog.digest(List.of(parse(ALLOW_LEDGER)));
            assertThat(AuditLog.digest(List.of(parse(otherPort)))).isNotEqualTo(digest);
            assertThat(AuditLog.digest(List.of(parse(otherName)))).isNotEqualTo(digest);
            assertThat(AuditLog.digest(List.of())).isNotEqualTo(digest);
        }
    }
}

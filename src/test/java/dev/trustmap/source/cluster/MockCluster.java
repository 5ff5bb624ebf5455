package dev.trustmap.source.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A fabric8 mock API server in CRUD mode (with server-side apply and dry runs, see {@link ApplyCapableCrudDispatcher})
 * behind a {@link FaultDispatcher}, with a
 * client for loading objects into it. Shared with the desktop app's cluster tests.
 */
public final class MockCluster implements AutoCloseable {
    /** Bookinfo with its gateway and policies, plus the extra objects of {@code cluster/extra.yaml}. */
    public static final List<String> BOOKINFO = List.of(
            "traffic/bookinfo/bookinfo.yaml",
            "traffic/bookinfo/gateway.yaml",
            "traffic/bookinfo/policies.yaml",
            "cluster/extra.yaml");

    /** Held so the level sticks: the mock server logs every request through java.util.logging. */
    private static final java.util.logging.Logger QUIET = quiet();

    private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    private final ApplyCapableCrudDispatcher api = new ApplyCapableCrudDispatcher();
    private final FaultDispatcher dispatcher = new FaultDispatcher(api);
    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private int port;

    public MockCluster() {
        start(0);
        installIstioCrds();
    }

    /**
     * Stores the CRDs of the Istio kinds Trustmap reads and writes, as on a cluster with Istio, so the server's
     * discovery ({@code /apis/security.istio.io/v1}) lists them; {@link FaultDispatcher} can take them away again.
     */
    private void installIstioCrds() {
        crd("security.istio.io", "AuthorizationPolicy", "authorizationpolicies");
        crd("security.istio.io", "PeerAuthentication", "peerauthentications");
        crd("security.istio.io", "RequestAuthentication", "requestauthentications");
        crd("networking.istio.io", "DestinationRule", "destinationrules");
    }

    private void crd(String group, String kind, String plural) {
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(new CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName(plural + "." + group)
                        .endMetadata()
                        .withNewSpec()
                        .withGroup(group)
                        .withScope("Namespaced")
                        .withNewNames()
                        .withKind(kind)
                        .withPlural(plural)
                        .withSingular(kind.toLowerCase(java.util.Locale.ROOT))
                        .endNames()
                        .addNewVersion()
                        .withName("v1")
                        .withServed(true)
                        .withStorage(true)
                        .endVersion()
                        .endSpec()
                        .build())
                .create();
    }

    private void start(int onPort) {
        server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()), new MockWebServer(), responses, dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), onPort);
        port = server.getPort();
        client = server.createClient();
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** The API server's store, with server-side apply and dry runs. */
    public ApplyCapableCrudDispatcher api() {
        return api;
    }

    public FaultDispatcher faults() {
        return dispatcher;
    }

    /** The client for loading objects. */
    public NamespacedKubernetesClient client() {
        return client;
    }

    /** A configuration for Trustmap's own client: fast watch reconnects, no request retries. */
    public Config config() {
        return new ConfigBuilder(client.getConfiguration())
                .withWatchReconnectInterval(100)
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /**
     * Makes {@code manager} the owner of every {@code spec} field of the stored {@code object}, as {@code kubectl
     * apply} (manager {@code kubectl-client-side-apply}, operation Update) leaves a policy it created; returns the
     * object as stored now.
     */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> T managedBy(T object, String manager) {
        T live = client.resource(object).get();
        Map<String, Object> tree = Serialization.jsonMapper().convertValue(live, Map.class);
        Map<String, Object> owned = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) tree.getOrDefault("spec", Map.of()))
                .keySet()
                .forEach(k -> owned.put("f:" + k, Map.of()));
        io.fabric8.kubernetes.api.model.FieldsV1 fields = new io.fabric8.kubernetes.api.model.FieldsV1();
        fields.setAdditionalProperty("f:spec", owned);
        live.getMetadata()
                .setManagedFields(List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder()
                        .withManager(manager)
                        .withOperation("Update")
                        .withApiVersion(live.getApiVersion())
                        .withFieldsType("FieldsV1")
                        .withFieldsV1(fields)
                        .build()));
        return client.resource(live).update();
    }

    /** Creates every object of these YAML files (relative to the test resources). */
    public MockCluster load(String... resources) throws IOException {
        for (String resource : resources) {
            try (InputStream in = Files.newInputStream(Path.of("src/test/resources", resource))) {
                List<HasMetadata> items = client.load(in).items();
                items.forEach(item -> client.resource(item).create());
            }
        }
        return this;
    }

    /** Creates every object of these YAML files (relative to the test resources). */
    public MockCluster load(List<String> resources) throws IOException {
        return load(resources.toArray(String[]::new));
    }

    /** Writes a kubeconfig with one context, {@code context}, for this server; returns the file. */
    public Path kubeconfig(Path file, String context) throws IOException {
        String yaml = String.join(
                "\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: mock",
                "  cluster: {server: '" + client.getConfiguration().getMasterUrl() + "'}",
                "users:",
                "- name: tester",
                "  user: {token: secret}",
                "contexts:",
                "- name: " + context,
                "  context: {cluster: mock, user: tester, namespace: bookinfo}",
                "current-context: " + context,
                "");
        return Files.writeString(file, yaml);
    }

    /** Stops the server, dropping every open watch; the stored objects stay with the dispatcher. */
    void stop() {
        client.close();
        server.destroy();
    }

    /** Starts the server again on the same port. */
    void restart() {
        start(port);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}

package dev.trustmap.source.generated;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** Builds the Istio objects of generated meshes. */
final class GeneratedPolicies {
    private GeneratedPolicies() {}

    /** ALLOW for {@code app}: the listed callers on GET/POST to port 8080, and its own namespace on /health. */
    static AuthorizationPolicy allowCallers(String namespace, String app, List<String> callerPrincipals) {
        Rule callers = rule(source(callerPrincipals, null), operation(List.of("GET", "POST"), List.of("8080"), null));
        Rule health = rule(source(null, List.of(namespace)), operation(null, null, List.of("/health")));
        return policy(namespace, app + "-allow", app, AuthorizationPolicyAction.ALLOW, List.of(callers, health));
    }

    /** DENY for {@code app}: /admin* from any other namespace. */
    static AuthorizationPolicy denyAdmin(String namespace, String app) {
        Source outsiders = new Source();
        outsiders.setNotNamespaces(List.of(namespace));
        Rule admin = rule(outsiders, operation(null, null, List.of("/admin*")));
        return policy(namespace, app + "-deny-admin", app, AuthorizationPolicyAction.DENY, List.of(admin));
    }

    private static AuthorizationPolicy policy(
            String namespace, String name, String app, AuthorizationPolicyAction action, List<Rule> rules) {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy();
        spec.setSelector(new WorkloadSelector(Map.of("app", app)));
        spec.setAction(action);
        spec.setRules(rules);
        return new AuthorizationPolicy(
                "security.istio.io/v1", "AuthorizationPolicy", meta(namespace, name), spec, null);
    }

    private static Rule rule(Source source, Operation operation) {
        return new Rule(List.of(new RuleFrom(source)), List.of(new RuleTo(operation)), List.of());
    }

    private static Source source(List<String> principals, List<String> namespaces) {
        Source source = new Source();
        source.setPrincipals(principals);
        source.setNamespaces(namespaces);
        return source;
    }

    private static Operation operation(List<String> methods, List<String> ports, List<String> paths) {
        Operation operation = new Operation();
        operation.setMethods(methods);
        operation.setPorts(ports);
        operation.setPaths(paths);
        return operation;
    }

    /** A namespace-wide STRICT PeerAuthentication. */
    static PeerAuthentication strict(String namespace) {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication();
        spec.setMtls(new PeerAuthenticationMutualTLS(PeerAuthenticationMutualTLSMode.STRICT));
        return new PeerAuthentication(
                "security.istio.io/v1", "PeerAuthentication", meta(namespace, "default"), spec, null);
    }

    /** A DestinationRule sending ISTIO_MUTUAL to every Service of the namespace. */
    static DestinationRule mutual(String namespace) {
        var spec = new io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule();
        spec.setHost("*." + namespace + ".svc.cluster.local");
        TrafficPolicy traffic = new TrafficPolicy();
        ClientTLSSettings tls = new ClientTLSSettings();
        tls.setMode(ClientTLSSettingsTLSmode.ISTIO_MUTUAL);
        traffic.setTls(tls);
        spec.setTrafficPolicy(traffic);
        return new DestinationRule("networking.istio.io/v1", "DestinationRule", meta(namespace, "mutual"), spec, null);
    }

    private static ObjectMeta meta(String namespace, String name) {
        return new ObjectMetaBuilder().withNamespace(namespace).withName(name).build();
    }
}

package dev.trustmap.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyWarningsTest {

    private static List<String> warningsFor(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        List<HasMetadata> objects = parsed instanceof List<?> list
                ? list.stream().map(HasMetadata.class::cast).toList()
                : List.of((HasMetadata) parsed);
        MeshSnapshot snapshot =
                new MeshSnapshot(List.of(), List.of(), List.of(), List.of(), objects, MeshConfig.defaults());
        return PolicyWarnings.of(PolicyCompiler.compile(snapshot));
    }

    @Test
    void namesRulesIstioWouldRejectAndPoliciesThatDoNothing() {
        List<String> warnings = warningsFor("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: bad-ip, namespace: foo}
                spec:
                  action: DENY
                  rules: [{from: [{source: {ipBlocks: ["999.1.1.1/33"]}}]}]
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: empty-deny, namespace: foo}
                spec: {action: DENY}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: foo}
                spec: {mtls: {mode: STRICT}, portLevelMtls: {"8080": {mode: DISABLE}}}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: root-selector, namespace: istio-system}
                spec: {selector: {matchLabels: {app: x}}, mtls: {mode: STRICT}}
                """);

        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(0))
                .startsWith("AuthorizationPolicy foo/bad-ip spec.rules[0]:")
                .contains("999.1.1.1/33");
        assertThat(warnings.get(1)).contains("foo/empty-deny").contains("matches nothing");
        assertThat(warnings.get(2)).contains("foo/default").contains("portLevelMtls needs a selector");
        assertThat(warnings.get(3)).contains("istio-system/root-selector").contains("is ignored");
    }

    @Test
    void aRuleWithSeveralBadEntriesNamesEachOfThem() {
        List<String> warnings = warningsFor("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: many, namespace: foo}
                spec:
                  rules:
                  - from: [{source: {ipBlocks: ["999.1.1.1/33"]}}]
                    to: [{operation: {ports: ["http"]}}]
                    when: [{key: request.unknown, values: ["x"]}]
                """);

        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith("AuthorizationPolicy foo/many spec.rules[0]:")
                        .contains("spec.rules[0].from[0].source.ipBlocks")
                        .contains("spec.rules[0].to[0].operation.ports")
                        .contains("spec.rules[0].when[0]"));
    }

    @Test
    void saysNothingAboutValidPolicies() {
        assertThat(warningsFor("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: ok, namespace: foo}
                spec:
                  rules: [{to: [{operation: {methods: [GET]}}]}]
                """)).isEmpty();
    }
}

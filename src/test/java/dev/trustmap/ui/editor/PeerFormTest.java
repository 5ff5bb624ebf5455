package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.security.v1.PeerAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy form for PeerAuthentications: loading, port-level modes, checks. */
class PeerFormTest extends PolicyFormFixture {
    private static final String PORT_LEVEL = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: ledger-ports
              namespace: payments
            spec:
              selector:
                matchLabels: {app: ledger}
              mtls: {mode: STRICT}
              portLevelMtls:
                "8080": {mode: PERMISSIVE}
                "9090": {mode: DISABLE}
            """;

    @BeforeEach
    void addPortLevel() throws Exception {
        open(labWith(PORT_LEVEL));
    }

    @Test
    void loadsModeAndPortLevelModes() {
        assertThat(form.load("PeerAuthentication payments/ledger-ports")).isTrue();
        assertThat(form.kindProperty().get()).isEqualTo(PolicyFormViewModel.Kind.PEER_AUTHENTICATION);
        assertThat(form.peer().modeProperty().get()).isEqualTo("STRICT");
        assertThat(form.peer().portLevelProperty().get()).isEqualTo("8080=PERMISSIVE, 9090=DISABLE");
        assertThat(form.report().meaningProperty().get()).startsWith("STRICT: for 1 workload in payments");
    }

    @Test
    void editsOnePortAndKeepsTheRest() {
        form.load("PeerAuthentication payments/ledger-ports");
        form.peer().portLevelProperty().set("8080=STRICT, 9090=DISABLE");
        assertThat(form.applyForm()).isTrue();
        var saved = (PeerAuthentication) workspace
                .draft()
                .object("PeerAuthentication payments/ledger-ports")
                .orElseThrow();
        assertThat(saved.getSpec().getPortLevelMtls().get("8080").getMode().name())
                .isEqualTo("STRICT");
        assertThat(saved.getSpec().getPortLevelMtls().get("9090").getMode().name())
                .isEqualTo("DISABLE");
        assertThat(saved.getSpec().getMtls().getMode().name()).isEqualTo("STRICT");
    }

    @Test
    void portLevelNeedsASelectorAndAReadableEntry() {
        form.load("PeerAuthentication payments/ledger-ports");
        form.peer().portLevelProperty().set("8080=SOMETIMES");
        assertThat(form.report().errorsProperty().get()).contains("“8080=SOMETIMES” is not port=MODE");
        form.peer().portLevelProperty().set("8080=DISABLE");
        form.selectorProperty().set(FormChoices.WHOLE_NAMESPACE);
        assertThat(form.report().errorsProperty().get()).contains("Port-level mTLS needs a selector");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void aNewOneIsStrictForTheNamespace() {
        form.newPeerAuthentication();
        form.namespaceProperty().set("analytics");
        form.nameProperty().set("default");
        assertThat(form.report().warningsProperty().get())
                .contains("PeerAuthentication analytics/default already exists");
        form.applyForm();
        var saved = (PeerAuthentication)
                workspace.draft().object("PeerAuthentication analytics/default").orElseThrow();
        assertThat(saved.getSpec().getMtls().getMode().name()).isEqualTo("STRICT");
        assertThat(saved.getSpec().getSelector()).isNull();
    }
}

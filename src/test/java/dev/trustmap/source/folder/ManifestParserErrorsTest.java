package dev.trustmap.source.folder;

import static dev.trustmap.source.folder.ManifestParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestParserErrorsTest {
    private final ManifestParser parser = new ManifestParser();

    private ManifestException failure(String text) {
        return failure(() -> parser.parseText(text, "test.yaml", 1));
    }

    private ManifestException failureOf(Path file) {
        return failure(() -> parser.parseFile(file));
    }

    private static ManifestException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ManifestException.class);
        return (ManifestException) thrown;
    }

    @Nested
    class Syntax {

        @Test
        void namesTheFileAndLineOfBrokenYaml() {
            Path file = fixture("errors/broken.yaml");

            ManifestException error = failureOf(file);

            assertThat(error.file()).isEqualTo(file.toString());
            assertThat(error.line()).isEqualTo(12);
            assertThat(error.problem()).contains("not valid YAML").contains("column");
            assertThat(error.getMessage()).startsWith(file + ":12: ");
        }

        @Test
        void saysATemplateMustBeRenderedInsteadOfNamingTheParsersInternals() {
            ManifestException error = failure("apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n");

            assertThat(error.line()).isEqualTo(4);
            assertThat(error.problem()).contains("render it first").doesNotContain("snakeyaml");
        }

        @Test
        void namesTheLineOfAnUnterminatedQuote() {
            ManifestException error = failure("apiVersion: v1\nkind: \"Service\nmetadata: {}\n");

            assertThat(error.line()).isEqualTo(2);
            assertThat(error.problem()).contains("the quote opened here is not closed");
        }

        @Test
        void namesTheLineWhereAnUnclosedFlowListStartsNotWhereTheParserGaveUp() {
            ManifestException error = failure("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n"
                    + "metadata:\n  name: x\n  labels: [oops\n  namespace: y\nspec:\n  action: ALLOW\n");

            assertThat(error.line()).isEqualTo(5);
            assertThat(error.problem()).contains("column 11").contains("the list opened with '[' here is not closed");
        }

        @Test
        void namesTheLineOfAKeyWithoutAColon() {
            ManifestException error =
                    failure("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels x\n  namespace: y\n");

            assertThat(error.line()).isEqualTo(5);
        }

        @Test
        void reportsTheJsonErrorForBrokenJsonThatIsNoYamlEither() {
            ManifestException error = failure("{\n  \"apiVersion\": \"v1\",\n  \"kind\" \"Service\"\n}\n");

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("not valid YAML or JSON");
        }

        @Test
        void rejectsBrokenJson() {
            ManifestException error = failure("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \n}\n");

            assertThat(error.line()).isEqualTo(4);
            assertThat(error.problem()).contains("not valid YAML or JSON");
        }

        @Test
        void rejectsADuplicateKey() {
            ManifestException error = failure("apiVersion: v1\nkind: Service\nkind: Pod\nmetadata: {name: x}\n");

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.field()).isEqualTo("kind");
            assertThat(error.problem()).contains("twice");
        }
    }

    @Nested
    class Structure {

        @Test
        void rejectsADocumentThatIsNotAMapping() {
            ManifestException error =
                    failure("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n- just\n- a list\n");

            assertThat(error.line()).isEqualTo(5);
            assertThat(error.problem()).contains("not a mapping");
        }

        @Test
        void rejectsAMissingKind() {
            ManifestException error = failure("\n\napiVersion: v1\nmetadata: {name: a}\n");

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("has no kind");
        }

        @Test
        void rejectsAMissingApiVersion() {
            ManifestException error = failure("kind: Pod\nmetadata: {name: a}\n");

            assertThat(error.problem()).contains("has no apiVersion");
        }

        @Test
        void rejectsAMisspeltVersionOfAKnownKindNamingTheVersionsToUse() {
            ManifestException error = failure("# policy\napiVersion: security.istio.io/v7\n"
                    + "kind: AuthorizationPolicy\nmetadata: {name: a, namespace: foo}\n");

            assertThat(error.getMessage())
                    .isEqualTo("test.yaml:2: field apiVersion: unsupported apiVersion security.istio.io/v7 for "
                            + "AuthorizationPolicy; use security.istio.io/v1 or v1beta1");
        }

        @Test
        void rejectsAnIstioKindInAnotherIstioGroupNamingTheGroupToUse() {
            assertThat(failure("apiVersion: networking.istio.io/v1\nkind: AuthorizationPolicy\n"
                                    + "metadata: {name: x, namespace: bookinfo}\n")
                            .getMessage())
                    .isEqualTo("test.yaml:1: field apiVersion: unsupported apiVersion networking.istio.io/v1 for "
                            + "AuthorizationPolicy; use security.istio.io/v1 or v1beta1");
            assertThat(failure("apiVersion: networking.istio.io/v1beta1\nkind: PeerAuthentication\n"
                                    + "metadata: {name: x, namespace: bookinfo}\n")
                            .problem())
                    .isEqualTo("unsupported apiVersion networking.istio.io/v1beta1 for PeerAuthentication; use "
                            + "security.istio.io/v1 or v1beta1");
            assertThat(failure("apiVersion: security.istio.io/v1\nkind: DestinationRule\n"
                                    + "metadata: {name: x, namespace: bookinfo}\n")
                            .problem())
                    .isEqualTo("unsupported apiVersion security.istio.io/v1 for DestinationRule; use "
                            + "networking.istio.io/v1, v1beta1 or v1alpha3");
        }

        @Test
        void rejectsAnUnservedAppsVersion() {
            ManifestException error = failure("apiVersion: apps/v2\nkind: Deployment\nmetadata: {name: a}\n");

            assertThat(error.field()).isEqualTo("apiVersion");
            assertThat(error.problem()).isEqualTo("unsupported apiVersion apps/v2 for Deployment; use apps/v1");
        }

        @Test
        void skipsAKindOfTheSameNameFromAnotherGroup() throws ManifestException {
            var parsed = parser.parseText(
                    "apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: a}\n", "test.yaml", 1);

            assertThat(parsed)
                    .singleElement()
                    .satisfies(r -> assertThat(r.supported()).isFalse());
        }

        @Test
        void rejectsAMissingName() {
            ManifestException error = failure("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: shop\n");

            assertThat(error.field()).isEqualTo("metadata.name");
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("give the object a name");
        }

        @Test
        void rejectsAMissingNameOfAnUnknownKindToo() {
            ManifestException error = failure("apiVersion: networking.istio.io/v1\nkind: Gateway\nspec: {}\n");

            assertThat(error.problem()).contains("has no metadata");
        }

        @Test
        void rejectsAListItemThatIsNotAnObjectAtItsLine() {
            ManifestException error = failure("apiVersion: v1\nkind: List\nitems:\n  - 42\n");

            assertThat(error.field()).isEqualTo("items[0]");
            assertThat(error.line()).isEqualTo(4);
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void namesTheLineAndPathOfAMisspeltFieldAndSuggestsTheKnownOne() {
            ManifestException error = failureOf(fixture("errors/typo-from.yaml"));

            assertThat(error.field()).isEqualTo("spec.rules[0].form");
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.problem()).isEqualTo("is not a known field here; did you mean from?");
        }

        @Test
        void listsTheKnownFieldsWhenNothingIsClose() {
            ManifestException error = failure("""
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata: {name: strict}
                    spec:
                      mtls:
                        mode: STRICT
                        enforcement: always
                    """);

            assertThat(error.field()).isEqualTo("spec.mtls.enforcement");
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.problem()).contains("remove it or use one of mode");
        }

        @Test
        void findsUnknownFieldsNextToIstiosUnwrappedProvider() {
            ManifestException error = failure("""
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: ext}
                    spec:
                      action: CUSTOM
                      provider:
                        name: opa
                      rulez: []
                    """);

            assertThat(error.field()).isEqualTo("spec.rulez");
            assertThat(error.line()).isEqualTo(8);
            assertThat(error.problem()).contains("did you mean rules?");
        }

        @Test
        void checksInsideTheUnwrappedProvider() {
            ManifestException error = failure("""
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: ext}
                    spec:
                      action: CUSTOM
                      provider:
                        nam: opa
                    """);

            assertThat(error.field()).isEqualTo("spec.provider.nam");
            assertThat(error.problem()).contains("did you mean name?");
        }

        @Test
        void reportsTheFirstUnknownFieldInDocumentOrder() {
            ManifestException error = failure("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: web
                      lables: {app: web}
                    spec:
                      containers:
                        - name: web
                          imag: web
                    """);

            assertThat(error.field()).isEqualTo("metadata.lables");
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.problem()).contains("did you mean labels?");
        }

        @Test
        void namesTheItemPathInsideAList() {
            ManifestException error = failure("""
                    apiVersion: v1
                    kind: List
                    items:
                      - apiVersion: v1
                        kind: Service
                        metadata: {name: a}
                        spce: {}
                    """);

            assertThat(error.field()).isEqualTo("items[0].spce");
            assertThat(error.line()).isEqualTo(7);
        }

        @Test
        void quotesKeysWithDotsInPaths() {
            ManifestException error = failure("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web}
                    spec:
                      template:
                        metadata:
                          labels: {app.kubernetes.io/name: web}
                        spec:
                          containers:
                            - name: web
                              ports:
                                - containerPort: 80
                                  protocl: TCP
                    """);

            assertThat(error.field()).isEqualTo("spec.template.spec.containers[0].ports[0].protocl");
            assertThat(error.line()).isEqualTo(13);
            assertThat(error.problem()).contains("did you mean protocol?");
        }
    }

    @Nested
    class WrongTypes {

        @Test
        void namesAFieldThatNeedsAList() {
            ManifestException error = failureOf(fixture("errors/wrong-type.yaml"));

            assertThat(error.field()).isEqualTo("spec.ports");
            assertThat(error.line()).isEqualTo(8);
            assertThat(error.problem()).contains("must be a list").contains("not a number");
        }

        @Test
        void namesAFieldThatNeedsAWholeNumber() {
            ManifestException error = failure("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    spec:
                      ports:
                        - name: http
                          port: eighty
                    """);

            assertThat(error.field()).isEqualTo("spec.ports[0].port");
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.problem())
                    .isEqualTo("has the value 'eighty', but it must be a whole number; fix the value.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "-1", "70000"})
        void refusesAPortLevelMtlsKeyThatIsNoPortNumber(String key) {
            ManifestException error = failure("""
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata: {name: p}
                    spec:
                      selector: {matchLabels: {app: api}}
                      portLevelMtls:
                        "%s": {mode: STRICT}
                    """.formatted(key));

            assertThat(error.field()).isEqualTo("spec.portLevelMtls." + key);
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.problem())
                    .isEqualTo("is not a port number; portLevelMtls is keyed by container port numbers (1 to 65535).");
        }

        @Test
        void listsTheAllowedValuesOfAnEnum() {
            ManifestException error = failure("""
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: p}
                    spec:
                      action: PERMIT
                    """);

            assertThat(error.field()).isEqualTo("spec.action");
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.problem())
                    .isEqualTo("has the value 'PERMIT', which is not allowed; use one of ALLOW, AUDIT, CUSTOM, DENY.");
        }

        @Test
        void suggestsTheExactSpellingOfAnEnumValue() {
            ManifestException error = failure("""
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata: {name: p}
                    spec:
                      mtls: {mode: strict}
                    """);

            assertThat(error.field()).isEqualTo("spec.mtls.mode");
            assertThat(error.problem()).endsWith("write it as STRICT.");
        }

        @Test
        void namesAFieldThatNeedsAMapping() {
            ManifestException error = failure("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    spec:
                      selector: [app, web]
                    """);

            assertThat(error.field()).isEqualTo("spec.selector");
            assertThat(error.problem()).contains("must be a mapping");
        }

        @Test
        void namesAScalarGivenAsAList() {
            ManifestException error = failure("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: [a, b]\n");

            assertThat(error.field()).isEqualTo("metadata.name");
            assertThat(error.line()).isEqualTo(4);
        }
    }
}

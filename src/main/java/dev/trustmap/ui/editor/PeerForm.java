package dev.trustmap.ui.editor;

import io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The PeerAuthentication part of the policy form: the mode, and port-level modes written {@code port=MODE, ...}.
 * Selector, namespace and name are the form's own.
 */
public final class PeerForm {
    /** The mode choice for a PeerAuthentication without {@code mtls.mode}: it inherits. */
    public static final String INHERITED = "(inherited)";

    /** The modes offered. */
    public static final List<String> MODES = List.of("STRICT", "PERMISSIVE", "DISABLE", "UNSET", INHERITED);

    private static final Set<String> SPEC_SHOWN = Set.of("selector", "mtls", "portLevelMtls");

    private final StringProperty mode = new SimpleStringProperty("STRICT");
    private final StringProperty portLevel = new SimpleStringProperty("");
    private PeerAuthentication original;
    private String loadedMode = "STRICT";
    private Map<String, String> loadedPorts = Map.of();

    /** Shows a loaded spec (copied by the caller), or a new one for null. */
    void show(PeerAuthentication spec) {
        original = spec;
        loadedMode = spec == null || spec.getMtls() == null || spec.getMtls().getMode() == null
                ? INHERITED
                : spec.getMtls().getMode().name();
        loadedPorts = new LinkedHashMap<>();
        if (spec != null && spec.getPortLevelMtls() != null) {
            spec.getPortLevelMtls().forEach((port, tls) -> loadedPorts.put(port, modeName(tls)));
        }
        mode.set(loadedMode);
        List<String> pairs = new ArrayList<>();
        loadedPorts.forEach((port, name) -> pairs.add(port + "=" + name));
        portLevel.set(String.join(", ", pairs));
    }

    private static String modeName(PeerAuthenticationMutualTLS tls) {
        return tls == null || tls.getMode() == null ? "UNSET" : tls.getMode().name();
    }

    /** Writes the mode and port-level modes into {@code spec}, where they differ from what was loaded. */
    void write(PeerAuthentication spec) {
        if (!mode.get().equals(loadedMode)) {
            PeerAuthenticationMutualTLS tls =
                    spec.getMtls() == null ? new PeerAuthenticationMutualTLS() : spec.getMtls();
            tls.setMode(INHERITED.equals(mode.get()) ? null : PeerAuthenticationMutualTLSMode.valueOf(mode.get()));
            spec.setMtls(FormFields.isEmpty(tls) ? null : tls);
        }
        Map<String, String> typed = ports(portLevel.get());
        if (typed.equals(loadedPorts)) {
            return;
        }
        Map<String, PeerAuthenticationMutualTLS> before =
                spec.getPortLevelMtls() == null ? Map.of() : spec.getPortLevelMtls();
        Map<String, PeerAuthenticationMutualTLS> next = new LinkedHashMap<>();
        typed.forEach((port, name) -> {
            PeerAuthenticationMutualTLS tls =
                    before.get(port) == null ? new PeerAuthenticationMutualTLS() : before.get(port);
            tls.setMode(PeerAuthenticationMutualTLSMode.valueOf(name));
            next.put(port, tls);
        });
        spec.setPortLevelMtls(next.isEmpty() ? null : next);
    }

    /**
     * Port-level modes as typed, by port.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code port=MODE} with a port and mode Istio takes
     */
    static Map<String, String> ports(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : FormFields.split(text)) {
            int equals = entry.indexOf('=');
            String port = equals < 0 ? entry : entry.substring(0, equals).strip();
            String name = equals < 0 ? "" : entry.substring(equals + 1).strip().toUpperCase(java.util.Locale.ROOT);
            if (!isPort(port) || !MODES.contains(name) || INHERITED.equals(name)) {
                throw new IllegalArgumentException(entry);
            }
            out.put(port, name);
        }
        return out;
    }

    private static boolean isPort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Paths of what the loaded spec holds that the form does not show. */
    List<String> kept() {
        List<String> out = new ArrayList<>(FormFields.others(original, SPEC_SHOWN, "spec"));
        if (original != null) {
            out.addAll(FormFields.others(original.getSelector(), Set.of("matchLabels"), "spec.selector"));
            out.addAll(FormFields.others(original.getMtls(), Set.of("mode"), "spec.mtls"));
            if (original.getPortLevelMtls() != null) {
                original.getPortLevelMtls()
                        .forEach((port, tls) ->
                                out.addAll(FormFields.others(tls, Set.of("mode"), "spec.portLevelMtls[" + port + "]")));
            }
        }
        return out;
    }

    void addListener(InvalidationListener listener) {
        mode.addListener(listener);
        portLevel.addListener(listener);
    }

    public StringProperty modeProperty() {
        return mode;
    }

    /** Port-level modes, written {@code 8080=DISABLE, 9090=PERMISSIVE}. */
    public StringProperty portLevelProperty() {
        return portLevel;
    }
}

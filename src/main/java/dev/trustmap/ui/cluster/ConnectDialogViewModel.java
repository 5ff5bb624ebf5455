package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterException;
import dev.trustmap.source.cluster.ContextInfo;
import dev.trustmap.source.cluster.PrometheusOptions;
import dev.trustmap.source.cluster.TelemetryException;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect dialog's state: the kubeconfig and its contexts, how to reach Prometheus, the window and refresh
 * interval. Validates the fields, connects in the background and turns failures into sentences.
 */
public final class ConnectDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectDialogViewModel.class);
    private static final Pattern PROXY = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+:[0-9]{1,5}");
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    static final List<Duration> REFRESHES =
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1));

    private final Messages messages;
    private final UiTasks tasks;
    private final ClusterConnector connector;
    private final StringProperty kubeconfig = new SimpleStringProperty("");
    private final ObservableList<ContextInfo> contexts = FXCollections.observableArrayList();
    private final ObjectProperty<ContextInfo> context = new SimpleObjectProperty<>();
    private final ObjectProperty<PrometheusMode> mode = new SimpleObjectProperty<>(PrometheusMode.AUTO);
    private final StringProperty proxy = new SimpleStringProperty(ClusterSettings.DEFAULT_PROXY);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(WINDOWS.get(1));
    private final ObjectProperty<Duration> refresh = new SimpleObjectProperty<>(REFRESHES.get(1));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The context to select once the contexts are listed (the one last used), or null for the current one. */
    private String preferredContext;

    public ConnectDialogViewModel(Messages messages, UiTasks tasks, ClusterConnector connector, Path kubeconfigFile) {
        this.messages = messages;
        this.tasks = tasks;
        this.connector = connector;
        kubeconfig.set(kubeconfigFile.toString());
    }

    /**
     * Fills the fields with the settings of the last connection (or of the start options), so the dialog opens on
     * what is in use: the kubeconfig, the context (selected once listed), Prometheus, the window and refresh interval.
     */
    public void prefill(ClusterSettings last) {
        kubeconfig.set(last.kubeconfig().toString());
        preferredContext = last.context();
        mode.set(last.mode());
        proxy.set(last.proxy());
        PrometheusOptions options = last.prometheus();
        if (options != null) {
            url.set(options.baseUrl().toString());
            token.set(Objects.toString(options.bearerToken(), ""));
            user.set(Objects.toString(options.username(), ""));
            password.set(Objects.toString(options.password(), ""));
            caFile.set(Objects.toString(options.caFile(), ""));
        }
        if (WINDOWS.contains(last.window())) {
            window.set(last.window());
        }
        if (REFRESHES.contains(last.refresh())) {
            refresh.set(last.refresh());
        }
    }

    /** Reads the kubeconfig's contexts in the background and selects the last used one, else the current one. */
    public void loadContexts() {
        Optional<Path> file = kubeconfigPath();
        if (file.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> connector.contexts(file.get()), this::listed, this::contextsFailed);
    }

    private void listed(List<ContextInfo> found) {
        busy.set(false);
        contexts.setAll(found);
        context.set(found.stream()
                .filter(c -> c.name().equals(preferredContext))
                .findFirst()
                .orElse(found.isEmpty() ? null : found.get(0)));
        error.set(found.isEmpty() ? messages.get("cluster.error.noContexts", kubeconfig.get()) : "");
    }

    private void contextsFailed(Throwable failure) {
        busy.set(false);
        contexts.clear();
        context.set(null);
        error.set(sentence(failure));
    }

    /**
     * Connects with the fields' settings in the background; {@code onConnected} gets the connection on the FX
     * thread. Invalid fields or a failure leave a sentence in {@link #errorProperty()}.
     */
    public void connect(Consumer<ClusterConnection> onConnected) {
        Optional<ClusterSettings> settings = validate();
        if (settings.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(
                () -> connector.connect(settings.get()),
                connection -> {
                    busy.set(false);
                    onConnected.accept(connection);
                },
                failure -> {
                    busy.set(false);
                    error.set(sentence(failure));
                });
    }

    /** The settings the fields describe, or empty with the first problem in {@link #errorProperty()}. */
    public Optional<ClusterSettings> validate() {
        Optional<Path> file = kubeconfigPath();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (context.get() == null) {
            return invalid("cluster.error.noContext");
        }
        ClusterSettings base = new ClusterSettings(
                file.get(), context.get().name(), mode.get(), proxy.get().strip(), null, window.get(), refresh.get());
        return switch (mode.get()) {
            case AUTO -> PROXY.matcher(base.proxy()).matches() ? valid(base) : invalid("cluster.error.proxy");
            case URL -> prometheusOptions().flatMap(options -> valid(base.withPrometheus(PrometheusMode.URL, options)));
            case NONE -> valid(base);
        };
    }

    private Optional<PrometheusOptions> prometheusOptions() {
        Optional<URI> uri = prometheusUrl();
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        String bearer = token.get().strip();
        String name = user.get().strip();
        if (!bearer.isEmpty() && !name.isEmpty()) {
            return invalid("cluster.error.tokenAndUser");
        }
        if (name.isEmpty() != password.get().isEmpty()) {
            return invalid("cluster.error.userAndPassword");
        }
        PrometheusOptions plain = PrometheusOptions.of(uri.get());
        PrometheusOptions withToken = bearer.isEmpty() ? plain : plain.withBearerToken(bearer);
        PrometheusOptions options = name.isEmpty() ? withToken : withToken.withBasicAuth(name, password.get());
        return caFileOption(uri.get()).map(ca -> ca.isEmpty() ? options : options.withCaFile(Path.of(ca)));
    }

    private Optional<URI> prometheusUrl() {
        String text = url.get().strip();
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            LOG.debug("Not a URL: {}", text, e);
        }
        return invalid("cluster.error.url", text);
    }

    /** The CA file's path ("" for none), or empty when it is given but cannot be used. */
    private Optional<String> caFileOption(URI uri) {
        String ca = caFile.get().strip();
        if (ca.isEmpty()) {
            return Optional.of("");
        }
        if (!"https".equals(uri.getScheme())) {
            return invalid("cluster.error.caNeedsHttps");
        }
        return readable(ca).isPresent() ? Optional.of(ca) : invalid("cluster.error.caFile", ca);
    }

    private Optional<Path> kubeconfigPath() {
        String text = kubeconfig.get().strip();
        Optional<Path> file = readable(text);
        if (file.isEmpty()) {
            contexts.clear();
            context.set(null);
            return invalid("cluster.error.kubeconfig", text);
        }
        return file;
    }

    private static Optional<Path> readable(String text) {
        try {
            Path path = Path.of(text);
            return !text.isEmpty() && Files.isRegularFile(path) && Files.isReadable(path)
                    ? Optional.of(path)
                    : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private <T> Optional<T> valid(T value) {
        error.set("");
        return Optional.of(value);
    }

    private <T> Optional<T> invalid(String key, Object... args) {
        error.set(messages.get(key, args));
        return Optional.empty();
    }

    /** What the user reads: the core's sentences as they are; anything else with a pointer to the log. */
    String sentence(Throwable failure) {
        return sentence(failure, messages);
    }

    static String sentence(Throwable failure, Messages messages) {
        if (failure instanceof ClusterException || failure instanceof TelemetryException) {
            // The sentence says it all; the library's stack trace is for --debug only.
            LOG.warn("Could not connect: {}", failure.getMessage());
            LOG.debug("Connect failure", failure);
            return failure.getMessage();
        }
        LOG.error("Could not connect", failure);
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return messages.get("cluster.error.unexpected", text);
    }

    /** How a duration reads in the choice boxes: {@code 1m}, {@code 5m}, {@code 1h}, {@code 15s}. */
    public static String label(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    public StringProperty kubeconfigProperty() {
        return kubeconfig;
    }

    public ObservableList<ContextInfo> contexts() {
        return contexts;
    }

    public ObjectProperty<ContextInfo> contextProperty() {
        return context;
    }

    public ObjectProperty<PrometheusMode> modeProperty() {
        return mode;
    }

    public StringProperty proxyProperty() {
        return proxy;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    public ObjectProperty<Duration> refreshProperty() {
        return refresh;
    }

    /** The problem to show under the fields, empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

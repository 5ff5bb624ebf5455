package dev.trustmap.source.cluster;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Wraps the mock server's own dispatcher (expectations, then CRUD) and answers chosen GET paths with an error
 * status, as an API server does for RBAC denials (403) or kinds it does not serve (404).
 */
public final class FaultDispatcher extends Dispatcher {
    private final Dispatcher delegate;
    private final Map<Pattern, Integer> faults = new ConcurrentHashMap<>();
    private final Map<Pattern, Integer> anyMethod = new ConcurrentHashMap<>();

    FaultDispatcher(Dispatcher delegate) {
        this.delegate = delegate;
    }

    /** Answers GETs whose path (without the query) matches {@code regex} with {@code status}. */
    public FaultDispatcher fail(String regex, int status) {
        faults.put(Pattern.compile(regex), status);
        return this;
    }

    /**
     * Answers every request (reads, writes, dry runs, discovery) whose path matches {@code regex} with
     * {@code status}, as an API server does for a group it does not serve (CRDs not installed).
     */
    public FaultDispatcher failEveryMethod(String regex, int status) {
        anyMethod.put(Pattern.compile(regex), status);
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath().split("\\?", 2)[0];
        for (Map.Entry<Pattern, Integer> fault : anyMethod.entrySet()) {
            if (fault.getKey().matcher(path).matches()) {
                return status(fault.getValue(), path);
            }
        }
        if ("GET".equals(request.getMethod())) {
            for (Map.Entry<Pattern, Integer> fault : faults.entrySet()) {
                if (fault.getKey().matcher(path).matches()) {
                    return status(fault.getValue(), path);
                }
            }
        }
        return delegate.dispatch(request);
    }

    private static MockResponse status(int code, String path) {
        String reason = code == 403 ? "Forbidden" : code == 404 ? "NotFound" : "Unauthorized";
        String body = String.format(
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"%s\","
                        + "\"message\":\"%s is not allowed here\",\"code\":%d}",
                reason, path, code);
        return new MockResponse().setResponseCode(code).setBody(body);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

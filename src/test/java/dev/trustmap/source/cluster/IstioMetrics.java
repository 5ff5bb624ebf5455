package dev.trustmap.source.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Istio standard metrics for bookinfo in OpenMetrics text, as promtool backfills them: counters every 15 s over 20
 * minutes, each series reported by the destination's proxy and again by the source's (which queries must drop).
 */
public final class IstioMetrics {
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final Duration SPAN = Duration.ofMinutes(20);

    private IstioMetrics() {}

    private record Series(String labels, double perSecond) {}

    public static String bookinfo(Instant start) {
        List<Series> requests = List.of(
                http("productpage-v1", "reviews-v1", "reviews.bookinfo.svc.cluster.local", "200", "mutual_tls", 10),
                http("productpage-v1", "reviews-v1", "reviews.bookinfo.svc.cluster.local", "503", "mutual_tls", 1),
                http("productpage-v1", "details-v1", "details", "200", "mutual_tls", 2),
                http("productpage-v1", "details-v1", "details", "200", "none", 2),
                http("unknown", "productpage-v1", "productpage", "200", "none", 5));
        List<Series> opened = List.of(tcp("ratings-v1", "mysqldb-v1", "mysqldb", 0.5));
        List<Series> sent = List.of(tcp("ratings-v1", "mysqldb-v1", "mysqldb", 1000));
        StringBuilder text = new StringBuilder();
        family(text, "istio_requests", requests, start);
        family(text, "istio_tcp_connections_opened", opened, start);
        family(text, "istio_tcp_sent_bytes", sent, start);
        return text.append("# EOF\n").toString();
    }

    private static Series http(String from, String to, String service, String code, String security, double rate) {
        String namespace = "unknown".equals(from) ? "unknown" : "bookinfo";
        return new Series(
                String.format(
                        "source_workload=\"%s\",source_workload_namespace=\"%s\",destination_workload=\"%s\","
                                + "destination_workload_namespace=\"bookinfo\",destination_service_name=\"%s\","
                                + "request_protocol=\"http\",response_code=\"%s\",connection_security_policy=\"%s\"",
                        from, namespace, to, service, code, security),
                rate);
    }

    private static Series tcp(String from, String to, String service, double rate) {
        return new Series(
                String.format(
                        "source_workload=\"%s\",source_workload_namespace=\"bookinfo\",destination_workload=\"%s\","
                                + "destination_workload_namespace=\"bookinfo\",destination_service_name=\"%s\","
                                + "request_protocol=\"tcp\",connection_security_policy=\"mutual_tls\"",
                        from, to, service),
                rate);
    }

    private static void family(StringBuilder text, String family, List<Series> series, Instant start) {
        text.append("# TYPE ").append(family).append(" counter\n");
        List<String> reporters = new ArrayList<>(List.of("destination", "source"));
        for (String reporter : reporters) {
            for (Series one : series) {
                for (long s = 0; s <= SPAN.toSeconds(); s += STEP.toSeconds()) {
                    text.append(String.format(
                            Locale.ROOT,
                            "%s_total{reporter=\"%s\",%s} %.3f %d%n",
                            family,
                            reporter,
                            one.labels(),
                            one.perSecond() * s,
                            start.getEpochSecond() + s));
                }
            }
        }
    }
}

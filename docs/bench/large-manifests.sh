#!/usr/bin/env bash
# Writes a large manifest folder for timing `trustmap lint` and `trustmap report` (see docs/benchmarks.md):
# NAMESPACES namespaces (default 300) of 10 workloads each, a Service per workload, an ALLOW per workload naming the
# previous workload of its namespace and of the next, an allow-nothing and a PERMISSIVE PeerAuthentication per
# namespace. Usage: docs/bench/large-manifests.sh OUT_DIR [NAMESPACES]
set -euo pipefail
out=${1:?usage: large-manifests.sh OUT_DIR [NAMESPACES]}
count=${2:-300}
mkdir -p "$out"
for ((n = 0; n < count; n++)); do
    ns=$(printf 'ns%03d' "$n")
    next=$(printf 'ns%03d' $(((n + 1) % count)))
    {
        printf 'apiVersion: v1\nkind: Namespace\nmetadata: {name: %s, labels: {istio-injection: enabled}}\n' "$ns"
        printf -- '---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\n'
        printf 'metadata: {name: default, namespace: %s}\nspec: {mtls: {mode: PERMISSIVE}}\n' "$ns"
        printf -- '---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n'
        printf 'metadata: {name: allow-nothing, namespace: %s}\nspec: {}\n' "$ns"
        for ((w = 0; w < 10; w++)); do
            printf -- '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc%d, namespace: %s}\n' "$w" "$ns"
            printf 'spec:\n  selector: {matchLabels: {app: svc%d}}\n  template:\n' "$w"
            printf '    metadata: {labels: {app: svc%d}}\n    spec:\n      serviceAccountName: svc%d\n' "$w" "$w"
            printf '      containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]\n'
            printf -- '---\napiVersion: v1\nkind: Service\nmetadata: {name: svc%d, namespace: %s}\n' "$w" "$ns"
            printf 'spec:\n  selector: {app: svc%d}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n' "$w"
            if ((w > 0)); then
                printf -- '---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n'
                printf 'metadata: {name: svc%d, namespace: %s}\nspec:\n' "$w" "$ns"
                printf '  selector: {matchLabels: {app: svc%d}}\n  action: ALLOW\n  rules:\n' "$w"
                printf '    - from: [{source: {principals: ["cluster.local/ns/%s/sa/svc%d", "cluster.local/ns/%s/sa/svc%d"]}}]\n' \
                    "$ns" $((w - 1)) "$next" $((w - 1))
                printf '      to: [{operation: {methods: ["GET"], paths: ["/api/*"]}}]\n'
            fi
        done
    } > "$out/$ns.yaml"
done
echo "wrote $count namespaces, $((count * 10)) workloads to $out"

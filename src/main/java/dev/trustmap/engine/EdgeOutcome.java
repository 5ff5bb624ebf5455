package dev.trustmap.engine;

import dev.trustmap.istio.AuthzPolicy;

/**
 * A verdict without explanation, for whole-mesh assessment.
 *
 * @param policy the deciding AuthorizationPolicy, or null
 * @param rule the deciding rule, or -1
 */
public record EdgeOutcome(Decision decision, Connection connection, AuthzPolicy policy, int rule) {}

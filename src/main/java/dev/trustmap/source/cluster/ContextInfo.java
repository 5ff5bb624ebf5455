package dev.trustmap.source.cluster;

/**
 * One context of a kubeconfig, as the Connect dialog lists it.
 *
 * @param name the context name, what {@link ClusterSource#connect(String, ClusterOptions, ClusterListener)} takes
 * @param cluster the cluster entry it points at
 * @param user the user entry it authenticates as
 * @param namespace its default namespace, or null
 * @param current whether it is the kubeconfig's current context
 */
public record ContextInfo(String name, String cluster, String user, String namespace, boolean current) {}

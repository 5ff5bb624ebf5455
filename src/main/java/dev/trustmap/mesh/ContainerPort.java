package dev.trustmap.mesh;

/** A port a workload's containers listen on; {@code name} may be null. */
public record ContainerPort(String name, int number) {}

package dev.trustmap.analysis;

import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.TrafficEdge;

/** An observed edge with the request the engine decided for it and the verdict, explained. */
public record EdgeAssessment(TrafficEdge edge, Request request, Verdict verdict) {}

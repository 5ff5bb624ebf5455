package dev.trustmap.source.scenario;

import dev.trustmap.engine.Request;

/**
 * One entry of a scenario's {@code requests}.
 *
 * @param index the entry's position in {@code requests}, from 0
 * @param line the line in the scenario file where the entry starts
 * @param request the request as the engine takes it
 * @param expect the outcome it should have
 */
public record ScenarioRequest(int index, int line, Request request, Expectation expect) {}

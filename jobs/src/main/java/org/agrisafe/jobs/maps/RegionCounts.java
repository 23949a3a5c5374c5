package org.agrisafe.jobs.maps;

/**
 * Sample counts of one region in one period of one layer (the Spark aggregation's output row).
 *
 * @param code region code (ISO alpha-2 or adcode)
 * @param samples samples tested, &gt;= 1
 * @param judged samples with a PASS/FAIL verdict
 * @param passed PASS samples
 * @param detected samples with at least one detected analyte
 * @param exceeding samples with at least one result above its MRL
 * @param synthetic whether any counted sample is synthetic
 */
public record RegionCounts(
    String code,
    long samples,
    long judged,
    long passed,
    long detected,
    long exceeding,
    boolean synthetic) {}

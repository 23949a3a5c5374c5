package org.agrisafe.intake.model;

/**
 * The system a sample record came from. It is the first part of every {@link ParsedSample#sampleId()}
 * ({@code <sourceSystem>:<sourceSampleId>}), which makes sample IDs globally unique across sources.
 */
public enum SourceSystem {
  /** UK Expert Committee on Pesticide Residues in Food, brand-name annex (2016 – Q2 2022). */
  UK_PRIF,
  /** Chinese market-supervision sampling notices (国内监督抽查) as re-published by foodmate.net. */
  CN_SAMR,
  /** The platform's own upload format (JSON Lines or CSV) sent by laboratories. */
  PLATFORM_UPLOAD
}

package org.agrisafe.risk.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;

/**
 * Risk-ranking matrix of the UK Veterinary Residues Committee (VRC), as adapted in Chinese pesticide and veterinary
 * drug residue risk ranking: S = (A + B) × (C + D + E + F).
 *
 * <p>Source of the structure: Veterinary Residues Committee, "Matrix ranking for prioritising testing of veterinary
 * medicine residues", http://www.vmd.defra.gov.uk/vrc/surveillance/matrix.html ("Total Score = Toxicity score X
 * Exposure score"; toxicity = Hazard (A) + Potency (B); exposure = four scores). The level cut-offs are data
 * ({@link ScoringTable}); their sources, and which could not be verified, are in
 * {@code reference-data/risk-matrix/PROVENANCE.md}.
 *
 * <p>Steps per pair: look up A, E, F by level name and B, C, D by value in [lower, upper); any missing input or value
 * outside every level → not assessed (key {@code "analyte=<a>;commodity=<c>"}); S = (A+B)×(C+D+E+F); rank by the RANK
 * rows. Output: results sorted by S descending (then analyte, commodity), each carrying its factor levels, scores and
 * inputs, and the list of unverified levels used.
 */
public final class RiskMatrix {
  /** Level names of factor F as produced by {@link #residueEvidence}. */
  public static final String F_NOT_DETECTED = "NOT_DETECTED";

  public static final String F_DETECTED_BELOW_MRL = "DETECTED_BELOW_MRL";
  public static final String F_EXCEEDS_MRL = "EXCEEDS_MRL";

  private RiskMatrix() {}

  /**
   * Factor F level from counts: no detection → NOT_DETECTED; detections and no exceedance → DETECTED_BELOW_MRL; at
   * least one exceedance (value &gt; MRL) → EXCEEDS_MRL.
   *
   * @throws IllegalArgumentException when counts are negative or exceedances &gt; detections &gt; samples
   */
  public static String residueEvidence(int samples, int detections, int exceedances) {
    if (samples < 0
        || detections < 0
        || exceedances < 0
        || detections > samples
        || exceedances > detections) {
      throw new IllegalArgumentException(
          "Counts samples="
              + samples
              + ", detections="
              + detections
              + ", exceedances="
              + exceedances
              + ": expected 0 <= exceedances <= detections <= samples");
    }
    if (detections == 0) {
      return F_NOT_DETECTED;
    }
    return exceedances == 0 ? F_DETECTED_BELOW_MRL : F_EXCEEDS_MRL;
  }

  /** Scores and ranks the pairs; see the class comment. */
  public static Assessment<MatrixResult> rank(List<MatrixInput> inputs, ScoringTable table) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(table, "table");
    List<MatrixResult> results = new ArrayList<>();
    List<NotAssessed> notAssessed = new ArrayList<>();
    for (MatrixInput in : inputs) {
      String key = "analyte=" + in.analyte() + ";commodity=" + in.commodity();
      List<MatrixResult.FactorScore> scores = new ArrayList<>();
      List<String> unverified = new ArrayList<>();
      String problem =
          categorical(table, Factor.A, in.toxicityLevel(), "toxicity class", scores, unverified);
      if (problem == null) {
        problem =
            numeric(
                table,
                Factor.B,
                in.adiMgPerKgBwPerDay(),
                "ADI",
                "mg/kg bw/day",
                scores,
                unverified);
      }
      if (problem == null) {
        problem =
            numeric(
                table,
                Factor.C,
                in.dietProportionPercent(),
                "diet proportion",
                "%",
                scores,
                unverified);
      }
      if (problem == null) {
        problem =
            numeric(
                table,
                Factor.D,
                in.frequencyPercent(),
                "frequency of use or detection",
                "%",
                scores,
                unverified);
      }
      if (problem == null) {
        problem =
            categorical(
                table,
                Factor.E,
                in.highExposureLevel(),
                "high-exposure groups",
                scores,
                unverified);
      }
      if (problem == null) {
        problem =
            categorical(
                table, Factor.F, in.residueEvidenceLevel(), "residue evidence", scores, unverified);
      }
      if (problem != null) {
        notAssessed.add(new NotAssessed(key, problem));
        continue;
      }
      int tox = scores.get(0).score() + scores.get(1).score();
      int exp =
          scores.get(2).score()
              + scores.get(3).score()
              + scores.get(4).score()
              + scores.get(5).score();
      int s = tox * exp;
      Optional<ScoringTable.Level> r = table.classify(Factor.RANK, s);
      if (r.isEmpty()) {
        notAssessed.add(
            new NotAssessed(
                key, "score " + s + " is outside every RANK cut-off of " + table.sourceName()));
        continue;
      }
      if (!r.get().verified()) {
        unverified.add("RANK " + r.get().level());
      }
      results.add(
          new MatrixResult(
              in.analyte(),
              in.commodity(),
              scores,
              tox,
              exp,
              s,
              RiskRank.valueOf(r.get().level().toUpperCase(java.util.Locale.ROOT)),
              unverified));
    }
    results.sort(
        Comparator.comparingInt(MatrixResult::totalScore)
            .reversed()
            .thenComparing(MatrixResult::analyte, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(
                MatrixResult::commodity, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Assessment<>(results, notAssessed);
  }

  private static String categorical(
      ScoringTable t,
      Factor f,
      String value,
      String what,
      List<MatrixResult.FactorScore> out,
      List<String> unverified) {
    if (value == null || value.isBlank()) {
      return "factor "
          + f
          + " ("
          + what
          + ") not given: expected a level name of "
          + levelNames(t, f);
    }
    Optional<ScoringTable.Level> l = t.find(f, value);
    if (l.isEmpty()) {
      return "factor "
          + f
          + " ("
          + what
          + ") level '"
          + value
          + "' unknown: expected one of "
          + levelNames(t, f);
    }
    add(l.get(), value, out, unverified);
    return null;
  }

  private static String numeric(
      ScoringTable t,
      Factor f,
      Double value,
      String what,
      String unit,
      List<MatrixResult.FactorScore> out,
      List<String> unverified) {
    if (value == null || value.isNaN()) {
      return "factor " + f + " (" + what + ", " + unit + ") not given: expected a number";
    }
    Optional<ScoringTable.Level> l = t.classify(f, value);
    if (l.isEmpty()) {
      return "factor "
          + f
          + " ("
          + what
          + ") value "
          + value
          + " "
          + unit
          + " is outside every level of "
          + t.sourceName();
    }
    add(l.get(), value + " " + unit, out, unverified);
    return null;
  }

  private static void add(
      ScoringTable.Level l,
      String input,
      List<MatrixResult.FactorScore> out,
      List<String> unverified) {
    out.add(
        new MatrixResult.FactorScore(
            l.factor(), l.level(), l.score(), input, l.description(), l.source()));
    if (!l.verified()) {
      unverified.add(l.factor() + " " + l.level());
    }
  }

  private static List<String> levelNames(ScoringTable t, Factor f) {
    return t.levels(f).stream().map(ScoringTable.Level::level).toList();
  }
}

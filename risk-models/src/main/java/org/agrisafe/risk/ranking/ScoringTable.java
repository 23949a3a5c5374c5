package org.agrisafe.risk.ranking;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.agrisafe.risk.common.CsvTable;

/**
 * The scoring table of the risk-ranking matrix, loaded from data ({@code reference-data/risk-matrix/scoring.csv}),
 * never from code.
 *
 * <p>Columns: {@code factor} (A–F or RANK), {@code level} (name), {@code score} (integer; empty for RANK rows),
 * {@code lower_cutoff} (inclusive) and {@code upper_cutoff} (exclusive; empty = unbounded) for numeric factors (B, C,
 * D) and RANK rows, empty for categorical factors (A, E, F), {@code description}, {@code source}, {@code verified}
 * (true when the cut-off was read in the cited source; false when it was not found there).
 *
 * <p>Validation at load, each with the file row in the message: every factor A–F and RANK present; numeric and RANK
 * levels contiguous (each lower cut-off equals the previous upper cut-off) and non-overlapping; categorical levels
 * unique; RANK levels exactly HIGH, MEDIUM, LOW.
 */
public final class ScoringTable {
  /**
   * One level of one factor.
   *
   * @param factor      factor
   * @param level       level name
   * @param score       score (0 for RANK rows)
   * @param lowerCutoff inclusive lower cut-off, null for categorical
   * @param upperCutoff exclusive upper cut-off, null when unbounded or categorical
   * @param description meaning of the level
   * @param source      source of the level and cut-off
   * @param verified    true when the cut-off was read in {@code source}
   */
  public record Level(
      Factor factor,
      String level,
      int score,
      Double lowerCutoff,
      Double upperCutoff,
      String description,
      String source,
      boolean verified) {
    boolean contains(double x) {
      return x >= lowerCutoff && (upperCutoff == null || x < upperCutoff);
    }
  }

  private final String sourceName;
  private final Map<Factor, List<Level>> levels = new EnumMap<>(Factor.class);

  private ScoringTable(CsvTable t) {
    this.sourceName = t.source();
    t.requireColumns(
        "factor",
        "level",
        "score",
        "lower_cutoff",
        "upper_cutoff",
        "description",
        "source",
        "verified");
    for (CsvTable.Row r : t.rows()) {
      Factor f;
      try {
        f = Factor.valueOf(r.get("factor").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Unknown factor '"
                + r.get("factor")
                + "' in "
                + r.where()
                + ": expected one of A, B, C, D, E, F, RANK");
      }
      String level = r.get("level");
      if (level.isEmpty()) {
        throw new IllegalArgumentException(
            "Empty level in " + r.where() + ": expected a level name");
      }
      Integer score = r.getInt("score");
      if (f != Factor.RANK && score == null) {
        throw new IllegalArgumentException(
            "Empty score in " + r.where() + ": expected an integer for factor " + f);
      }
      Double lo = r.getDouble("lower_cutoff");
      Double hi = r.getDouble("upper_cutoff");
      boolean numeric = isNumeric(f);
      if (numeric && lo == null) {
        throw new IllegalArgumentException(
            "Empty lower_cutoff in "
                + r.where()
                + ": factor "
                + f
                + " is numeric and needs cut-offs");
      }
      if (!numeric && (lo != null || hi != null)) {
        throw new IllegalArgumentException(
            "Cut-offs given in "
                + r.where()
                + ": factor "
                + f
                + " is categorical, expected empty cut-offs");
      }
      if (lo != null && hi != null && !(hi > lo)) {
        throw new IllegalArgumentException(
            "upper_cutoff " + hi + " <= lower_cutoff " + lo + " in " + r.where());
      }
      String verified = r.get("verified").toLowerCase(Locale.ROOT);
      if (!verified.equals("true") && !verified.equals("false")) {
        throw new IllegalArgumentException(
            "verified is '" + verified + "' in " + r.where() + ": expected true or false");
      }
      levels
          .computeIfAbsent(f, k -> new ArrayList<>())
          .add(
              new Level(
                  f,
                  level,
                  score == null ? 0 : score,
                  lo,
                  hi,
                  r.get("description"),
                  r.get("source"),
                  verified.equals("true")));
    }
    for (Factor f : Factor.values()) {
      List<Level> ls = levels.get(f);
      if (ls == null || ls.isEmpty()) {
        throw new IllegalArgumentException(
            "Scoring table " + sourceName + " has no rows for factor " + f);
      }
      if (ls.stream().map(l -> l.level().toUpperCase(Locale.ROOT)).distinct().count()
          != ls.size()) {
        throw new IllegalArgumentException(
            "Scoring table " + sourceName + " repeats a level of factor " + f);
      }
      if (isNumeric(f)) {
        ls.sort(Comparator.comparing(Level::lowerCutoff));
        for (int i = 1; i < ls.size(); i++) {
          Double prevHi = ls.get(i - 1).upperCutoff();
          if (prevHi == null || Double.compare(prevHi, ls.get(i).lowerCutoff()) != 0) {
            throw new IllegalArgumentException(
                "Scoring table "
                    + sourceName
                    + ", factor "
                    + f
                    + ": level '"
                    + ls.get(i).level()
                    + "' starts at "
                    + ls.get(i).lowerCutoff()
                    + " but the previous level ends at "
                    + prevHi
                    + ": expected contiguous cut-offs");
          }
        }
      }
    }
    for (RiskRank rank : RiskRank.values()) {
      if (find(Factor.RANK, rank.name()).isEmpty()) {
        throw new IllegalArgumentException(
            "Scoring table " + sourceName + " has no RANK row for " + rank);
      }
    }
    if (levels.get(Factor.RANK).size() != RiskRank.values().length) {
      throw new IllegalArgumentException(
          "Scoring table "
              + sourceName
              + " has "
              + levels.get(Factor.RANK).size()
              + " RANK rows: expected exactly HIGH, MEDIUM, LOW");
    }
  }

  static boolean isNumeric(Factor f) {
    return f == Factor.B || f == Factor.C || f == Factor.D || f == Factor.RANK;
  }

  /** Loads the table from a file. */
  public static ScoringTable load(Path csv) {
    return new ScoringTable(CsvTable.read(csv));
  }

  /** Loads the table from a stream (UTF-8; not closed). */
  public static ScoringTable load(InputStream csv, String sourceName) {
    return new ScoringTable(CsvTable.read(csv, sourceName));
  }

  /** The levels of {@code factor} (numeric ones sorted by lower cut-off). */
  public List<Level> levels(Factor factor) {
    return List.copyOf(levels.get(factor));
  }

  /** The categorical level named {@code level} (case-insensitive). */
  public Optional<Level> find(Factor factor, String level) {
    if (level == null) {
      return Optional.empty();
    }
    return levels.get(factor).stream()
        .filter(l -> l.level().equalsIgnoreCase(level.trim()))
        .findFirst();
  }

  /** The numeric level whose [lower, upper) holds {@code value}. */
  public Optional<Level> classify(Factor factor, double value) {
    if (!isNumeric(factor)) {
      throw new IllegalArgumentException(
          "Factor " + factor + " is categorical: use find(factor, level)");
    }
    return levels.get(factor).stream().filter(l -> l.contains(value)).findFirst();
  }

  /** Name of the file or stream the table came from. */
  public String sourceName() {
    return sourceName;
  }
}

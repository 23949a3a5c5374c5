package org.agrisafe.risk.exposure;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrisafe.risk.common.CsvTable;

/**
 * Daily consumption per food group, loaded from a CSV the deployment can replace
 * ({@code reference-data/consumption/consumption.csv}; see its PROVENANCE.md).
 *
 * <p>Columns: {@code food_group} (key, English), {@code food_group_cn}, {@code grams_per_person_per_day} (mean intake,
 * g/person/day), {@code population}, {@code body_weight_kg} (empty when the source gives none), {@code source}.
 * Keys are matched case-insensitively. Errors: {@link IllegalArgumentException} naming the row for a duplicate food
 * group or a consumption that is not a number &gt; 0.
 */
public final class ConsumptionTable {
  /**
   * One food group.
   *
   * @param foodGroup           key
   * @param foodGroupCn         Chinese name
   * @param gramsPerPersonPerDay mean consumption, g/person/day
   * @param population          population the figure describes
   * @param bodyWeightKg        body weight of that population, kg; null when the source gives none
   * @param source              citation (page, table)
   */
  public record Entry(
      String foodGroup,
      String foodGroupCn,
      double gramsPerPersonPerDay,
      String population,
      Double bodyWeightKg,
      String source) {
    /** Consumption in kg/person/day. */
    public double kgPerPersonPerDay() {
      return gramsPerPersonPerDay / 1000.0;
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private ConsumptionTable(CsvTable t) {
    t.requireColumns(
        "food_group",
        "food_group_cn",
        "grams_per_person_per_day",
        "population",
        "body_weight_kg",
        "source");
    for (CsvTable.Row r : t.rows()) {
      String g = r.get("food_group");
      if (g.isEmpty()) {
        throw new IllegalArgumentException(
            "Empty food_group in " + r.where() + ": expected a food group name");
      }
      Double grams = r.getDouble("grams_per_person_per_day");
      if (grams == null || !(grams > 0) || grams.isInfinite()) {
        throw new IllegalArgumentException(
            "grams_per_person_per_day is "
                + grams
                + " in "
                + r.where()
                + ": expected a finite number > 0");
      }
      Entry e =
          new Entry(
              g,
              r.get("food_group_cn"),
              grams,
              r.get("population"),
              r.getDouble("body_weight_kg"),
              r.get("source"));
      if (entries.put(AdiBook.normalize(g), e) != null) {
        throw new IllegalArgumentException(
            "Duplicate food_group '"
                + g
                + "' in "
                + r.where()
                + ": expected one row per food group");
      }
    }
  }

  /** Loads the table from a file. */
  public static ConsumptionTable load(Path csv) {
    return new ConsumptionTable(CsvTable.read(csv));
  }

  /** Loads the table from a stream (UTF-8; not closed). */
  public static ConsumptionTable load(InputStream csv, String sourceName) {
    return new ConsumptionTable(CsvTable.read(csv, sourceName));
  }

  /** The entry of {@code foodGroup}, matched case-insensitively. */
  public Optional<Entry> find(String foodGroup) {
    return Optional.ofNullable(entries.get(AdiBook.normalize(foodGroup)));
  }

  /** All entries in file order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }
}

package org.agrisafe.jobs.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.agrisafe.intake.reference.ReferenceFiles;
import org.agrisafe.risk.exposure.AdiBook;
import org.agrisafe.risk.exposure.ConsumptionTable;
import org.agrisafe.risk.ranking.ScoringTable;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference data of the risk assessment, from the bundled files of {@code reference-data/}: the ADI book
 * ({@code adi/adi_arfd.csv} + {@code adi/analyte_synonyms.csv}), the consumption table
 * ({@code consumption/consumption.csv}), the matrix scoring table ({@code risk-matrix/scoring.csv}) and the commodity
 * hierarchy ({@code commodities/commodities.csv}), used to map a commodity to its consumption food group.
 *
 * <p>Food group of a commodity: walk up the commodity hierarchy from the commodity to its category and take the first
 * node found in {@link #FOOD_GROUP_OF_NODE_DEFAULT}; when the commodity is not in the hierarchy, the sample's
 * {@code category} is looked up the same way. No match → no consumption figure → the analyte/commodity is "not
 * assessed" with that reason. The mapping is a project choice, not a published table: categories without a matching
 * consumption row (tea, oils, condiments, beverages, processed food, offal, honey) are not assessed rather than
 * mapped to a guess.
 */
public final class RiskReference {
  /** Commodity-hierarchy node → food group of the consumption table. */
  public static final Map<String, String> FOOD_GROUP_OF_NODE_DEFAULT;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("potatoes", "tubers");
    m.put("vegetables", "fresh vegetables");
    m.put("fruit", "fresh fruit");
    m.put("cereals", "cereals and grains");
    m.put("nuts_seeds", "nuts");
    m.put("meat", "livestock and poultry meat");
    m.put("eggs_group", "eggs");
    m.put("dairy", "milk and dairy products");
    m.put("aquatic", "fish and shrimp");
    FOOD_GROUP_OF_NODE_DEFAULT = Map.copyOf(m);
  }

  private final AdiBook adi;
  private final ConsumptionTable consumption;
  private final ScoringTable scoring;
  private final Map<String, String> parentOf;
  private final Map<String, String> foodGroupOfNode;

  public RiskReference(
      AdiBook adi,
      ConsumptionTable consumption,
      ScoringTable scoring,
      Map<String, String> parentOf,
      Map<String, String> foodGroupOfNode) {
    this.adi = adi;
    this.consumption = consumption;
    this.scoring = scoring;
    this.parentOf = Map.copyOf(parentOf);
    this.foodGroupOfNode = Map.copyOf(foodGroupOfNode);
  }

  /** Loads the bundled files. */
  public static RiskReference loadBundled() {
    try (InputStream a = ReferenceFiles.open("adi/adi_arfd.csv");
        InputStream s = ReferenceFiles.open("adi/analyte_synonyms.csv");
        InputStream c = ReferenceFiles.open("consumption/consumption.csv");
        InputStream m = ReferenceFiles.open("risk-matrix/scoring.csv")) {
      Map<String, String> parents = new HashMap<>();
      for (CSVRecord r : ReferenceFiles.csv("commodities/commodities.csv")) {
        if (!r.get("parent_code").isEmpty()) {
          parents.put(r.get("commodity_code"), r.get("parent_code"));
        }
      }
      return new RiskReference(
          AdiBook.load(a, "adi_arfd.csv", s, "analyte_synonyms.csv"),
          ConsumptionTable.load(c, "consumption.csv"),
          ScoringTable.load(m, "scoring.csv"),
          parents,
          FOOD_GROUP_OF_NODE_DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled risk reference files", e);
    }
  }

  public AdiBook adi() {
    return adi;
  }

  public ConsumptionTable consumption() {
    return consumption;
  }

  public ScoringTable scoring() {
    return scoring;
  }

  /** The food group of a commodity (or, failing that, of its category); empty when none is mapped. */
  public Optional<String> foodGroup(String commodityCode, String category) {
    for (String start : new String[] {commodityCode, category}) {
      String node = start;
      int guard = 0;
      while (node != null && guard++ < 20) {
        String g = foodGroupOfNode.get(node);
        if (g != null) {
          return Optional.of(g);
        }
        node = parentOf.get(node);
      }
    }
    return Optional.empty();
  }

  /**
   * Share of a food group in the diet, %: its consumption over the summed consumption of the entries of the same
   * population in the consumption table (factor C of the matrix). The commodity is credited with its food group's
   * share, an upper estimate since the commodity is part of the group. Empty when the food group has no entry.
   */
  public Optional<Double> dietSharePercent(String foodGroup) {
    Optional<ConsumptionTable.Entry> e = consumption.find(foodGroup);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    double total =
        consumption.entries().stream()
            .filter(x -> x.population().equals(e.get().population()))
            .mapToDouble(ConsumptionTable.Entry::gramsPerPersonPerDay)
            .sum();
    return Optional.of(100.0 * e.get().gramsPerPersonPerDay() / total);
  }
}

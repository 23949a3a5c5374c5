package org.agrisafe.intake.trace;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.intake.reference.ReferenceFiles;
import org.agrisafe.risk.verdict.BanRule;
import org.apache.commons.csv.CSVRecord;

/**
 * The rules of the ledger checks and of the trace-back, engine-free (Spark UDFs call these static-like methods):
 *
 * <ul>
 *   <li>residue definition → active ingredients ({@code reference-data/inputs/residue_sources.csv}); a residue
 *       not listed maps to the active ingredient of the same code;
 *   <li>banned on a sale date: a <em>verified</em> all-uses rule of the ban list ({@code bans/}, loaded by {@link
 *       ReferenceData}) in force on that date (docs/conventions.md §5.3: unverified rows never drive a warning);
 *   <li>restricted-use pesticides under designated sales (限制使用农药定点经营,
 *       {@code reference-data/inputs/restricted_use_pesticides.csv}, 农业部公告第2567号, verified rows only);
 *   <li>restricted on a crop: a verified crop-scoped rule of the ban list covering the intended crop (or a group
 *       above it, GB 2763 Annex A hierarchy) in force on the sale date.
 * </ul>
 */
public final class TraceReference implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RESIDUE_SOURCES = "inputs/residue_sources.csv";
  public static final String RESTRICTED_USE = "inputs/restricted_use_pesticides.csv";

  /** One residue → active ingredient row. */
  public record ResidueSource(
      String residueCode, String activeIngredient, String relation, String source, boolean verified)
      implements Serializable {}

  /** One restricted-use row. */
  public record RestrictedUse(
      String activeIngredient,
      boolean designatedSales,
      LocalDate effectiveFrom,
      String legalBasis,
      boolean verified)
      implements Serializable {}

  private final ReferenceData reference;
  private final List<ResidueSource> residueSources;
  private final Map<String, RestrictedUse> restricted;

  private TraceReference(
      ReferenceData reference, List<ResidueSource> rs, Map<String, RestrictedUse> ru) {
    this.reference = reference;
    this.residueSources = List.copyOf(rs);
    this.restricted = Map.copyOf(ru);
  }

  /** Loads the bundled files next to the given reference data. */
  public static TraceReference loadBundled(ReferenceData reference) {
    List<ResidueSource> rs = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv(RESIDUE_SOURCES)) {
      rs.add(
          new ResidueSource(
              r.get("residue_code").toLowerCase(Locale.ROOT),
              r.get("active_ingredient").toLowerCase(Locale.ROOT),
              r.get("relation"),
              r.get("source"),
              r.get("verified").equalsIgnoreCase("yes")));
    }
    Map<String, RestrictedUse> ru = new LinkedHashMap<>();
    for (CSVRecord r : ReferenceFiles.csv(RESTRICTED_USE)) {
      String ai = r.get("active_ingredient").toLowerCase(Locale.ROOT);
      ru.put(
          ai,
          new RestrictedUse(
              ai,
              r.get("designated_sales").equalsIgnoreCase("yes"),
              LocalDate.parse(r.get("effective_date")),
              r.get("legal_basis") + " (" + r.get("evidence_url") + ")",
              r.get("verified").equalsIgnoreCase("yes")));
    }
    return new TraceReference(reference, rs, ru);
  }

  public List<ResidueSource> residueSources() {
    return residueSources;
  }

  /** The residue → active-ingredient pairs, plus the identity pair for every residue code given. */
  public List<ResidueSource> sourcesOf(String residueCode) {
    List<ResidueSource> out = new ArrayList<>();
    boolean self = false;
    for (ResidueSource s : residueSources) {
      if (s.residueCode().equals(residueCode)) {
        out.add(s);
        self |= s.activeIngredient().equals(residueCode);
      }
    }
    if (!self && residueCode != null) {
      out.add(
          new ResidueSource(
              residueCode,
              residueCode,
              "PARENT",
              "same code (no row in " + RESIDUE_SOURCES + ")",
              false));
    }
    return out;
  }

  /**
   * The verified all-uses ban of an active ingredient in force on a sale date, or null.
   *
   * @param activeIngredient lower-case English code
   * @param saleDate local date of the sale
   * @return the rule (its id and legal basis), or null when the sale is not banned
   */
  public BanRule saleBan(String activeIngredient, LocalDate saleDate) {
    for (BanRule r : reference.banRules()) {
      if (r.verified()
          && r.scope().allUses()
          && r.substanceCode().equals(activeIngredient)
          && r.inForceOn(saleDate)) {
        return r;
      }
    }
    return null;
  }

  /** The verified designated-sales restriction of an active ingredient in force on a date, or null. */
  public RestrictedUse designatedSalesRule(String activeIngredient, LocalDate saleDate) {
    RestrictedUse r = restricted.get(activeIngredient);
    return r != null && r.verified() && r.designatedSales() && !saleDate.isBefore(r.effectiveFrom())
        ? r
        : null;
  }

  /**
   * The verified crop-scoped ban of an active ingredient on the intended crop in force on the sale date, or
   * null; null also when no crop is recorded (the check cannot be made).
   */
  public BanRule cropRestriction(String activeIngredient, String intendedCrop, LocalDate saleDate) {
    if (intendedCrop == null || intendedCrop.isBlank()) {
      return null;
    }
    String crop = reference.resolveCommodity(intendedCrop.trim());
    for (BanRule r : reference.bans().bansFor(activeIngredient, crop, saleDate).verified()) {
      if (!r.scope().allUses()) {
        return r;
      }
    }
    return null;
  }

  /**
   * Whether a verified crop-scoped rule (a crop restriction) of the ban list names this active ingredient and is
   * in force on the date: such a sale can be checked against its crop only when the ledger records the crop.
   */
  public boolean hasCropRestrictions(String activeIngredient, LocalDate saleDate) {
    for (BanRule r : reference.banRules()) {
      if (r.verified()
          && !r.scope().allUses()
          && r.substanceCode().equals(activeIngredient)
          && r.inForceOn(saleDate)) {
        return true;
      }
    }
    return false;
  }
}

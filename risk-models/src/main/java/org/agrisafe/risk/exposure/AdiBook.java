package org.agrisafe.risk.exposure;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.agrisafe.risk.common.CsvTable;
import org.agrisafe.risk.common.NotAssessed;

/**
 * ADI/ARfD reference values with a synonym table that maps analyte names as labs and UK PRiF write them to substances.
 *
 * <p>Files (see {@code reference-data/adi/PROVENANCE.md}): {@code adi_arfd.csv} (EFSA OpenFoodTox v5, most recent
 * EFSA value per substance, units mg/kg bw[/day]) and {@code analyte_synonyms.csv} (analyte, substance, cas,
 * match_rule, ..., note; an empty substance means "known analyte, no single substance with reference values").
 *
 * <p>Lookup order for an analyte name, after lower-casing, replacing U+00A0 by a space and collapsing whitespace:
 * <ol>
 *   <li>the synonym table (its rule is reported, e.g. {@code SALT_OR_ESTER_FORM});</li>
 *   <li>the substance name in the ADI table, case-insensitive ({@code EXACT_SUBSTANCE_NAME});</li>
 *   <li>a CAS number ({@code CAS});</li>
 *   <li>the name without a residue-definition suffix "(sum)", "(partial sum)", "(parent only)", "(parent)",
 *       "(analyte)" or " sum", matched to a substance name ({@code RESIDUE_DEFINITION_SUFFIX}: the EU residue
 *       definition is expressed as the parent).</li>
 * </ol>
 * An analyte matched by none is {@code UNKNOWN_ANALYTE}; one the synonym table marks unmatched is
 * {@code NO_REFERENCE_VALUE}. Neither is dropped: {@link #unresolved(Collection)} lists them as {@link NotAssessed}.
 *
 * <p>Errors: {@link IllegalArgumentException} naming the file and row for a malformed file, a duplicate substance or
 * analyte, or a synonym pointing to a substance missing from the ADI table.
 */
public final class AdiBook {
  private static final Pattern SUFFIX =
      Pattern.compile("\\s*(\\((sum|partial sum|parent only|parent|analyte)\\)|\\s+sum)$");
  private static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");

  private final Map<String, AdiEntry> bySubstance = new HashMap<>();
  private final Map<String, AdiEntry> byCas = new HashMap<>();
  private final Map<String, Synonym> synonyms = new HashMap<>();

  private record Synonym(String substance, String rule, String note) {}

  private AdiBook(CsvTable adi, CsvTable syn) {
    adi.requireColumns(
        "substance",
        "cas",
        "adi_mg_per_kg_bw_per_day",
        "adi_type",
        "adi_source",
        "adi_year",
        "arfd_mg_per_kg_bw",
        "arfd_type",
        "arfd_source",
        "arfd_year",
        "note");
    for (CsvTable.Row r : adi.rows()) {
      String substance = r.get("substance");
      if (substance.isEmpty()) {
        throw new IllegalArgumentException(
            "Empty substance in " + r.where() + ": expected a substance name");
      }
      AdiEntry e;
      try {
        e =
            new AdiEntry(
                substance,
                r.get("cas"),
                r.getDouble("adi_mg_per_kg_bw_per_day"),
                r.get("adi_type"),
                r.get("adi_source"),
                r.getInt("adi_year"),
                r.getDouble("arfd_mg_per_kg_bw"),
                r.get("arfd_type"),
                r.get("arfd_source"),
                r.getInt("arfd_year"),
                r.get("note"));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(ex.getMessage() + " (" + r.where() + ")", ex);
      }
      if (bySubstance.put(normalize(substance), e) != null) {
        throw new IllegalArgumentException(
            "Duplicate substance '"
                + substance
                + "' in "
                + r.where()
                + ": expected one row per substance");
      }
      if (!e.cas().isEmpty()) {
        byCas.putIfAbsent(e.cas(), e);
      }
    }
    syn.requireColumns("analyte", "substance", "match_rule", "note");
    for (CsvTable.Row r : syn.rows()) {
      String analyte = normalize(r.get("analyte"));
      if (analyte.isEmpty()) {
        throw new IllegalArgumentException(
            "Empty analyte in " + r.where() + ": expected an analyte name");
      }
      String substance = r.get("substance");
      if (!substance.isEmpty() && !bySubstance.containsKey(normalize(substance))) {
        throw new IllegalArgumentException(
            "Synonym '"
                + analyte
                + "' in "
                + r.where()
                + " points to substance '"
                + substance
                + "', which is not in "
                + adi.source());
      }
      if (synonyms.put(analyte, new Synonym(substance, r.get("match_rule"), r.get("note")))
          != null) {
        throw new IllegalArgumentException(
            "Duplicate analyte '"
                + analyte
                + "' in "
                + r.where()
                + ": expected one row per analyte");
      }
    }
  }

  /** Loads both files from paths. */
  public static AdiBook load(Path adiArfdCsv, Path synonymsCsv) {
    return new AdiBook(CsvTable.read(adiArfdCsv), CsvTable.read(synonymsCsv));
  }

  /** Loads both files from streams (UTF-8; not closed), e.g. class-path resources of a deployment. */
  public static AdiBook load(
      InputStream adiArfdCsv, String adiName, InputStream synonymsCsv, String synonymsName) {
    return new AdiBook(
        CsvTable.read(adiArfdCsv, adiName), CsvTable.read(synonymsCsv, synonymsName));
  }

  /** Number of substances in the ADI table. */
  public int substanceCount() {
    return bySubstance.size();
  }

  /** Number of analyte names in the synonym table. */
  public int synonymCount() {
    return synonyms.size();
  }

  /** Lower case, U+00A0 to space, whitespace collapsed, trimmed. */
  public static String normalize(String name) {
    return name.replace('\u00A0', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Resolves one analyte name; never null, never throws for an unknown name. */
  public AdiResolution resolve(String analyte) {
    Objects.requireNonNull(analyte, "analyte");
    String n = normalize(analyte);
    Synonym s = synonyms.get(n);
    if (s != null) {
      if (s.substance().isEmpty()) {
        return new AdiResolution(
            analyte,
            n,
            AdiResolution.Status.NO_REFERENCE_VALUE,
            s.rule(),
            null,
            "analyte '" + n + "' has no substance with reference values: " + s.note());
      }
      return new AdiResolution(
          analyte,
          n,
          AdiResolution.Status.RESOLVED,
          s.rule(),
          bySubstance.get(normalize(s.substance())),
          s.note());
    }
    AdiEntry e = bySubstance.get(n);
    if (e != null) {
      return new AdiResolution(
          analyte, n, AdiResolution.Status.RESOLVED, "EXACT_SUBSTANCE_NAME", e, "");
    }
    if (CAS.matcher(n).matches() && byCas.containsKey(n)) {
      return new AdiResolution(analyte, n, AdiResolution.Status.RESOLVED, "CAS", byCas.get(n), "");
    }
    String stripped = SUFFIX.matcher(n).replaceFirst("");
    if (!stripped.equals(n) && bySubstance.containsKey(stripped)) {
      return new AdiResolution(
          analyte,
          n,
          AdiResolution.Status.RESOLVED,
          "RESIDUE_DEFINITION_SUFFIX",
          bySubstance.get(stripped),
          "residue-definition suffix removed: parent substance '" + stripped + "'");
    }
    return new AdiResolution(
        analyte,
        n,
        AdiResolution.Status.UNKNOWN_ANALYTE,
        "NONE",
        null,
        "analyte '" + n + "' is in neither the synonym table nor the ADI table");
  }

  /**
   * Analytes without an ADI: unknown names, names the synonym table marks unmatched, and substances whose entry has
   * no ADI. One {@link NotAssessed} per distinct normalized name, key {@code "analyte=<name>"}, in input order.
   */
  public List<NotAssessed> unresolved(Collection<String> analytes) {
    List<NotAssessed> out = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String a : analytes) {
      AdiResolution r = resolve(a);
      if (!seen.add(r.normalized())) {
        continue;
      }
      if (r.status() != AdiResolution.Status.RESOLVED) {
        out.add(new NotAssessed("analyte=" + r.normalized(), r.status() + ": " + r.message()));
      } else if (!r.hasAdi()) {
        out.add(
            new NotAssessed(
                "analyte=" + r.normalized(),
                "missing ADI: substance '"
                    + r.entry().substance()
                    + "' has no ADI in the reference table"));
      }
    }
    return out;
  }
}

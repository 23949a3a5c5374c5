package org.agrisafe.risk.exposure;

import java.util.Objects;

/**
 * Health-based reference values of one substance, one row of {@code reference-data/adi/adi_arfd.csv}.
 *
 * @param substance          EFSA substance name, e.g. "Flonicamid"
 * @param cas                CAS number, "" when the source gives none
 * @param adiMgPerKgBwPerDay acceptable daily intake, mg/kg body weight/day; null when none was selected
 * @param adiType            "ADI" or "ADI (group)"; "" when no ADI
 * @param adiSource          the EFSA output (panel and OpenFoodTox OutputID) or the quoted publication
 * @param adiYear            year of that output; null when no ADI
 * @param arfdMgPerKgBw      acute reference dose, mg/kg body weight (per meal or day); null when none
 * @param arfdType           "ARfD" or "ARfD (group)"; "" when none
 * @param arfdSource         source of the ARfD
 * @param arfdYear           year of the ARfD output; null when none
 * @param note               selection notes, e.g. several values in the latest year
 */
public record AdiEntry(
    String substance,
    String cas,
    Double adiMgPerKgBwPerDay,
    String adiType,
    String adiSource,
    Integer adiYear,
    Double arfdMgPerKgBw,
    String arfdType,
    String arfdSource,
    Integer arfdYear,
    String note) {
  public AdiEntry {
    Objects.requireNonNull(substance, "substance");
    if (adiMgPerKgBwPerDay != null && !(adiMgPerKgBwPerDay > 0)) {
      throw new IllegalArgumentException(
          "ADI of "
              + substance
              + " is "
              + adiMgPerKgBwPerDay
              + " mg/kg bw/day: expected a positive value");
    }
    if (arfdMgPerKgBw != null && !(arfdMgPerKgBw > 0)) {
      throw new IllegalArgumentException(
          "ARfD of " + substance + " is " + arfdMgPerKgBw + " mg/kg bw: expected a positive value");
    }
  }
}

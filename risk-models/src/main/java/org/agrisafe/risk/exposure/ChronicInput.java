package org.agrisafe.risk.exposure;

import java.util.List;

/**
 * The chronic exposure input of one analyte: its residue levels and consumption in each food group eaten.
 *
 * @param analyte analyte name as the lab writes it (resolved through {@link AdiBook})
 * @param foods   one entry per food group; must not be empty
 */
public record ChronicInput(String analyte, List<FoodIntake> foods) {
  public ChronicInput {
    foods = foods == null ? List.of() : List.copyOf(foods);
  }
}

/**
 * Concentration units (canonical mg/kg) and the parsing of Chinese limit text (≤0.5mg/kg, 不得检出). Unknown units
 * are rejected with {@link org.agrisafe.risk.units.UnknownUnitException}, never guessed.
 */
package org.agrisafe.risk.units;

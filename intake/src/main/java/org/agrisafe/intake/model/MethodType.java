package org.agrisafe.intake.model;

/** Quantitative (instrumental, value in mg/kg) or rapid (screening: inhibition rate or strip). */
public enum MethodType {
  QUANTITATIVE,
  RAPID
}

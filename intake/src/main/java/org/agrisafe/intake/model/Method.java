package org.agrisafe.intake.model;

import java.util.Locale;

/** Analytical method of one result, with its {@link MethodType}. */
public enum Method {
  GC_MS("GC-MS", MethodType.QUANTITATIVE),
  GC_MS_MS("GC-MS/MS", MethodType.QUANTITATIVE),
  LC_MS_MS("LC-MS/MS", MethodType.QUANTITATIVE),
  GC("GC", MethodType.QUANTITATIVE),
  HPLC("HPLC", MethodType.QUANTITATIVE),
  ICP_MS("ICP-MS", MethodType.QUANTITATIVE),
  AAS("AAS", MethodType.QUANTITATIVE),
  ELISA("ELISA", MethodType.QUANTITATIVE),
  /** Quantitative method not stated by the source (UK PRiF and the SAMR notices do not name it). */
  UNKNOWN("UNKNOWN", MethodType.QUANTITATIVE),
  /** Enzyme inhibition rapid test (GB/T 5009.199): result is an inhibition rate in %. */
  ENZYME_INHIBITION("ENZYME_INHIBITION", MethodType.RAPID),
  /** Colloidal-gold immunochromatographic strip: result is positive/negative. */
  COLLOIDAL_GOLD("COLLOIDAL_GOLD", MethodType.RAPID);

  private final String code;
  private final MethodType type;

  Method(String code, MethodType type) {
    this.code = code;
    this.type = type;
  }

  /** The spelling used in the upload format, e.g. {@code LC-MS/MS}. */
  public String code() {
    return code;
  }

  public MethodType type() {
    return type;
  }

  /**
   * Parses an upload-format method code (case-insensitive; {@code _} and {@code -} are interchangeable).
   *
   * @throws IllegalArgumentException if the code is not one of {@link #values()}' codes
   */
  public static Method fromCode(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    for (Method m : values()) {
      if (m.code.replace('_', '-').equals(t)) {
        return m;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Method m : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(m.code);
    }
    throw new IllegalArgumentException(
        "Cannot parse method '" + text + "': expected one of " + known);
  }
}

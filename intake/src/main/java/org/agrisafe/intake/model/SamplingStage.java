package org.agrisafe.intake.model;

/**
 * Where in the supply chain a sample was taken. Deliberately small:
 * <ul>
 *   <li>{@link #PRODUCTION_BASE}: farm, greenhouse, production base (生产基地);</li>
 *   <li>{@link #WHOLESALE_MARKET}: wholesale market or wholesaler (批发市场);</li>
 *   <li>{@link #RETAIL}: shop, wet market stall, online shop that is not a supermarket chain (零售);</li>
 *   <li>{@link #SUPERMARKET}: supermarket chain, including its online shop (超市);</li>
 *   <li>{@link #ENTERPRISE}: a producing or processing enterprise's own premises (生产企业);</li>
 *   <li>{@link #UNKNOWN}: the source does not allow a classification (ports, importers, unlisted names).</li>
 * </ul>
 */
public enum SamplingStage {
  PRODUCTION_BASE,
  WHOLESALE_MARKET,
  RETAIL,
  SUPERMARKET,
  ENTERPRISE,
  UNKNOWN
}

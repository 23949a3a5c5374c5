/**
 * Text formatting of figures. Rates are proportions in [0, 1] shown as percentages with one decimal
 * ("2.5%"); a null or missing figure is shown as an em dash.
 */
export const DASH = '—';

/** 0.025 -> "2.5%"; null/undefined -> "—". */
export function formatPercent(p, digits = 1) {
  if (p === null || p === undefined || !Number.isFinite(p)) return DASH;
  return `${(p * 100).toFixed(digits)}%`;
}

/** Wilson interval text "1.0–6.0%"; "—" if either bound is missing. */
export function formatInterval(low, high, digits = 1) {
  if (low === null || low === undefined || high === null || high === undefined) return DASH;
  return `${(low * 100).toFixed(digits)}–${(high * 100).toFixed(digits)}%`;
}

/** Numerator over denominator, "3 / 120"; "—" when either is missing. */
export function formatFraction(n, samples) {
  if (n === null || n === undefined || samples === null || samples === undefined) return DASH;
  return `${n} / ${samples}`;
}

/** A value of a measure in its unit: "%" -> percent, otherwise two decimals plus the unit if any. */
export function formatMeasureValue(measure, v) {
  if (v === null || v === undefined) return DASH;
  if (typeof v !== 'number') return String(v);
  if (measure.unit === '%') return formatPercent(v);
  return `${v.toFixed(2)}${measure.unit ? ` ${measure.unit}` : ''}`;
}

/** Legend label of a numeric class: "< 1.0%", "1.0–2.0%", "≥ 10.0%", or "all values" for a single class. */
export function classLabel(measure, cls) {
  const f = (v) => (measure.unit === '%' ? formatPercent(v) : formatMeasureValue(measure, v));
  if (cls.lo === null && cls.hi === null) return 'all';
  if (cls.lo === null) return `< ${f(cls.hi)}`;
  if (cls.hi === null) return `≥ ${f(cls.lo)}`;
  if (measure.unit === '%') return `${(cls.lo * 100).toFixed(1)}–${formatPercent(cls.hi)}`;
  return `${f(cls.lo)} – ${f(cls.hi)}`;
}

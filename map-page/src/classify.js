/**
 * Classification of region values into the choropleth's classes. Pure functions, no DOM, no Leaflet.
 *
 * Measures (from `metadata.measures`) are of three kinds, chosen by key:
 *  - 'hotspot': key `gi_star_z`. Drawn by the record's `hotspot_class` (set by the Spark job, which owns the
 *    significance thresholds): 7 categories on a diverging blue–white–red legend, COLD_99 … HOT_99.
 *  - 'rate': key ending in `_rate` (exceedance_rate, detection_rate, pass_rate, …). Values are proportions in
 *    [0, 1], shown as %. Figures of a rate `X_rate` are `X_n` (numerator), `samples` (denominator),
 *    `X_low`/`X_high` (95 % Wilson interval).
 *  - 'number': any other key; shown with its unit.
 *
 * Breaks ('fixed' mode) are set per measure in FIXED_SCHEMES so that maps of different periods and layers are
 * comparable; a rate or number without a fixed scheme falls back to quantiles. 'quantile' mode uses 5 classes
 * at the 20/40/60/80 % quantiles (type 7, as R's default `quantile()`) of ALL values of the measure over every
 * period and region of the layer (too-few-samples and no-data records excluded), so that colours stay comparable
 * when the period changes; equal breaks are merged, so fewer classes may result.
 * Classes are half-open: class i holds lo_i <= v < hi_i (the first has no lo, the last no hi).
 *
 * A region's status for a period, in this order of precedence:
 *  1. 'no-data': no record for the period, samples 0 or null, or (after 2.) a null value;
 *  2. 'too-few': `too_few_samples === true` — never coloured, drawn hatched;
 *  3. 'value': classified.
 */

export const NO_DATA = 'no-data';
export const TOO_FEW = 'too-few';
export const NO_DATA_COLOR = '#c4c4c4';
export const TOO_FEW_FILL = 'url(#hatch-too-few)';

/** ColorBrewer 2.0 5-class palettes (Cynthia Brewer, colorbrewer2.org, Apache-2.0 licence). */
export const PALETTES = {
  YlOrRd: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  PuRd: ['#f1eef6', '#d7b5d8', '#df65b0', '#dd1c77', '#980043'],
  RdYlGn: ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'],
  Blues: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
};

/** Fixed breaks (proportions for rates) and palette per measure key; low→high values map to palette order. */
export const FIXED_SCHEMES = {
  exceedance_rate: { breaks: [0.01, 0.02, 0.05, 0.1], palette: 'YlOrRd' },
  detection_rate: { breaks: [0.2, 0.4, 0.6, 0.8], palette: 'PuRd' },
  // a low pass rate is the bad end: red
  pass_rate: { breaks: [0.9, 0.95, 0.98, 0.99], palette: 'RdYlGn' },
};

/** Hot-spot categories, cold to hot, with a 7-class RdBu diverging palette (ColorBrewer). */
export const HOTSPOT_CLASSES = [
  { id: 'COLD_99', color: '#2166ac' },
  { id: 'COLD_95', color: '#67a9cf' },
  { id: 'COLD_90', color: '#d1e5f0' },
  { id: 'NOT_SIGNIFICANT', color: '#f7f7f7' },
  { id: 'HOT_90', color: '#fddbc7' },
  { id: 'HOT_95', color: '#ef8a62' },
  { id: 'HOT_99', color: '#b2182b' },
];
export const HOTSPOT_IDS = HOTSPOT_CLASSES.map((c) => c.id);
export const LISA_IDS = ['HH', 'LL', 'HL', 'LH', 'NS'];

/** 'hotspot' | 'rate' | 'number' for a measure key. */
export function measureKind(key) {
  if (key === 'gi_star_z') return 'hotspot';
  if (/_rate$/.test(key)) return 'rate';
  return 'number';
}

/** For a rate key `X_rate`, the prefix `X` of its companion fields X_n, X_low, X_high. */
export function ratePrefix(key) {
  if (measureKind(key) !== 'rate') throw new Error(`Measure '${key}' is not a rate: expected a key ending in '_rate'`);
  return key.slice(0, -'_rate'.length);
}

/**
 * Status and value of one region for one period and measure.
 * @param {object|undefined} values the feature's `properties.values` (period -> record)
 * @param {string} period
 * @param {string} key measure key
 * @returns {{status: 'no-data'|'too-few'|'value', value: (number|string|null), record: (object|null)}}
 */
export function regionState(values, period, key) {
  const record = values?.[period] ?? null;
  if (record === null || record.samples === 0 || record.samples === null) return { status: NO_DATA, value: null, record };
  if (record.too_few_samples === true) return { status: TOO_FEW, value: null, record };
  const value = measureKind(key) === 'hotspot' ? record.hotspot_class : record[key];
  if (value === null || value === undefined) return { status: NO_DATA, value: null, record };
  return { status: 'value', value, record };
}

/**
 * Quantile (R type 7) of sorted numbers.
 * @param {number[]} sorted ascending, non-empty
 * @param {number} q in [0, 1]
 */
export function quantile7(sorted, q) {
  if (sorted.length === 0) throw new Error('Cannot compute a quantile of an empty list: expected at least one value');
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Quantile breaks: the k-1 inner quantiles, duplicates and breaks not above the minimum removed.
 * @returns {number[]} strictly increasing, length 0..k-1
 */
export function quantileBreaks(values, k = 5) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out = [];
  for (let i = 1; i < k; i++) {
    const b = quantile7(sorted, i / k);
    if (b > sorted[0] && (out.length === 0 || b > out[out.length - 1])) out.push(b);
  }
  return out;
}

function spreadPalette(palette, n) {
  if (n === 1) return [palette[Math.floor(palette.length / 2)]];
  return Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (n - 1))]);
}

/**
 * Builds the classes of the legend for a measure.
 * @param {{key:string}} measure
 * @param {'fixed'|'quantile'} mode
 * @param {object[]} features GeoJSON features (properties.values used)
 * @param {string[]} periods all periods of the layer (for quantile mode)
 * @returns {{kind:string, mode:string, classes:Array<{id:string,color:string,lo:(number|null),hi:(number|null)}>}}
 */
export function buildScheme(measure, mode, features, periods) {
  const kind = measureKind(measure.key);
  if (kind === 'hotspot') {
    return { kind, mode: 'categorical', classes: HOTSPOT_CLASSES.map((c) => ({ ...c, lo: null, hi: null })) };
  }
  let breaks;
  let palette;
  const fixed = FIXED_SCHEMES[measure.key];
  if (mode === 'fixed' && fixed) {
    breaks = fixed.breaks;
    palette = PALETTES[fixed.palette];
  } else {
    const all = [];
    for (const f of features) {
      for (const p of periods) {
        const s = regionState(f.properties?.values, p, measure.key);
        if (s.status === 'value' && typeof s.value === 'number') all.push(s.value);
      }
    }
    breaks = quantileBreaks(all, 5);
    palette = PALETTES[fixed?.palette ?? 'Blues'];
    mode = 'quantile';
  }
  const colors = spreadPalette(palette, breaks.length + 1);
  const classes = colors.map((color, i) => ({
    id: `c${i}`,
    color,
    lo: i === 0 ? null : breaks[i - 1],
    hi: i === breaks.length ? null : breaks[i],
  }));
  return { kind, mode, classes };
}

/**
 * The class of a region state: the class object, or the string NO_DATA / TOO_FEW.
 * A hot-spot value outside HOTSPOT_IDS gives NO_DATA (the contract check reports it).
 */
export function classOf(scheme, state) {
  if (state.status !== 'value') return state.status;
  if (scheme.kind === 'hotspot') return scheme.classes.find((c) => c.id === state.value) ?? NO_DATA;
  if (typeof state.value !== 'number' || !Number.isFinite(state.value)) return NO_DATA;
  return scheme.classes.find((c) => (c.lo === null || state.value >= c.lo) && (c.hi === null || state.value < c.hi));
}

/** Fill of a class as returned by classOf. */
export function fillOf(cls) {
  if (cls === NO_DATA) return NO_DATA_COLOR;
  if (cls === TOO_FEW) return TOO_FEW_FILL;
  return cls.color;
}

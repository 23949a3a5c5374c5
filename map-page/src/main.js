/**
 * AgriSafe choropleth page. Reads `index.json` and the GeoJSON layers it lists from the maps folder
 * (`?maps=PATH/`, default `maps/` next to index.html), and draws one layer at a time with Leaflet's SVG
 * renderer on a plain background (no tiles: the page needs no network beyond its own server).
 *
 * Query parameters: maps, lang (en|zh), layer (file name or metadata.layer), measure, period,
 * classes (fixed|quantile). The selectors keep layer/measure/period/classes in the URL.
 */
import 'leaflet/dist/leaflet.css';
import './style.css';
import L from 'leaflet';
import { buildScheme, classOf, fillOf, measureKind, ratePrefix, regionState, NO_DATA, TOO_FEW, NO_DATA_COLOR, TOO_FEW_FILL } from './classify.js';
import { validateIndex, validateLayer } from './contract.js';
import { classLabel, formatFraction, formatInterval, formatMeasureValue, formatPercent, DASH } from './format.js';
import { translator, localized } from './i18n.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'zh' ? 'zh' : 'en';
const t = translator(lang);
const mapsBase = new URL(withSlash(params.get('maps') ?? 'maps/'), location.href);

const $ = (id) => document.getElementById(id);
const ui = {
  title: $('title'), source: $('source'), banner: $('synthetic-banner'), error: $('error'), problems: $('problems'),
  layer: $('layer-select'), layerField: $('layer-field'), measure: $('measure-select'), period: $('period-select'),
  classes: $('classes-select'), classesField: $('classes-field'), legend: $('legend'), details: $('details'),
};

const state = {
  index: [], // [{file, title}]
  layers: new Map(), // file -> {doc, check}
  file: null,
  measureKey: null,
  period: null,
  mode: params.get('classes') === 'quantile' ? 'quantile' : 'fixed',
  selectedCode: null,
  scheme: null,
};

const map = L.map('map', { zoomSnap: 0.25, renderer: L.svg({ padding: 0.5 }), worldCopyJump: false, attributionControl: true });
map.attributionControl.setPrefix('Leaflet');
let geoLayer = null;

function withSlash(s) {
  return s.endsWith('/') ? s : `${s}/`;
}
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
function svgSwatch(fill) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('viewBox', '0 0 26 16');
  const rect = document.createElementNS(ns, 'rect');
  rect.setAttribute('width', '26');
  rect.setAttribute('height', '16');
  rect.setAttribute('fill', fill);
  svg.append(rect);
  return svg;
}

async function fetchJson(url) {
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url.pathname ?? url}: HTTP ${res.status} ${res.statusText}`);
  try {
    return await res.json();
  } catch (e) {
    throw new Error(`${url.pathname ?? url}: not valid JSON (${e.message})`);
  }
}

function showError(err) {
  ui.error.hidden = false;
  ui.error.textContent = `${t('errorLoad')}: ${err.message ?? err}`;
  document.body.dataset.state = 'error';
}

function currentLayer() {
  return state.layers.get(state.file);
}
function currentMeasure() {
  return currentLayer().doc.metadata.measures.find((m) => m.key === state.measureKey);
}
function minSamples() {
  return currentLayer().doc.metadata.min_samples ?? '?';
}

async function loadLayer(file) {
  if (!state.layers.has(file)) {
    const doc = await fetchJson(new URL(file, mapsBase));
    const check = validateLayer(doc, file);
    state.layers.set(file, { doc, check });
  }
  return state.layers.get(file);
}

function fillSelect(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => el('option', { value, text: label })));
  select.value = selected;
}

/** Record of a feature for a period, with contract-violating records treated as absent. */
function valuesOf(featureIndex, feature) {
  const { check } = currentLayer();
  if (check.badFeatures.has(featureIndex)) return undefined;
  const bad = check.badRecords.get(featureIndex);
  const values = feature.properties.values;
  if (!bad || !values) return values;
  return Object.fromEntries(Object.entries(values).filter(([p]) => !bad.has(p)));
}

function featureState(feature) {
  return regionState(valuesOf(feature.__index, feature), state.period, state.measureKey);
}

function styleFor(feature) {
  const cls = classOf(state.scheme, featureState(feature));
  const selected = String(feature.properties.region_code) === state.selectedCode;
  return {
    fillColor: fillOf(cls),
    fillOpacity: 1,
    color: selected ? '#111' : '#555',
    weight: selected ? 2.5 : 0.8,
    opacity: 1,
  };
}

function regionName(feature) {
  return localized(feature.properties, 'region_name', lang) ?? String(feature.properties.region_code);
}

function tooltipFor(feature) {
  const st = featureState(feature);
  const m = currentMeasure();
  const box = el('div', { class: 'region-tooltip' });
  box.append(el('div', { class: 'tt-name', text: `${regionName(feature)} (${feature.properties.region_code})` }));
  let line;
  if (st.status === NO_DATA) line = t('noData');
  else if (st.status === TOO_FEW) line = `${t('tooFew', { min: minSamples() })}: n = ${st.record.samples}`;
  else if (measureKind(m.key) === 'hotspot') line = `${t(st.value)} (z = ${formatMeasureValue({ unit: '' }, st.record.gi_star_z)})`;
  else if (measureKind(m.key) === 'rate') line = `${formatMeasureValue(m, st.value)} (${formatFraction(st.record[`${ratePrefix(m.key)}_n`], st.record.samples)})`;
  else line = formatMeasureValue(m, st.value);
  box.append(el('div', { text: `${localized(m, 'label', lang)}, ${state.period}: ${line}` }));
  return box;
}

function renderHeader() {
  const md = currentLayer().doc.metadata;
  const title = localized(md, 'title', lang);
  ui.title.textContent = title;
  document.title = `${title} — AgriSafe`;
  const bits = [`${t('source')}: ${localized(md, 'source', lang) ?? DASH}`];
  if (md.programmes) bits.push(`${t('programmes')}: ${localized(md, 'programmes', lang)}`);
  if (md.crs) bits.push(`${t('crs')}: ${md.crs}${md.crs_note ? ` (${md.crs_note})` : ''}`);
  if (md.generated_at) bits.push(`${t('generated')} ${md.generated_at}`);
  ui.source.textContent = bits.join(' · ');
  ui.banner.hidden = md.synthetic !== true;
  ui.banner.textContent = t('syntheticBanner');
  const { problems } = currentLayer().check;
  ui.problems.hidden = problems.length === 0;
  if (problems.length > 0) {
    const shown = problems.slice(0, 50).map((p) => el('li', { text: p }));
    if (problems.length > 50) shown.push(el('li', { text: `… ${problems.length - 50} more` }));
    ui.problems.replaceChildren(el('div', { text: t('problems', { n: problems.length, file: state.file }) }), el('ul', {}, ...shown));
  }
}

function renderControls() {
  const md = currentLayer().doc.metadata;
  ui.layerField.hidden = state.index.length < 2;
  fillSelect(ui.layer, state.index.map((e) => [e.file, localized(e, 'title', lang)]), state.file);
  fillSelect(ui.measure, md.measures.map((m) => [m.key, localized(m, 'label', lang)]), state.measureKey);
  fillSelect(ui.period, md.periods.map((p) => [p, p]), state.period);
  ui.classes.value = state.mode;
  ui.classesField.hidden = measureKind(state.measureKey) === 'hotspot';
}

function legendItem(kind, id, fill, label, extra = {}) {
  return el('li', { class: `legend-item ${kind}`, 'data-class': id, 'data-fill': fill, ...extra }, svgSwatch(fill), el('span', { class: 'legend-label', text: label }));
}

function renderLegend() {
  const m = currentMeasure();
  const s = state.scheme;
  const items = s.classes.map((c) =>
    s.kind === 'hotspot'
      ? legendItem('class', c.id, c.color, t(c.id))
      : legendItem('class', c.id, c.color, classLabel(m, c), { 'data-lo': c.lo ?? '', 'data-hi': c.hi ?? '' }),
  );
  items.push(legendItem('special', NO_DATA, NO_DATA_COLOR, t('noData')));
  items.push(legendItem('special', TOO_FEW, TOO_FEW_FILL, t('tooFew', { min: minSamples() })));
  const note = s.kind === 'hotspot' ? t('legendHotspot') : `${s.mode === 'quantile' ? t('legendQuantile') : t('legendFixed')} ${t('legendNote')}`;
  const unit = m.unit ? ` (${m.unit})` : '';
  ui.legend.replaceChildren(
    el('h2', { text: `${localized(m, 'label', lang)}${unit}, ${state.period}` }),
    el('ul', {}, ...items),
    el('p', { class: 'legend-note', text: note }),
  );
}

function renderDetails() {
  const feature = geoLayer && state.selectedCode !== null
    ? currentLayer().doc.features.find((f) => String(f.properties?.region_code) === state.selectedCode)
    : null;
  if (!feature) {
    ui.details.replaceChildren(el('p', { class: 'hint', text: t('clickHint') }));
    return;
  }
  const md = currentLayer().doc.metadata;
  const values = valuesOf(feature.__index, feature);
  const rec = values?.[state.period] ?? null;
  const parts = [
    el('h2', { 'data-field': 'region' }, `${regionName(feature)} `, el('span', { class: 'code', 'data-field': 'code', text: String(feature.properties.region_code) })),
    el('div', { 'data-field': 'period', text: `${t('period')}: ${state.period}` }),
  ];
  if (rec === null) {
    parts.push(el('p', { class: 'note', 'data-field': 'status', text: t('noDataPeriod') }));
    ui.details.replaceChildren(...parts);
    return;
  }
  parts.push(el('dl', {}, el('dt', { text: t('samples') }), el('dd', { 'data-field': 'samples', text: rec.samples ?? DASH })));
  if (rec.too_few_samples === true) parts.push(el('p', { class: 'note', 'data-field': 'status', text: t('notClassified', { min: minSamples() }) }));
  const rows = [];
  const extra = [];
  for (const m of md.measures) {
    const kind = measureKind(m.key);
    if (kind === 'rate') {
      const pre = ratePrefix(m.key);
      rows.push(el('tr', { 'data-measure': m.key, class: m.key === state.measureKey ? 'current' : undefined },
        el('td', { text: localized(m, 'label', lang) }),
        el('td', { 'data-field': 'numerator', text: formatFraction(rec[`${pre}_n`], rec.samples) }),
        el('td', { 'data-field': 'rate', text: formatPercent(rec[m.key]) }),
        el('td', { 'data-field': 'ci', text: formatInterval(rec[`${pre}_low`], rec[`${pre}_high`]) })));
    } else if (kind === 'hotspot') {
      extra.push(el('dt', { text: t('giZ') }), el('dd', { 'data-field': 'gi_star_z', text: formatMeasureValue({ unit: '' }, rec.gi_star_z) }));
      extra.push(el('dt', { text: t('hotspot') }), el('dd', { 'data-field': 'hotspot_class', text: rec.hotspot_class ? t(rec.hotspot_class) : DASH }));
      extra.push(el('dt', { text: t('lisa') }), el('dd', { 'data-field': 'lisa_class', text: rec.lisa_class ? t(rec.lisa_class) : DASH }));
    } else {
      extra.push(el('dt', { text: localized(m, 'label', lang) }), el('dd', { 'data-field': m.key, text: formatMeasureValue(m, rec[m.key]) }));
    }
  }
  if (rows.length > 0) {
    parts.push(el('table', {},
      el('thead', {}, el('tr', {}, el('th', { text: t('measure') }), el('th', { text: t('numerator') }), el('th', { text: t('rate') }), el('th', { text: t('ci') }))),
      el('tbody', {}, ...rows)));
  }
  if (extra.length > 0) parts.push(el('dl', {}, ...extra));
  ui.details.replaceChildren(...parts);
}

function updateScheme() {
  const { doc } = currentLayer();
  state.scheme = buildScheme(currentMeasure(), state.mode, doc.features, doc.metadata.periods);
}

function restyle() {
  updateScheme();
  geoLayer.setStyle(styleFor);
  const sel = state.selectedCode;
  geoLayer.eachLayer((l) => {
    if (String(l.feature.properties.region_code) === sel) l.bringToFront();
  });
  renderControls();
  renderLegend();
  renderDetails();
  syncUrl();
  document.body.dataset.state = 'ready';
  document.body.dataset.layer = state.file;
  document.body.dataset.measure = state.measureKey;
  document.body.dataset.period = state.period;
  document.body.dataset.classes = state.mode;
}

function syncUrl() {
  const p = new URLSearchParams(location.search);
  p.set('layer', state.file);
  p.set('measure', state.measureKey);
  p.set('period', state.period);
  p.set('classes', state.mode);
  history.replaceState(null, '', `${location.pathname}?${p}`);
}

function drawLayer() {
  const { doc, check } = currentLayer();
  if (geoLayer) geoLayer.remove();
  updateScheme();
  doc.features.forEach((f, i) => {
    Object.defineProperty(f, '__index', { value: i, enumerable: false, configurable: true });
  });
  const drawable = doc.features.filter((f, i) => !check.badFeatures.has(i) || (f?.geometry && ['Polygon', 'MultiPolygon'].includes(f.geometry.type)));
  geoLayer = L.geoJSON({ type: 'FeatureCollection', features: drawable }, {
    style: styleFor,
    onEachFeature(feature, layer) {
      layer.bindTooltip(() => tooltipFor(feature), { sticky: true, direction: 'top', offset: [0, -6] });
      layer.on('add', () => {
        const path = layer.getElement();
        path.classList.add('region');
        path.setAttribute('data-region-code', String(feature.properties.region_code));
      });
      layer.on('mouseover', () => layer.setStyle({ weight: 2.5, color: '#111' }));
      layer.on('mouseout', () => geoLayer.resetStyle(layer));
      layer.on('click', () => {
        state.selectedCode = String(feature.properties.region_code);
        restyle();
      });
    },
  }).addTo(map);
  const bounds = geoLayer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
  else map.setView([20, 0], 1);
}

async function selectLayer(file) {
  document.body.dataset.state = 'loading';
  const { doc } = await loadLayer(file);
  state.file = file;
  const md = doc.metadata;
  const keys = md.measures.map((m) => m.key);
  if (!keys.includes(state.measureKey)) state.measureKey = keys.includes(params.get('measure')) ? params.get('measure') : keys[0];
  if (!md.periods.includes(state.period)) state.period = md.periods.includes(params.get('period')) ? params.get('period') : md.periods[md.periods.length - 1];
  state.selectedCode = null;
  renderHeader();
  drawLayer();
  restyle();
}

async function start() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  ui.details.replaceChildren(el('p', { class: 'hint', text: t('loading') }));
  state.index = validateIndex(await fetchJson(new URL('index.json', mapsBase)), 'index.json');
  const wanted = params.get('layer');
  let first = state.index[0].file;
  if (wanted) {
    const hit = state.index.find((e) => e.file === wanted || e.file.replace(/\.(geo)?json$/i, '') === wanted);
    if (hit) first = hit.file;
  }
  ui.layer.addEventListener('change', () => selectLayer(ui.layer.value).catch(showError));
  ui.measure.addEventListener('change', () => {
    state.measureKey = ui.measure.value;
    restyle();
  });
  ui.period.addEventListener('change', () => {
    state.period = ui.period.value;
    restyle();
  });
  ui.classes.addEventListener('change', () => {
    state.mode = ui.classes.value;
    restyle();
  });
  await selectLayer(first);
}

start().catch(showError);

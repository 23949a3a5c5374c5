/**
 * Checks a layer file against the GeoJSON contract of the Spark map job (see README.md, "Data contract").
 *
 * Structural errors (not a FeatureCollection, metadata missing, no measures or periods) throw a
 * ContractError: the page cannot draw such a file. Errors in one feature or one period record are returned
 * as messages naming the file, the feature (index and region_code), the period and the field; the page
 * shows them in a warning and draws that region (bad geometry/properties) or that record as "no data".
 * Nothing is dropped silently.
 */
import { HOTSPOT_IDS, LISA_IDS, measureKind, ratePrefix } from './classify.js';

export class ContractError extends Error {}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isProportion = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const nonNegInt = (v) => Number.isInteger(v) && v >= 0;
const show = (v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/**
 * @param {any} doc parsed JSON
 * @param {string} file name for messages
 * @returns {{problems: string[], badFeatures: Set<number>, badRecords: Map<number, Set<string>>}}
 * @throws {ContractError} on structural errors
 */
export function validateLayer(doc, file) {
  const fail = (msg) => {
    throw new ContractError(`${file}: ${msg}`);
  };
  if (!isObj(doc) || doc.type !== 'FeatureCollection') fail(`type is ${show(doc?.type)}: expected 'FeatureCollection'`);
  const md = doc.metadata;
  if (!isObj(md)) fail('metadata is missing: expected an object with title, measures and periods');
  if (typeof md.title !== 'string' || md.title === '') fail(`metadata.title is ${show(md.title)}: expected a non-empty string`);
  if (!Array.isArray(md.measures) || md.measures.length === 0) fail('metadata.measures is missing or empty: expected a list of {key, label, unit}');
  md.measures.forEach((m, i) => {
    if (!isObj(m) || typeof m.key !== 'string' || m.key === '') fail(`metadata.measures[${i}].key is ${show(m?.key)}: expected a non-empty string`);
    if (typeof m.label !== 'string' || m.label === '') fail(`metadata.measures[${i}] ('${m.key}').label is ${show(m.label)}: expected a non-empty string`);
    if (m.unit !== undefined && typeof m.unit !== 'string') fail(`metadata.measures[${i}] ('${m.key}').unit is ${show(m.unit)}: expected a string`);
  });
  if (!Array.isArray(md.periods) || md.periods.length === 0) fail('metadata.periods is missing or empty: expected a list of period strings');
  md.periods.forEach((p, i) => {
    if (typeof p !== 'string' || p === '') fail(`metadata.periods[${i}] is ${show(p)}: expected a non-empty string`);
  });
  if (md.synthetic !== undefined && typeof md.synthetic !== 'boolean') fail(`metadata.synthetic is ${show(md.synthetic)}: expected true or false`);
  if (md.min_samples !== undefined && !nonNegInt(md.min_samples)) fail(`metadata.min_samples is ${show(md.min_samples)}: expected an integer >= 0`);
  if (!Array.isArray(doc.features)) fail('features is missing: expected a list');

  const periods = new Set(md.periods);
  const problems = [];
  const badFeatures = new Set();
  const badRecords = new Map();
  doc.features.forEach((f, i) => {
    const code = f?.properties?.region_code;
    const where = `feature ${i}${code !== undefined ? ` (region_code ${show(code)})` : ''}`;
    const featureProblem = (msg) => {
      problems.push(`${where}: ${msg}`);
      badFeatures.add(i);
    };
    if (!isObj(f) || f.type !== 'Feature') return featureProblem(`type is ${show(f?.type)}: expected 'Feature'`);
    const gt = f.geometry?.type;
    if (gt !== 'Polygon' && gt !== 'MultiPolygon') featureProblem(`geometry.type is ${show(gt)}: expected 'Polygon' or 'MultiPolygon'`);
    const p = f.properties;
    if (!isObj(p)) return featureProblem('properties is missing: expected an object');
    if (!((typeof code === 'string' && code !== '') || Number.isInteger(code))) featureProblem(`properties.region_code is ${show(code)}: expected a non-empty string`);
    if (typeof p.region_name !== 'string' || p.region_name === '') featureProblem(`properties.region_name is ${show(p.region_name)}: expected a non-empty string`);
    if (p.values === undefined) return; // no record at all: every period is "no data"
    if (!isObj(p.values)) return featureProblem(`properties.values is ${show(p.values)}: expected an object keyed by period`);
    for (const [period, rec] of Object.entries(p.values)) {
      const recProblem = (field, msg) => {
        problems.push(`${where}, period '${period}', field '${field}': ${msg}`);
        if (!badRecords.has(i)) badRecords.set(i, new Set());
        badRecords.get(i).add(period);
      };
      if (!periods.has(period)) recProblem('(period)', 'not listed in metadata.periods');
      if (!isObj(rec)) {
        recProblem('(record)', `${show(rec)} is not an object`);
        continue;
      }
      if (!(rec.samples === null || nonNegInt(rec.samples))) recProblem('samples', `${show(rec.samples)} is not an integer >= 0`);
      if (rec.too_few_samples !== undefined && typeof rec.too_few_samples !== 'boolean') recProblem('too_few_samples', `${show(rec.too_few_samples)} is not true or false`);
      for (const m of md.measures) {
        const kind = measureKind(m.key);
        if (kind === 'hotspot') {
          const z = rec.gi_star_z;
          if (!(z === null || z === undefined || (typeof z === 'number' && Number.isFinite(z)))) recProblem('gi_star_z', `${show(z)} is not a number`);
          const h = rec.hotspot_class;
          if (!(h === null || h === undefined || HOTSPOT_IDS.includes(h))) recProblem('hotspot_class', `${show(h)} is not one of ${HOTSPOT_IDS.join(', ')}`);
          const l = rec.lisa_class;
          if (!(l === null || l === undefined || LISA_IDS.includes(l))) recProblem('lisa_class', `${show(l)} is not one of ${LISA_IDS.join(', ')}`);
        } else if (kind === 'rate') {
          const pre = ratePrefix(m.key);
          const r = rec[m.key];
          if (r === null || r === undefined) continue;
          if (!isProportion(r)) {
            recProblem(m.key, `${show(r)} is not a proportion in [0, 1]`);
            continue;
          }
          const lo = rec[`${pre}_low`];
          const hi = rec[`${pre}_high`];
          const n = rec[`${pre}_n`];
          if (!(lo === null || lo === undefined || (isProportion(lo) && lo <= r + 1e-9))) recProblem(`${pre}_low`, `${show(lo)} is not a proportion in [0, ${r}]`);
          if (!(hi === null || hi === undefined || (isProportion(hi) && hi >= r - 1e-9))) recProblem(`${pre}_high`, `${show(hi)} is not a proportion in [${r}, 1]`);
          if (n !== null && n !== undefined) {
            if (!nonNegInt(n) || (nonNegInt(rec.samples) && n > rec.samples)) recProblem(`${pre}_n`, `${show(n)} is not an integer in [0, samples=${rec.samples}]`);
            else if (nonNegInt(rec.samples) && rec.samples > 0 && Math.abs(n / rec.samples - r) > 1e-4) recProblem(m.key, `${r} differs from ${pre}_n / samples = ${n}/${rec.samples}`);
          }
        } else {
          const v = rec[m.key];
          if (!(v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v)))) recProblem(m.key, `${show(v)} is not a number`);
        }
      }
    }
  });
  return { problems, badFeatures, badRecords };
}

/**
 * Checks maps/index.json: a non-empty list of {file, title}; file a relative path without '..'.
 * @throws {ContractError}
 */
export function validateIndex(doc, file = 'index.json') {
  if (!Array.isArray(doc) || doc.length === 0) throw new ContractError(`${file}: expected a non-empty list of {"file", "title"}`);
  doc.forEach((e, i) => {
    if (!isObj(e) || typeof e.file !== 'string' || e.file === '') throw new ContractError(`${file}: entry ${i} has file ${show(e?.file)}: expected a non-empty string`);
    if (/^[a-z]+:|^\/|(^|\/)\.\.(\/|$)/i.test(e.file)) throw new ContractError(`${file}: entry ${i} has file '${e.file}': expected a path relative to the maps folder, without '..'`);
    if (typeof e.title !== 'string' || e.title === '') throw new ContractError(`${file}: entry ${i} ('${e.file}') has title ${show(e.title)}: expected a non-empty string`);
  });
  return doc;
}

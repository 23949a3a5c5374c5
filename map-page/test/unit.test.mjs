/** Unit tests of the page's pure modules (classify, contract, format, i18n) and of the fixture itself. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildScheme, classOf, fillOf, measureKind, quantile7, quantileBreaks, ratePrefix, regionState, NO_DATA, TOO_FEW, NO_DATA_COLOR, TOO_FEW_FILL } from '../src/classify.js';
import { ContractError, validateIndex, validateLayer } from '../src/contract.js';
import { classLabel, formatFraction, formatInterval, formatMeasureValue, formatPercent } from '../src/format.js';
import { localized, translator, STRINGS } from '../src/i18n.js';
import { PAGE_DIR } from './browser.mjs';
import { wilsonInterval } from './fixtures/wilson.mjs';
import { buildJinan, buildWorld, gcj02ToWgs84, wgs84ToGcj02, REPO_ROOT, JINAN_FILE } from './fixtures/make-fixtures.mjs';

const MAPS = path.join(PAGE_DIR, 'test/fixtures/maps');
const load = (f) => JSON.parse(fs.readFileSync(path.join(MAPS, f), 'utf8'));
const clone = (o) => structuredClone(o);
const RATE = { key: 'exceedance_rate', label: 'Exceedance rate', unit: '%' };

describe('classify', () => {
  test('measure kinds and rate prefixes', () => {
    assert.equal(measureKind('gi_star_z'), 'hotspot');
    assert.equal(measureKind('pass_rate'), 'rate');
    assert.equal(measureKind('mean_hq'), 'number');
    assert.equal(ratePrefix('detection_rate'), 'detection');
    assert.throws(() => ratePrefix('gi_star_z'), /not a rate/);
  });

  test('quantile type 7 matches R quantile() by hand', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(.2, .5, .8)) -> 1.8 3.0 5.2
    const s = [1, 2, 3, 4, 10];
    assert.ok(Math.abs(quantile7(s, 0.2) - 1.8) < 1e-12);
    assert.equal(quantile7(s, 0.5), 3);
    assert.ok(Math.abs(quantile7(s, 0.8) - 5.2) < 1e-12);
    assert.throws(() => quantile7([], 0.5), /empty/);
  });

  test('quantile breaks drop duplicates and breaks at the minimum', () => {
    // n = 8, h = 7q: q = .2/.4/.6 fall on zeros (= minimum, dropped); q = .8 -> h = 5.6 -> 0 + 0.6 * 0.1
    assert.deepEqual(quantileBreaks([0, 0, 0, 0, 0, 0, 0.1, 0.2]).map((v) => Number(v.toFixed(12))), [0.06]);
    assert.deepEqual(quantileBreaks([]), []);
    assert.deepEqual(quantileBreaks([0.3, 0.3]), []);
  });

  test('region state precedence: no record / 0 samples > too few > null value', () => {
    const values = {
      a: { samples: 50, exceedance_rate: 0.02, too_few_samples: false },
      b: { samples: 5, exceedance_rate: 0.2, too_few_samples: true },
      c: { samples: 0, exceedance_rate: null, too_few_samples: true },
      d: { samples: 50, exceedance_rate: null, too_few_samples: false },
      e: { samples: 50, hotspot_class: 'HOT_95', too_few_samples: false },
    };
    assert.deepEqual(regionState(values, 'a', 'exceedance_rate').status, 'value');
    assert.equal(regionState(values, 'b', 'exceedance_rate').status, TOO_FEW);
    assert.equal(regionState(values, 'c', 'exceedance_rate').status, NO_DATA);
    assert.equal(regionState(values, 'd', 'exceedance_rate').status, NO_DATA);
    assert.equal(regionState(values, 'zz', 'exceedance_rate').status, NO_DATA);
    assert.equal(regionState(undefined, 'a', 'exceedance_rate').status, NO_DATA);
    assert.equal(regionState(values, 'e', 'gi_star_z').value, 'HOT_95');
  });

  test('fixed classes include their lower bound', () => {
    const s = buildScheme(RATE, 'fixed', [], []);
    assert.equal(s.classes.length, 5);
    const at = (v) => classOf(s, { status: 'value', value: v }).id;
    assert.equal(at(0), 'c0');
    assert.equal(at(0.00999), 'c0');
    assert.equal(at(0.01), 'c1');
    assert.equal(at(0.1), 'c4');
    assert.equal(at(1), 'c4');
    assert.equal(fillOf(classOf(s, { status: NO_DATA })), NO_DATA_COLOR);
    assert.equal(fillOf(classOf(s, { status: TOO_FEW })), TOO_FEW_FILL);
  });

  test('quantile scheme pools all periods and skips too-few records', () => {
    const features = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1].map((v, i) => ({
      properties: { values: { p1: { samples: 20, exceedance_rate: v, too_few_samples: false }, p2: { samples: 3, exceedance_rate: 0.9, too_few_samples: true } } },
      i,
    }));
    const s = buildScheme(RATE, 'quantile', features, ['p1', 'p2']);
    assert.equal(s.mode, 'quantile');
    assert.deepEqual(s.classes.map((c) => c.hi).slice(0, 4).map((v) => Number(v.toFixed(4))), [0.028, 0.046, 0.064, 0.082]);
    assert.equal(s.classes[4].hi, null);
  });

  test('unknown numeric measure falls back to quantiles; hot spots are categorical', () => {
    assert.equal(buildScheme({ key: 'mean_hq', label: 'x' }, 'fixed', [], []).mode, 'quantile');
    const h = buildScheme({ key: 'gi_star_z', label: 'Gi*' }, 'fixed', [], []);
    assert.equal(h.classes.length, 7);
    assert.equal(classOf(h, { status: 'value', value: 'BOGUS' }), NO_DATA);
  });
});

describe('format', () => {
  test('percentages, intervals, fractions, labels', () => {
    assert.equal(formatPercent(0.025), '2.5%');
    assert.equal(formatPercent(null), '—');
    assert.equal(formatInterval(0.01, 0.06), '1.0–6.0%');
    assert.equal(formatInterval(null, 0.06), '—');
    assert.equal(formatFraction(3, 120), '3 / 120');
    assert.equal(formatMeasureValue({ unit: '' }, 1.2345), '1.23');
    assert.equal(formatMeasureValue({ unit: 'mg/kg' }, 0.5), '0.50 mg/kg');
    assert.equal(classLabel(RATE, { lo: null, hi: 0.01 }), '< 1.0%');
    assert.equal(classLabel(RATE, { lo: 0.01, hi: 0.02 }), '1.0–2.0%');
    assert.equal(classLabel(RATE, { lo: 0.1, hi: null }), '≥ 10.0%');
  });
});

describe('i18n', () => {
  test('every English key has a Chinese string, placeholders kept', () => {
    assert.deepEqual(Object.keys(STRINGS.zh).sort(), Object.keys(STRINGS.en).sort());
    assert.equal(translator('zh')('tooFew', { min: 10 }), '样品数过少（< 10）');
    assert.equal(translator('fr')('noData'), 'No data');
    assert.equal(localized({ title: 'A', title_zh: '甲' }, 'title', 'zh'), '甲');
    assert.equal(localized({ title: 'A', title_zh: '' }, 'title', 'zh'), 'A');
  });
});

describe('contract', () => {
  const world = load('world-origin.geojson');
  test('the fixtures satisfy the contract', () => {
    for (const f of ['world-origin.geojson', 'jinan-district.geojson']) {
      const r = validateLayer(load(f), f);
      assert.deepEqual(r.problems, [], f);
    }
    assert.equal(validateIndex(load('index.json')).length, 2);
  });

  test('structural errors throw with the field named', () => {
    assert.throws(() => validateLayer({ type: 'Feature' }, 'x.geojson'), (e) => e instanceof ContractError && /x\.geojson: type is 'Feature': expected 'FeatureCollection'/.test(e.message));
    const d = clone(world);
    delete d.metadata.periods;
    assert.throws(() => validateLayer(d, 'w'), /metadata\.periods is missing/);
    const d2 = clone(world);
    d2.metadata.synthetic = 'yes';
    assert.throws(() => validateLayer(d2, 'w'), /metadata\.synthetic is 'yes'/);
  });

  test('record errors name feature, region, period and field', () => {
    const d = clone(world);
    d.features[0].properties.values['2019'].exceedance_rate = 1.5;
    d.features[1].properties.values['2019'].detection_n = d.features[1].properties.values['2019'].samples + 1;
    d.features[2].properties.values['1999'] = { samples: 3 };
    d.features[3].properties.values['2020'].hotspot_class = 'HOT';
    d.features[4].geometry = { type: 'Point', coordinates: [0, 0] };
    const r = validateLayer(d, 'w');
    assert.equal(r.problems.length, 5, r.problems.join('\n'));
    assert.match(r.problems[0], /^feature 0 \(region_code 'ES'\), period '2019', field 'exceedance_rate': 1\.5 is not a proportion in \[0, 1\]$/);
    assert.match(r.problems[1], /feature 1 \(region_code 'IT'\), period '2019', field 'detection_n'/);
    assert.match(r.problems[2], /period '1999', field '\(period\)': not listed in metadata\.periods/);
    assert.match(r.problems[3], /field 'hotspot_class': 'HOT' is not one of/);
    assert.match(r.problems[4], /feature 4 .*geometry\.type is 'Point'/);
    assert.deepEqual([...r.badRecords.get(0)], ['2019']);
    assert.ok(r.badFeatures.has(4));
  });

  test('a rate that disagrees with numerator / samples is reported', () => {
    const d = clone(world);
    const rec = d.features[0].properties.values['2019'];
    rec.exceedance_rate = Math.min(1, rec.exceedance_rate + 0.01);
    assert.match(validateLayer(d, 'w').problems[0], /differs from exceedance_n \/ samples/);
  });

  test('index entries must be relative files with titles', () => {
    assert.throws(() => validateIndex([]), /non-empty list/);
    assert.throws(() => validateIndex([{ file: '../x.geojson', title: 'x' }]), /without '\.\.'/);
    assert.throws(() => validateIndex([{ file: 'http://e.org/x.geojson', title: 'x' }]), /relative/);
    assert.throws(() => validateIndex([{ file: 'x.geojson' }]), /title undefined/);
  });
});

describe('fixture', () => {
  test('Wilson interval matches the golden values (R prop.test, correct = FALSE)', () => {
    const csv = fs.readFileSync(path.join(REPO_ROOT, 'golden/binomial/intervals_95.csv'), 'utf8').trim().split('\n');
    assert.ok(csv.length > 2, 'golden/binomial/intervals_95.csv has rows');
    for (const line of csv.slice(1)) {
      const [x, n, lo, hi] = line.split(',').map(Number);
      const w = wilsonInterval(x, n);
      assert.ok(Math.abs(w.low - lo) <= 1e-9 * Math.max(1, lo), `low for ${x}/${n}: ${w.low} vs ${lo}`);
      assert.ok(Math.abs(w.high - hi) <= 1e-9 * Math.max(1, hi), `high for ${x}/${n}: ${w.high} vs ${hi}`);
    }
  });

  test('committed fixtures equal a fresh generation from the bundled boundaries (deterministic)', () => {
    assert.deepEqual(load('world-origin.geojson'), JSON.parse(JSON.stringify(buildWorld())));
    assert.deepEqual(load('jinan-district.geojson'), JSON.parse(JSON.stringify(buildJinan())));
  });

  test('fixtures are labelled synthetic and keep every source vertex', () => {
    const world = load('world-origin.geojson');
    const jinan = load('jinan-district.geojson');
    assert.equal(world.metadata.synthetic, true);
    assert.equal(jinan.metadata.synthetic, true);
    assert.match(world.metadata.title, /FIXTURE/);
    assert.equal(world.features.length, 29);
    assert.equal(jinan.features.length, 12);
    const src = JSON.parse(fs.readFileSync(JINAN_FILE, 'utf8'));
    const count = (g) => JSON.stringify(g.coordinates).split('],[').length;
    src.features.forEach((f, i) => assert.equal(count(jinan.features[i].geometry), count(f.geometry), `vertex count of ${f.properties.name}`));
  });

  test('GCJ-02 -> WGS-84 inverts the forward transform; offset in Jinan is a few hundred metres', () => {
    const gcj = [117.0, 36.65];
    const w = gcj02ToWgs84(gcj);
    const back = wgs84ToGcj02(w);
    assert.ok(Math.abs(back[0] - gcj[0]) < 1e-6 && Math.abs(back[1] - gcj[1]) < 1e-6);
    const dx = (gcj[0] - w[0]) * 111320 * Math.cos((36.65 * Math.PI) / 180);
    const dy = (gcj[1] - w[1]) * 110540;
    const metres = Math.hypot(dx, dy);
    assert.ok(metres > 100 && metres < 1000, `offset ${metres} m`);
  });

  test('every rate record is consistent: n/samples and Wilson bounds', () => {
    for (const f of ['world-origin.geojson', 'jinan-district.geojson']) {
      for (const feat of load(f).features) {
        for (const [period, rec] of Object.entries(feat.properties.values)) {
          for (const pre of ['exceedance', 'detection', 'pass']) {
            if (rec.samples === 0) {
              assert.equal(rec[`${pre}_rate`], null);
              continue;
            }
            const w = wilsonInterval(rec[`${pre}_n`], rec.samples);
            const where = `${f} ${feat.properties.region_code} ${period} ${pre}`;
            assert.ok(Math.abs(rec[`${pre}_rate`] - rec[`${pre}_n`] / rec.samples) < 1e-6, where);
            assert.ok(Math.abs(rec[`${pre}_low`] - w.low) < 1e-6 && Math.abs(rec[`${pre}_high`] - w.high) < 1e-6, where);
          }
          assert.equal(rec.too_few_samples, rec.samples < 10);
        }
      }
    }
  });
});

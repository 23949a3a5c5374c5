/**
 * End-to-end test of the built page (dist/) in headless Debian Chromium, served by serve.mjs on the
 * fixture maps (test/fixtures/maps). Expected texts and colours are computed here from the fixture files,
 * independently of the page's own code: the legend's classes (data-lo/data-hi) are read from the page and
 * every region's fill must be the colour of the class that holds its fixture value.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, PAGE_DIR, requireChromium, startServer } from './browser.mjs';

const MAPS = path.join(PAGE_DIR, 'test/fixtures/maps');
const ARTIFACTS = path.join(PAGE_DIR, 'test-artifacts');
const world = JSON.parse(fs.readFileSync(path.join(MAPS, 'world-origin.geojson'), 'utf8'));
const jinan = JSON.parse(fs.readFileSync(path.join(MAPS, 'jinan-district.geojson'), 'utf8'));
const HATCH = 'url(#hatch-too-few)';

let server;
let browser;
let page;

// A test of its own, so that a missing browser is counted as a FAILED test with this message (a failing
// before() hook would only mark the browser tests 'cancelled').
test('Debian chromium is installed for the end-to-end test', () => {
  requireChromium();
});

before(async () => {
  requireChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(MAPS);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(query = '') {
  page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 20_000 });
  page.errors = errors;
  return page;
}

const byCode = (doc, code) => doc.features.find((f) => f.properties.region_code === code);
const pct = (p) => `${(p * 100).toFixed(1)}%`;

/** What the fixture says a region must look like: 'no-data', 'too-few' or the value to classify. */
function expectedStatus(feature, period, key) {
  const rec = feature.properties.values[period];
  if (!rec || !rec.samples) return { status: 'no-data' };
  if (rec.too_few_samples) return { status: 'too-few' };
  const v = key === 'gi_star_z' ? rec.hotspot_class : rec[key];
  if (v === null || v === undefined) return { status: 'no-data' };
  return { status: 'value', value: v };
}

async function legend() {
  return page.$$eval('#legend .legend-item', (items) => items.map((li) => ({
    cls: li.dataset.class,
    fill: li.dataset.fill,
    lo: li.dataset.lo === undefined || li.dataset.lo === '' ? null : Number(li.dataset.lo),
    hi: li.dataset.hi === undefined || li.dataset.hi === '' ? null : Number(li.dataset.hi),
    label: li.querySelector('.legend-label').textContent,
    special: li.classList.contains('special'),
  })));
}
async function fills() {
  return page.$$eval('path.region', (ps) => Object.fromEntries(ps.map((p) => [p.dataset.regionCode, p.getAttribute('fill')])));
}
async function select(id, value) {
  await page.selectOption(`#${id}`, value);
  await page.waitForFunction(([attr, v]) => document.body.dataset[attr] === v, [id.replace('-select', ''), value]);
}

/** Every region's fill is the legend colour of its fixture class; returns the number of coloured classes used. */
async function assertColoursMatchFixture(doc, period, key) {
  const items = await legend();
  const classes = items.filter((i) => !i.special);
  const noData = items.find((i) => i.cls === 'no-data');
  const tooFew = items.find((i) => i.cls === 'too-few');
  assert.ok(noData && tooFew, 'legend has "no data" and "too few samples" entries');
  assert.equal(tooFew.fill, HATCH);
  const actual = await fills();
  const used = new Set();
  for (const f of doc.features) {
    const code = f.properties.region_code;
    const exp = expectedStatus(f, period, key);
    let want;
    if (exp.status === 'no-data') want = noData.fill;
    else if (exp.status === 'too-few') want = HATCH;
    else if (key === 'gi_star_z') want = classes.find((c) => c.cls === exp.value)?.fill;
    else want = classes.find((c) => (c.lo === null || exp.value >= c.lo) && (c.hi === null || exp.value < c.hi))?.fill;
    assert.ok(want, `a legend class holds ${code}'s value ${exp.value} (${key}, ${period})`);
    assert.equal(actual[code], want, `fill of ${code} for ${key} ${period} (fixture: ${JSON.stringify(exp)})`);
    if (exp.status === 'value') used.add(want);
  }
  return used.size;
}

/** A viewport point where the region's own path is the topmost element (found with isPointInFill). */
async function pointInside(code) {
  const pt = await page.evaluate((c) => {
    const p = document.querySelector(`path.region[data-region-code="${c}"]`);
    const r = p.getBoundingClientRect();
    const cands = [];
    for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) cands.push([r.left + (r.width * i) / 24, r.top + (r.height * j) / 24]);
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    cands.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
    for (const [x, y] of cands) if (document.elementFromPoint(x, y) === p) return { x, y };
    return null;
  }, code);
  assert.ok(pt, `found a visible point inside region ${code}`);
  return pt;
}

async function clickRegion(code) {
  await page.mouse.move(5, 5);
  const { x, y } = await pointInside(code);
  await page.mouse.click(x, y);
  await page.waitForFunction((c) => document.querySelector('#details [data-field="code"]')?.textContent === c, code);
}

/** Checks the details panel against the fixture record. */
async function assertDetails(doc, code, period, nameField = 'region_name') {
  const f = byCode(doc, code);
  const rec = f.properties.values[period];
  const text = (sel) => page.$eval(`#details ${sel}`, (e) => e.textContent);
  assert.equal(await text('[data-field="region"]'), `${f.properties[nameField]} ${code}`);
  assert.equal(await text('[data-field="samples"]'), String(rec.samples));
  for (const [key, pre] of [['exceedance_rate', 'exceedance'], ['detection_rate', 'detection'], ['pass_rate', 'pass']]) {
    const row = `tr[data-measure="${key}"]`;
    assert.equal(await text(`${row} [data-field="numerator"]`), `${rec[`${pre}_n`]} / ${rec.samples}`, `${code} ${key} numerator`);
    assert.equal(await text(`${row} [data-field="rate"]`), pct(rec[key]), `${code} ${key} rate`);
    assert.equal(await text(`${row} [data-field="ci"]`), `${(rec[`${pre}_low`] * 100).toFixed(1)}–${pct(rec[`${pre}_high`])}`, `${code} ${key} Wilson interval`);
  }
  assert.equal(await text('[data-field="gi_star_z"]'), rec.gi_star_z === null ? '—' : rec.gi_star_z.toFixed(2));
}

describe('world layer (English)', () => {
  test('draws every region, title, source and synthetic banner', async () => {
    await open();
    assert.deepEqual(page.errors, []);
    const codes = await page.$$eval('path.region', (ps) => ps.map((p) => p.dataset.regionCode).sort());
    assert.equal(codes.length, world.features.length);
    assert.deepEqual(codes, world.features.map((f) => f.properties.region_code).sort());
    assert.equal(await page.textContent('#title'), world.metadata.title);
    assert.match(await page.textContent('#source'), /Natural Earth/);
    assert.ok(await page.isVisible('#synthetic-banner'), 'synthetic banner shown for metadata.synthetic = true');
    assert.match(await page.textContent('#synthetic-banner'), /Synthetic data/);
    assert.equal(await page.$$eval('#layer-select option', (o) => o.length), 2);
    assert.ok(await page.isHidden('#problems'), 'fixture passes the contract check');
    // default: first measure, latest period
    assert.equal(await page.inputValue('#measure-select'), 'exceedance_rate');
    assert.equal(await page.inputValue('#period-select'), '2022');
  });

  test('legend shows the fixed classes and every region has its class colour', async () => {
    const items = await legend();
    assert.deepEqual(items.map((i) => i.label), ['< 1.0%', '1.0–2.0%', '2.0–5.0%', '5.0–10.0%', '≥ 10.0%', 'No data', 'Too few samples (< 10)']);
    const used = await assertColoursMatchFixture(world, '2022', 'exceedance_rate');
    assert.ok(used >= 3, `at least 3 colour classes in use, got ${used}`);
    const f = await fills();
    assert.equal(f.NA, HATCH, 'Namibia (too few samples) is hatched, not coloured');
  });

  test('switching measure and period changes colours consistently', async () => {
    const before = await fills();
    await select('measure-select', 'detection_rate');
    const afterMeasure = await fills();
    assert.ok(Object.keys(before).some((c) => before[c] !== afterMeasure[c]), 'measure switch changes colours');
    assert.deepEqual((await legend()).slice(0, 5).map((i) => i.label), ['< 20.0%', '20.0–40.0%', '40.0–60.0%', '60.0–80.0%', '≥ 80.0%']);
    await assertColoursMatchFixture(world, '2022', 'detection_rate');

    await select('period-select', '2016');
    const afterPeriod = await fills();
    assert.ok(Object.keys(before).some((c) => afterMeasure[c] !== afterPeriod[c]), 'period switch changes colours');
    await assertColoursMatchFixture(world, '2016', 'detection_rate');
    const noData = (await legend()).find((i) => i.cls === 'no-data').fill;
    assert.equal(afterPeriod.GH, noData, 'Ghana has no 2016 record');
    assert.equal(afterPeriod.CO, noData, 'Colombia 2016 has 0 samples');

    await select('measure-select', 'pass_rate');
    await assertColoursMatchFixture(world, '2016', 'pass_rate');
    await select('measure-select', 'exceedance_rate');
    await select('classes-select', 'quantile');
    const q = await legend();
    assert.ok(q.filter((i) => !i.special).length >= 2 && q.filter((i) => !i.special).length <= 5);
    assert.match(await page.textContent('#legend .legend-note'), /Quantile/);
    await assertColoursMatchFixture(world, '2016', 'exceedance_rate');
    await select('classes-select', 'fixed');
  });

  test('Gi* shows the diverging hot/cold-spot legend', async () => {
    await select('period-select', '2019');
    await select('measure-select', 'gi_star_z');
    const items = await legend();
    assert.deepEqual(items.filter((i) => !i.special).map((i) => i.cls), ['COLD_99', 'COLD_95', 'COLD_90', 'NOT_SIGNIFICANT', 'HOT_90', 'HOT_95', 'HOT_99']);
    assert.deepEqual(items.filter((i) => !i.special).map((i) => i.label), ['Cold spot (99 %)', 'Cold spot (95 %)', 'Cold spot (90 %)', 'Not significant', 'Hot spot (90 %)', 'Hot spot (95 %)', 'Hot spot (99 %)']);
    assert.ok(await page.isHidden('#classes-field'), 'classification choice hidden for categorical hot spots');
    const used = await assertColoursMatchFixture(world, '2019', 'gi_star_z');
    assert.ok(used >= 3);
    assert.equal((await fills()).NZ, items.find((i) => i.cls === 'no-data').fill, 'NZ has no Gi* (null)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'world-gi-2019.png') });
  });

  test('hover shows a tooltip; click shows the region figures', async () => {
    await select('measure-select', 'exceedance_rate');
    const es = byCode(world, 'ES').properties.values['2019'];
    const { x, y } = await pointInside('ES');
    await page.mouse.move(x, y);
    await page.mouse.move(x + 1, y + 1);
    const tip = page.locator('.leaflet-tooltip');
    await tip.waitFor({ timeout: 5000 });
    assert.equal(await tip.textContent(), `Spain (ES)Exceedance rate, 2019: ${pct(es.exceedance_rate)} (${es.exceedance_n}/${es.samples})`.replace(`(${es.exceedance_n}/`, `(${es.exceedance_n} / `));

    await clickRegion('ES');
    await assertDetails(world, 'ES', '2019');
    assert.equal(await page.textContent('#details tr.current td'), 'Exceedance rate');
    assert.equal(await page.getAttribute('path.region[data-region-code="ES"]', 'stroke-width'), '2.5', 'selected region outlined');

    await clickRegion('TR');
    await assertDetails(world, 'TR', '2019');
    const tr = byCode(world, 'TR').properties.values['2019'];
    assert.equal(await page.textContent('#details [data-field="hotspot_class"]'), { HOT_99: 'Hot spot (99 %)', HOT_95: 'Hot spot (95 %)', HOT_90: 'Hot spot (90 %)', NOT_SIGNIFICANT: 'Not significant' }[tr.hotspot_class]);

    // details follow the period selector
    await select('period-select', '2021');
    await assertDetails(world, 'TR', '2021');

    await clickRegion('NA');
    await assertDetails(world, 'NA', '2021');
    assert.match(await page.textContent('#details [data-field="status"]'), /Too few samples/);
    await clickRegion('ES');
    await page.mouse.move(5, 5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'world-exceedance-2021.png') });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('Jinan layer in Chinese', () => {
  test('?lang=zh&layer=jinan-district: Chinese labels, 12 districts, details', async () => {
    await open('?lang=zh&layer=jinan-district&measure=exceedance_rate&period=2024-Q1');
    assert.deepEqual(page.errors, []);
    assert.equal(await page.$$eval('path.region', (p) => p.length), 12);
    assert.equal(await page.textContent('#title'), jinan.metadata.title_zh);
    assert.match(await page.textContent('#synthetic-banner'), /模拟数据/);
    assert.match(await page.textContent('#source'), /GCJ-02/);
    const measures = await page.$$eval('#measure-select option', (o) => o.map((x) => x.textContent));
    assert.deepEqual(measures, ['超标率', '检出率', '合格率', 'Gi* z 值']);
    const items = await legend();
    assert.deepEqual(items.filter((i) => i.special).map((i) => i.label), ['无数据', '样品数过少（< 10）']);
    await assertColoursMatchFixture(jinan, '2024-Q1', 'exceedance_rate');
    assert.equal((await fills())['370117'], HATCH, 'Gangcheng 2024-Q1 has too few samples');
    await clickRegion('370112');
    await assertDetails(jinan, '370112', '2024-Q1', 'region_name_zh');
    assert.equal(await page.textContent('#details thead th'), '指标');
    await select('layer-select', 'world-origin.geojson');
    assert.equal(await page.$$eval('path.region', (p) => p.length), world.features.length, 'layer switch redraws');
    assert.equal(await page.textContent('#title'), world.metadata.title_zh);
    await select('layer-select', 'jinan-district.geojson');
    await clickRegion('370112');
    await page.mouse.move(5, 5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'jinan-zh-2024-Q1.png') });
    await page.close();
  });
});

describe('errors', () => {
  test('a missing maps folder gives a clear message', async () => {
    await open('?maps=no-such-folder/');
    assert.ok(await page.isVisible('#error'));
    assert.match(await page.textContent('#error'), /Cannot load the map data: .*no-such-folder\/index\.json: HTTP 404/);
    await page.close();
  });
});

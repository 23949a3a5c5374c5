/** Tests of serve.mjs: what it serves, what it refuses, and its argument checks. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { PAGE_DIR, startServer } from './browser.mjs';

const MAPS = path.join(PAGE_DIR, 'test/fixtures/maps');
let server;
before(async () => {
  server = await startServer(MAPS);
});
after(() => server?.stop());

/** Raw GET (no URL normalisation, so '..' reaches the server). */
function get(rawPath, method = 'GET') {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('binds 127.0.0.1 and serves the page and the maps folder', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.match(index.type, /text\/html/);
  assert.match(index.body, /app\.js/);
  assert.match((await get('/app.js')).type, /javascript/);
  const maps = await get('/maps/index.json');
  assert.equal(maps.status, 200);
  assert.equal(JSON.parse(maps.body).length, 2);
  assert.match((await get('/maps/world-origin.geojson')).type, /application\/geo\+json/);
});

test('refuses traversal, dot-files, missing files and other methods', async () => {
  for (const p of ['/maps/../serve.mjs', '/maps/%2e%2e/%2e%2e/package.json', '/../package.json', '/maps/..%2f..%2fpackage.json', '/nope.html', '/maps/', '/%E0%A4%A']) {
    assert.equal((await get(p)).status, 404, p);
  }
  assert.equal((await get('/', 'POST')).status, 405);
});

test('argument errors are clear', () => {
  const run = (...args) => spawnSync(process.execPath, [path.join(PAGE_DIR, 'serve.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, PORT: '' } });
  assert.match(run().stderr, /Missing --maps DIR/);
  assert.match(run('--maps', '/no/such/dir').stderr, /does not exist/);
  assert.match(run('--maps', MAPS, '--port', 'abc').stderr, /Cannot use port 'abc'/);
  assert.match(run('--maps', MAPS, '--bogus').stderr, /Unknown argument '--bogus'/);
  assert.equal(run('--maps', MAPS, '--port', 'abc').status, 2);
});

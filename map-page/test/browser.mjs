/**
 * Test helpers: start serve.mjs on a free port and launch Debian's Chromium through playwright-core
 * (no browser download; flags as in /work/.library/env/machines/polyglot.md, fresh user-data-dir).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const PAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Throws a clear error when Chromium is absent (npm test must fail, not skip). */
export function requireChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. The end-to-end test needs Debian's chromium: run map-page/install-browser.sh (apt-get install -y chromium), or set CHROMIUM_PATH.`);
  }
}

/** Starts `node serve.mjs --maps DIR --port 0`; resolves {url, stop()} once it prints its address. */
export function startServer(mapsDir) {
  const child = spawn(process.execPath, [path.join(PAGE_DIR, 'serve.mjs'), '--maps', mapsDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs did not start within 10 s; stdout: ${out} stderr: ${err}`));
    }, 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stop: () => new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', r);
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}: ${err}`));
    });
  });
}

/** Launches headless Chromium with a fresh profile; returns {context, close()}. */
export async function launchBrowser() {
  requireChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agrisafe-map-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: FLAGS,
    viewport: { width: 1366, height: 820 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

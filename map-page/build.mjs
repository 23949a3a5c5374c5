#!/usr/bin/env node
/** Bundles the page into dist/ with esbuild: dist/index.html, dist/app.js, dist/app.css (Leaflet included). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(HERE, 'dist');
fs.rmSync(DIST, { recursive: true, force: true });
fs.mkdirSync(DIST, { recursive: true });
await esbuild.build({
  entryPoints: { app: path.join(HERE, 'src/main.js') },
  bundle: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: true,
  outdir: DIST,
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  legalComments: 'linked',
  logLevel: 'warning',
});
fs.copyFileSync(path.join(HERE, 'src/index.html'), path.join(DIST, 'index.html'));
console.log(`Built ${path.relative(process.cwd(), DIST) || DIST}: ${fs.readdirSync(DIST).join(', ')}`);

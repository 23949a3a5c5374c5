#!/usr/bin/env node
/**
 * Tiny static server for the map page (Node's http module only). Binds 127.0.0.1.
 *
 *   node serve.mjs --maps DIR [--port N] [--dist DIR]
 *
 *  - /            -> files of dist/ (the built page; `npm run build` first), index.html for "/"
 *  - /maps/...    -> files of the maps folder given with --maps (index.json and the GeoJSON layers)
 * Port: --port N, else the PORT environment variable, else 8080; 0 picks a free port. The server prints
 * "Serving http://127.0.0.1:PORT/ (maps: DIR)" once it listens. Only GET and HEAD; paths that leave the
 * folder (.., encoded or not), dot-files and non-files give 404. Ctrl-C or SIGTERM stops it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOST = '127.0.0.1';
const PORT_DEFAULT = 8080;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

function usage(msg) {
  process.stderr.write(`${msg}\nUsage: node serve.mjs --maps DIR [--port N] [--dist DIR]   (port also from env PORT; default ${PORT_DEFAULT})\n`);
  process.exit(2);
}

/** Parses argv into {maps, port, dist}; exits with a usage message on bad input. */
export function parseArgs(argv, env = process.env) {
  const opts = { maps: null, port: null, dist: path.join(HERE, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`Missing value after ${flag}`);
      return v;
    };
    if (flag === '--maps') opts.maps = path.resolve(value());
    else if (flag === '--port') opts.port = value();
    else if (flag === '--dist') opts.dist = path.resolve(value());
    else if (flag === '--help' || flag === '-h') usage('Serves the AgriSafe map page.');
    else if (/^\d+$/.test(flag) && opts.port === null) opts.port = flag;
    else usage(`Unknown argument '${a}'`);
  }
  const rawPort = opts.port ?? (env.PORT ? env.PORT : String(PORT_DEFAULT));
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) usage(`Cannot use port '${rawPort}': expected an integer in [0, 65535]`);
  opts.port = Number(rawPort);
  if (opts.maps === null) usage('Missing --maps DIR: the folder with index.json and the GeoJSON layers');
  if (!fs.existsSync(opts.maps) || !fs.statSync(opts.maps).isDirectory()) usage(`Maps folder '${opts.maps}' does not exist or is not a folder`);
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) usage(`No built page at '${opts.dist}/index.html': run 'npm run build' in map-page/ first`);
  return opts;
}

/** Resolves a URL path under root; null if it escapes root or names a dot-file. */
function resolveUnder(root, rel) {
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p.startsWith('.') || p.includes('\\'))) return null;
  const full = path.resolve(root, ...parts);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export function createServer({ maps, dist }) {
  return http.createServer((req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n');
    const { pathname } = new URL(req.url, `http://${HOST}`);
    let file;
    if (pathname === '/maps' || pathname.startsWith('/maps/')) file = resolveUnder(maps, pathname.slice('/maps'.length));
    else file = resolveUnder(dist, pathname === '/' ? 'index.html' : pathname);
    if (file === null) return send(404, 'Not found\n');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(404, 'Not found\n');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const server = createServer(opts);
  server.on('error', (e) => {
    process.stderr.write(`Cannot listen on ${HOST}:${opts.port}: ${e.message}\n`);
    process.exit(1);
  });
  server.listen(opts.port, HOST, () => {
    process.stdout.write(`Serving http://${HOST}:${server.address().port}/ (maps: ${opts.maps})\n`);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}

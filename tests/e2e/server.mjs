// A tiny static file server for the built page (dist/), using only Node built-ins.
//
// Library:  import { startServer } from './server.mjs';
//           const { url, close } = await startServer({ root: 'dist', prefix: '/record/' });
// CLI:      node tests/e2e/server.mjs [root=dist] [port=8080] [prefix=/]
//           serves root at http://127.0.0.1:PORT/PREFIX and prints that address.
//
// Behaviour: GET and HEAD only; a path ending in '/' serves that directory's index.html
// (so '/' serves index.html); no directory listings; 404 for anything missing, outside
// the prefix, or resolving outside root (including through symlinks); every response
// carries `Cache-Control: no-cache`. Text, wasm and SVG go out compressed as a static host
// sends them (brotli, else gzip, by Accept-Encoding), each file compressed once per
// version and kept (tests/compressed.mjs, on disk by the bytes' hash, shared with every other
// server: brotli 11 of the wasm took 2.8 s of each test file's first load), so local
// measurements match what visitors get.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { compressed } from '../compressed.mjs';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
});

export function mimeType(filePath) {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function normalizePrefix(prefix) {
  let p = String(prefix ?? '/').trim();
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p.replace(/\/{2,}/g, '/');
}

function isInside(root, candidate) {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Types a static host compresses; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|javascript|manifest\+json|xml)|image\/svg)/;

/** Compressed copies, by path, encoding and version (size and mtime). */
const copies = new Map();

async function compressedBody(path, encoding, version) {
  const key = `${path}\0${encoding}\0${version}`;
  let body = copies.get(key);
  if (!body) {
    body = compressed(await readFile(path), encoding);
    copies.set(key, body);
  }
  return body;
}

/** The encoding to answer with: brotli where accepted, else gzip, else none. */
function chooseEncoding(acceptEncoding = '') {
  const accepts = (name) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[0-9.]+)?\\s*(,|$)`).test(acceptEncoding);
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

function send(res, status, body, headers = {}) {
  const text = body ?? '';
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * Map a request pathname to a file under root, or return null (-> 404).
 * Never throws for hostile input; callers treat null as "not found".
 */
async function resolveFile(root, prefix, rawPathname) {
  if (!rawPathname.startsWith(prefix)) return null;
  let rest;
  try {
    rest = decodeURIComponent(rawPathname.slice(prefix.length));
  } catch {
    return null; // malformed percent-encoding
  }
  if (rest.includes('\0') || rest.includes('\\')) return null;
  const segments = rest.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';

  const candidate = resolve(root, rest);
  if (!isInside(root, candidate)) return null;
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return null;
  }
  if (!isInside(root, real)) return null; // symlink pointing out of root
  let info;
  try {
    info = await stat(real);
  } catch {
    return null;
  }
  if (info.isDirectory()) return { redirect: true };
  if (!info.isFile()) return null;
  return { path: real, size: info.size, mtime: info.mtime };
}

/**
 * Start serving `root`. Resolves to { url, port, close() } once listening; `url` ends
 * with the prefix (e.g. http://127.0.0.1:40123/ or http://127.0.0.1:40123/record/).
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  if (!root) throw new Error('startServer: `root` is required');
  const absRoot = resolve(String(root));
  let realRoot;
  try {
    realRoot = await realpath(absRoot);
    if (!(await stat(realRoot)).isDirectory()) throw new Error('not a directory');
  } catch (err) {
    throw new Error(`startServer: cannot serve ${absRoot}: ${err.message}`);
  }
  const base = normalizePrefix(prefix);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      }
      let pathname;
      try {
        pathname = new URL(req.url, 'http://localhost').pathname;
      } catch {
        return send(res, 400, 'Bad Request\n');
      }
      // The prefix itself without its trailing slash: send the browser to the real root
      // so relative URLs in index.html resolve correctly.
      if (base !== '/' && pathname === base.slice(0, -1)) {
        return send(res, 301, '', { Location: base });
      }
      const found = await resolveFile(realRoot, base, pathname);
      if (!found) return send(res, 404, 'Not Found\n');
      if (found.redirect) {
        // A directory without its trailing slash; with the slash it serves index.html.
        if (!pathname.endsWith('/')) return send(res, 301, '', { Location: pathname + '/' });
        return send(res, 404, 'Not Found\n');
      }
      const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtime.getTime()).toString(16)}"`;
      const headers = {
        'Content-Type': mimeType(found.path),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Last-Modified': found.mtime.toUTCString(),
        ETag: etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        return res.end();
      }
      const encoding = COMPRESSIBLE.test(headers['Content-Type']) ? chooseEncoding(req.headers['accept-encoding']) : null;
      if (encoding) {
        const body = await compressedBody(found.path, encoding, etag);
        res.writeHead(200, { ...headers, 'Content-Encoding': encoding, Vary: 'Accept-Encoding', 'Content-Length': body.length });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      res.writeHead(200, { ...headers, 'Content-Length': found.size });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(found.path);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy(err);
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port: actualPort } = server.address();
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostForUrl}:${actualPort}${base}`;

  return {
    url,
    port: actualPort,
    root: realRoot,
    close() {
      return new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      });
    },
  };
}

// ---- CLI -------------------------------------------------------------------------------
const isMain = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const [rootArg = 'dist', portArg = '8080', prefixArg = '/'] = process.argv.slice(2);
  if (rootArg === '-h' || rootArg === '--help') {
    console.log('usage: node tests/e2e/server.mjs [root=dist] [port=8080] [prefix=/]');
    process.exit(0);
  }
  const port = Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`server.mjs: bad port ${JSON.stringify(portArg)}`);
    process.exit(2);
  }
  try {
    const srv = await startServer({ root: rootArg, port, prefix: prefixArg, host: process.env.HOST || '127.0.0.1' });
    console.log(srv.url);
    const stop = async () => {
      await srv.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`server.mjs: ${err.message}`);
    process.exit(1);
  }
}

// Brotli (quality 11) and gzip (level 9) copies of a file's bytes, as a static host sends
// them, computed once per content and kept on disk by the bytes' hash (target/compressed/,
// or $SIM_COMPRESSED_CACHE). The size report, every test server and the benchmarks share
// them: each starts a process of its own, and brotli 11 of the wasm alone takes seconds.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CACHE_DIR =
  process.env.SIM_COMPRESSED_CACHE || fileURLToPath(new URL('../target/compressed/', import.meta.url));

/** `raw` compressed with `encoding`: 'br' (brotli 11) or 'gzip' (level 9). */
export function compressed(raw, encoding) {
  const file = join(CACHE_DIR, `${createHash('sha256').update(raw).digest('hex')}.${encoding}`);
  try {
    return readFileSync(file);
  } catch {
    /* not computed yet */
  }
  const body =
    encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipSync(raw, { level: 9 });
  try {
    // Written whole under another name, then renamed: another process reading it at the
    // same moment finds no file or the whole file, never a part.
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, body);
    renameSync(partial, file);
  } catch {
    /* a cache that cannot be written only costs time */
  }
  return body;
}

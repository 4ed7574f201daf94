import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { describeFsError } from './discover.js';

export interface GoSource {
  path: string;
  text: string;
  mode: number;
}

export type ReadResult = { ok: true; source: GoSource } | { ok: false; reason: string; skipped?: boolean };

const GENERATED = /^\/\/ Code generated .* DO NOT EDIT\.\r?$/m;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Read a Go file as text, refusing what goconc must not edit: binary content, text that is not
 * UTF-8, files too large, and generated files (skipped, not errors).
 */
export function readGoSource(path: string, maxBytes: number = DEFAULT_MAX_BYTES): ReadResult {
  let bytes: Buffer;
  let mode: number;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (st.size > maxBytes) return { ok: false, skipped: true, reason: `larger than ${+(maxBytes / 1024 / 1024).toFixed(2)} MB (--max-file-size)` };
    mode = st.mode;
    bytes = readAll(fd, st.size);
  } catch (err) {
    return { ok: false, reason: describeFsError(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (NUL bytes), not Go source' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8, which Go source must be' };
  }
  if (isGenerated(text)) return { ok: false, skipped: true, reason: 'generated file (Code generated … DO NOT EDIT)' };
  return { ok: true, source: { path, text, mode } };
}

/**
 * A file's bytes, read into one buffer reused from file to file (the text decoded from it is
 * all that is kept): a run over thousands of files leaves no trail of buffers to collect.
 */
let shared = Buffer.allocUnsafe(256 * 1024);

function readAll(fd: number, size: number): Buffer {
  let length = 0;
  for (;;) {
    if (length === shared.length) {
      const bigger = Buffer.allocUnsafe(Math.max(shared.length * 2, size + 1));
      shared.copy(bigger, 0, 0, length);
      shared = bigger;
    }
    const n = readSync(fd, shared, length, shared.length - length, null);
    if (n === 0) return shared.subarray(0, length);
    length += n;
  }
}

/** Go's convention: a `// Code generated … DO NOT EDIT.` line before the package clause. */
export function isGenerated(text: string): boolean {
  const pkg = /^package\s/m.exec(text);
  const head = pkg ? text.slice(0, pkg.index) : text.slice(0, 4096);
  return GENERATED.test(head);
}

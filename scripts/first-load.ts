/**
 * Measures the JavaScript of the first page load of a built app: the entry script and every chunk the HTML
 * preloads, gzip-compressed as a server would send them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  files: { path: string; gzipBytes: number }[];
  gzipBytes: number;
}

export function measureFirstLoad(distDir: string): FirstLoad {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map(
    (match) => match[1]!,
  );
  const files = [...new Set(paths)].map((path) => ({
    path,
    gzipBytes: gzipSync(readFileSync(join(distDir, path))).length,
  }));
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

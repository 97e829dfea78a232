/**
 * A tiny static file server on loopback for the built app (and the benchmark's seed page and fixture). Hashed
 * assets are served as immutable, HTML as no-cache, like a typical static host; nothing is compressed (loopback).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticMount {
  /** URL prefix, e.g. `/` or `/__bench/`. The longest matching prefix wins. */
  prefix: string;
  dir: string;
}

export interface StaticServer {
  readonly url: string;
  /** Serves `body` at `path` (e.g. a generated fixture) until replaced. */
  put(path: string, body: string | Buffer, type?: string): void;
  close(): Promise<void>;
}

export async function startStaticServer(mounts: StaticMount[]): Promise<StaticServer> {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const memory = new Map<string, { body: Buffer; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const inMemory = memory.get(path);
    if (inMemory) {
      res.writeHead(200, { 'content-type': inMemory.type, 'cache-control': 'no-store' });
      res.end(inMemory.body);
      return;
    }
    const mount = ordered.find((candidate) => path.startsWith(candidate.prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(mount.dir, path.slice(mount.prefix.length)));
    if (!file.startsWith(normalize(mount.dir + sep)) && file !== normalize(mount.dir)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(mount.dir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (path, body, type = 'application/json; charset=utf-8') =>
      void memory.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

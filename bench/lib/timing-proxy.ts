/**
 * A loopback proxy in front of the fake-provider server that notes, for every token marker in the response bytes,
 * when it was handed to the browser's socket (epoch ms). The fake server stays untouched; the page-side probe
 * notes when the same marker reached the page's JavaScript and when it was painted.
 *
 * It listens on several ports, one per provider: a browser opens at most 6 HTTP/1.1 connections per origin, so 8
 * peers on one origin would not all stream at once, while real providers are separate hosts.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { epochNow } from './stats.ts';

export interface ProxiedStream {
  path: string;
  /** Epoch ms of the first and last body bytes sent to the browser. */
  firstByteAt: number | null;
  lastByteAt: number | null;
  bytes: number;
}

export interface TimingProxy {
  /** One base URL per listener. */
  readonly urls: string[];
  /** Marker → epoch ms at which the proxy wrote it to the browser. */
  readonly sentAt: Map<string, number>;
  readonly streams: ProxiedStream[];
  reset(): void;
  close(): Promise<void>;
}

export async function startTimingProxy(
  target: string,
  marker: RegExp,
  markerLength: number,
  listeners = 3,
): Promise<TimingProxy> {
  const upstream = new URL(target);
  const sentAt = new Map<string, number>();
  const streams: ProxiedStream[] = [];
  const pattern = new RegExp(marker.source, 'g');

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (upRes: IncomingMessage) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        res.flushHeaders();
        const stream: ProxiedStream = { path: req.url ?? '', firstByteAt: null, lastByteAt: null, bytes: 0 };
        if (req.method === 'POST') streams.push(stream);
        const decoder = new StringDecoder('utf8');
        let tail = '';
        upRes.on('data', (chunk: Buffer) => {
          const at = epochNow();
          stream.firstByteAt ??= at;
          stream.lastByteAt = at;
          stream.bytes += chunk.length;
          const text = tail + decoder.write(chunk);
          for (const match of text.matchAll(pattern)) if (!sentAt.has(match[0])) sentAt.set(match[0], at);
          tail = text.slice(-markerLength);
          res.write(chunk);
        });
        upRes.on('end', () => res.end());
        upRes.on('error', () => res.destroy());
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.pipe(forward);
  };
  const servers: Server[] = [];
  for (let i = 0; i < listeners; i++) {
    const server = createServer({ noDelay: true }, handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  return {
    urls: servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    sentAt,
    streams,
    reset: () => {
      sentAt.clear();
      streams.length = 0;
    },
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

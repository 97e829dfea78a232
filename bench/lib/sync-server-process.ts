/**
 * The sync server in a child process of its own (`sync-server-child.ts`, `server/main.ts`'s server, through tsx's
 * loader, not the `tsx` CLI, which would add a wrapper process), so that its CPU time and memory are its own and can
 * be read from outside: every 250 ms, utime + stime from /proc/<pid>/stat and VmRSS from /proc/<pid>/status (Linux
 * only); and on request, over IPC, the memory it retains after a full garbage collection.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build.ts';
import { max } from './stats.ts';
import type { RetainedMemory } from './sync-server-child.ts';

export interface ProcessSample {
  /** performance.now() of this process when read. */
  at: number;
  /** User + system CPU time of the server so far, in seconds. */
  cpuSeconds: number;
  rssBytes: number;
}

export interface WindowStats {
  seconds: number;
  /** CPU time over wall time in the window, as a share of one core (100 % = one core busy all the time). */
  cpuPercent: number;
  /** The busiest 250 ms step of the window, same unit. */
  peakCpuPercent: number | null;
  peakRssBytes: number | null;
  samples: number;
}

export interface SyncServerProcess {
  readonly url: string;
  readonly pid: number;
  /** A fresh reading, now. */
  sample(): ProcessSample;
  /** CPU and peak memory between two readings (the 250 ms samples between them, and both ends). */
  between(from: ProcessSample, to: ProcessSample): WindowStats;
  /** What the server holds after a full garbage collection, now. */
  retained(): Promise<RetainedMemory>;
  close(): Promise<void>;
}

const SAMPLE_EVERY_MS = 250;

/** Clock ticks per second of /proc's times (USER_HZ, 100 on every common Linux). */
function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** Reads a process's CPU time and resident memory from /proc. */
export function readProcess(pid: number, ticksPerSecond: number): ProcessSample {
  const at = performance.now();
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return { at, cpuSeconds: (utime + stime) / ticksPerSecond, rssBytes: rssKb * 1024 };
}

/** Statistics of a series of readings: overall CPU share, busiest step, peak RSS. */
export function windowStats(samples: readonly ProcessSample[]): WindowStats {
  const first = samples[0];
  const last = samples.at(-1);
  const seconds = first && last ? (last.at - first.at) / 1000 : 0;
  const steps: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const wall = (samples[i]!.at - samples[i - 1]!.at) / 1000;
    if (wall > 0) steps.push(((samples[i]!.cpuSeconds - samples[i - 1]!.cpuSeconds) / wall) * 100);
  }
  return {
    seconds,
    cpuPercent: seconds > 0 ? ((last!.cpuSeconds - first!.cpuSeconds) / seconds) * 100 : 0,
    peakCpuPercent: max(steps),
    peakRssBytes: max(samples.map((sample) => sample.rssBytes)),
    samples: samples.length,
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The sync server exited (${child.exitCode}):\n${output()}`);
    const served = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (served) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The sync server did not serve ${url}/ within 60 s:\n${output()}`);
}

/** Asks the child for its retained memory (it collects garbage first) and waits for the answer. */
function askRetained(child: ChildProcess): Promise<RetainedMemory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The sync server did not report its memory within 10 s.')), 10_000);
    const onMessage = (message: { type?: string } & RetainedMemory) => {
      if (message.type !== 'retained') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve({ heapBytes: message.heapBytes, externalBytes: message.externalBytes });
    };
    child.on('message', onMessage);
    child.send({ type: 'retained' });
  });
}

/** Starts the sync server on a free loopback port with a temporary data folder, serving `staticDir`. */
export async function startSyncServerProcess(staticDir: string): Promise<SyncServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerchat-bench-sync-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      'bench/lib/sync-server-child.ts',
      ...['--port', String(port), '--data', dataDir, '--static', staticDir],
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const ticks = clockTicksPerSecond();
  const samples: ProcessSample[] = [];
  const timer = setInterval(() => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      samples.push(readProcess(child.pid, ticks));
    } catch {
      // It exited between the check and the read: nothing to sample.
    }
  }, SAMPLE_EVERY_MS);
  const close = async () => {
    clearInterval(timer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(url, child, () => tail);
  } catch (error) {
    await close();
    throw error;
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    sample: () => readProcess(pid, ticks),
    between: (from, to) =>
      windowStats([from, ...samples.filter((sample) => sample.at > from.at && sample.at < to.at), to]),
    retained: () => askRetained(child),
    close,
  };
}

/** Chromium for the benchmarks: the machine's own (see scripts/find-chromium.ts), with the project's flags. */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromiumOnThisMachine } from '../../scripts/find-chromium.ts';
import type { FrameProbeData } from '../browser/probes.ts';
import { epochNow, max } from './stats.ts';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromiumOnThisMachine(), args: CHROMIUM_ARGS });
}

export async function readFrames(page: Page): Promise<FrameProbeData> {
  return page.evaluate(() => (window as unknown as { __benchFrames: FrameProbeData }).__benchFrames);
}

export interface FrameStats {
  frames: number;
  /** Gaps between consecutive animation frames over 50 ms (a frame that late is a visible stall). */
  framesOver50ms: number;
  longestFrameMs: number | null;
  longTasks: number;
  longestTaskMs: number | null;
  longTaskTotalMs: number;
}

/** Frame gaps and long tasks inside [from, to] (page clock, ms since navigation start). */
export function frameStats(data: FrameProbeData, from: number, to: number): FrameStats {
  const gaps: number[] = [];
  let previous: number | null = null;
  for (const at of data.frames) {
    if (at < from) {
      previous = at;
      continue;
    }
    if (at > to) {
      // The frame that closes the window still counts: its gap is a frame the user waited for inside it.
      if (previous !== null && previous <= to) gaps.push(at - previous);
      break;
    }
    if (previous !== null) gaps.push(at - previous);
    previous = at;
  }
  const tasks = data.longTasks.filter((task) => task.start + task.duration >= from && task.start <= to);
  return {
    frames: gaps.length,
    framesOver50ms: gaps.filter((gap) => gap > 50).length,
    longestFrameMs: max(gaps),
    longTasks: tasks.length,
    longestTaskMs: max(tasks.map((task) => task.duration)),
    longTaskTotalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
  };
}

/** The scripts that made long frames late inside [from, to], summed by function and file, longest first. */
export function longFrameCulprits(data: FrameProbeData, from: number, to: number, top = 8) {
  const totals = new Map<string, { ms: number; count: number }>();
  for (const frame of data.longFrames) {
    if (frame.start + frame.duration < from || frame.start > to) continue;
    for (const script of frame.scripts) {
      const file = script.sourceURL.split('/').pop() ?? script.sourceURL;
      const key = `${script.invoker} → ${script.sourceFunctionName || '(anonymous)'} @ ${file}`;
      const entry = totals.get(key) ?? { ms: 0, count: 0 };
      entry.ms += script.duration;
      entry.count++;
      totals.set(key, entry);
    }
  }
  return [...totals.entries()]
    .map(([script, { ms, count }]) => ({ script, ms: Math.round(ms), count }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

/** The page's clock minus this process's, both as epoch ms, from the round trip with the smallest delay. */
export async function pageClockOffset(
  page: Page,
): Promise<{ offsetMs: number; uncertaintyMs: number; timeOrigin: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity, timeOrigin: 0 };
  for (let i = 0; i < 7; i++) {
    const before = epochNow();
    const [pageEpoch, timeOrigin] = await page.evaluate(() => [
      performance.timeOrigin + performance.now(),
      performance.timeOrigin,
    ]);
    const after = epochNow();
    const uncertaintyMs = (after - before) / 2;
    if (uncertaintyMs < best.uncertaintyMs)
      best = { offsetMs: pageEpoch! - (before + after) / 2, uncertaintyMs, timeOrigin: timeOrigin! };
  }
  return best;
}

/** Used JS heap after two forced garbage collections (CDP), in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ usedBytes: number; totalBytes: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
}

export async function domNodes(cdp: CDPSession): Promise<number | null> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'Nodes')?.value ?? null;
}

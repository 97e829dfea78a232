/**
 * CPU profiles for diagnosis (`npm run bench -- --profile`): the V8 sampling profiler over CDP while a benchmark
 * runs, saved as a .cpuprofile (open it in Chrome DevTools → Performance) and summed by function, self and total
 * time. Run against an unminified build so the names mean something; a profiled run is slower, so its figures are
 * not held to the budgets.
 */
import type { CDPSession } from '@playwright/test';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  selfMs: number;
  totalMs: number;
}

export async function startProfiling(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

export async function stopProfiling(cdp: CDPSession, path: string): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(path, JSON.stringify(profile));
  return profile as CpuProfile;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName || '(anonymous)';
}

/** Self and total (inclusive, each stack counted once per function) time by function, busiest first. */
export function hotFunctions(profile: CpuProfile, top = 25, by: 'selfMs' | 'totalMs' = 'selfMs'): HotFunction[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    let node = byId.get(samples[i]!);
    if (!node) continue;
    const leaf = nameOf(node);
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    const seen = new Set<string>();
    while (node) {
      const name = nameOf(node);
      if (!seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + ms);
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  }
  return [...total.keys()]
    .filter((name) => !['(root)', '(program)', '(idle)', '(garbage collector)'].includes(name) || by === 'selfMs')
    .map((name) => ({ name, selfMs: Math.round(self.get(name) ?? 0), totalMs: Math.round(total.get(name) ?? 0) }))
    .sort((a, b) => b[by] - a[by])
    .slice(0, top);
}

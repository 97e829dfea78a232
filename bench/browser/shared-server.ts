/**
 * The sync server's figures in the shared-room benchmark: its CPU during the streaming round, its RSS, and the memory
 * a room costs it, which is what it retains after a full garbage collection (heap and off-heap) with the room
 * active, less what it retained before any room. RSS is shown beside it but not budgeted: it keeps pages the heap has
 * freed and follows V8's heap sizing, so the difference of two readings says little, and can be negative.
 */
import { BUDGETS } from '../budgets.ts';
import type { Metric } from '../lib/report.ts';
import { round } from '../lib/stats.ts';
import type { RetainedMemory } from '../lib/sync-server-child.ts';
import type { ProcessSample, WindowStats } from '../lib/sync-server-process.ts';

export interface ServerReadings {
  during: WindowStats;
  rssBeforeRoom: ProcessSample;
  rssRoomIdle: ProcessSample;
  retainedBeforeRoom: RetainedMemory;
  /** Retained memory read while the round streams and right after it, the room still open. */
  retainedInRound: RetainedMemory[];
  members: number;
}

const total = (memory: RetainedMemory) => memory.heapBytes + memory.externalBytes;

export function serverMetrics(readings: ServerReadings): Metric[] {
  const { during, rssBeforeRoom, rssRoomIdle, retainedBeforeRoom, retainedInRound, members } = readings;
  const busiest = retainedInRound.reduce<RetainedMemory | null>(
    (most, memory) => (most === null || total(memory) > total(most) ? memory : most),
    null,
  );
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return [
    {
      key: 'serverCpuPercent',
      label: 'server CPU during the round',
      value: round(during.cpuPercent),
      unit: '%',
      note: `of one core, ${during.seconds.toFixed(1)} s; busiest 250 ms ${round(during.peakCpuPercent) ?? '—'} %`,
    },
    {
      key: 'serverMemoryPerRoomBytes',
      label: 'server memory per active room',
      value: busiest === null ? null : total(busiest) - total(retainedBeforeRoom),
      unit: 'bytes',
      budget: BUDGETS.sharedServerMemoryPerRoomBytes,
      note:
        busiest === null
          ? 'no reading'
          : `retained after a full GC, heap + off-heap: ${mb(total(busiest))} with the room streaming − ${mb(total(retainedBeforeRoom))} before any room`,
    },
    {
      key: 'serverPeakRssBytes',
      label: 'server RSS, peak during the round',
      value: during.peakRssBytes,
      unit: 'bytes',
      note: `${during.samples} samples`,
    },
    {
      key: 'serverRssBeforeRoomBytes',
      label: 'server RSS before any room',
      value: rssBeforeRoom.rssBytes,
      unit: 'bytes',
      note: 'app served, no room yet',
    },
    {
      key: 'serverRssRoomIdleBytes',
      label: 'server RSS, room loaded and idle',
      value: rssRoomIdle.rssBytes,
      unit: 'bytes',
      note: `${members} members connected, after the warm-up round`,
    },
  ];
}

/* eslint-disable max-lines -- one benchmark run: its page loads, probes and report share one browser session */
/**
 * Large-conversation benchmark, at 10,000 and at 100,000 messages: the conversation (conversation-fixture.ts) is
 * stored once per size, in its own browser context, with the app's own code (the seed page, bench/seed: the "Import
 * conversation" path at 10,000; at 100,000, a file of about 220 MB, past the import's 50 MB cap, the same steps
 * called one by one). Then fresh page loads of the built app, which opens the newest stored conversation at
 * start-up, are measured:
 * - open → interactive: from navigation start until the last message is in the DOM and text typed into the
 *   composer shows (probes.ts, installOpenProbe); also when the last message's Markdown replaced its plain-text
 *   fallback. Load 1 has a cold HTTP cache; the others are warm, as when a user comes back: between load 1 and load
 *   2 the app's service worker (registered by load 1) finishes installing, so loads 2 and 3 are served by it.
 * - whole conversation read: on the last load, until the app has read every stored message and event (the page
 *   counts the records of its IndexedDB reads).
 * - JS heap: used heap after two forced garbage collections (CDP), once the whole conversation is read, and after
 *   the scroll.
 * - scroll: wheel steps of 4,000 px (a fast fling: every step brings all-new rows) from the bottom to the top, or
 *   for a time limit (at 100,000 messages, a sample: the top is far out of reach); frame gaps over 50 ms and the
 *   longest one, and long tasks.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { BUDGETS } from '../budgets.ts';
import { domNodes, frameStats, heapAfterGc, longFrameCulprits, readFrames, type FrameStats } from '../lib/browser.ts';
import { addNameShim } from '../lib/page-script.ts';
import { hotFunctions, startProfiling, stopProfiling } from '../lib/profile.ts';
import type { BenchReport, Metric } from '../lib/report.ts';
import type { StaticServer } from '../lib/static-server.ts';
import { max, median, round } from '../lib/stats.ts';
import type { SeedResult } from '../seed/seed.ts';
import { largeConversation, type LargeConversation } from './conversation-fixture.ts';
import {
  installFrameProbe,
  installOpenProbe,
  loadTimeline,
  readStoresDirectly,
  type IdbRead,
  type LoadTimeline,
  type OpenProbeData,
} from './probes.ts';

/** One size of the benchmark: how many messages, its budgets, how it is stored and how long the scroll may take. */
export interface LargeConversationCase {
  benchmark: string;
  messages: number;
  budgets: { openInteractiveMs: number; heapBytes: number };
  /** `import`: the app's "Import conversation"; `store`: its steps one by one, for a file past the import cap. */
  seedVia: 'import' | 'store';
  scrollTimeLimitMs: number;
}

export const LARGE_CONVERSATION_CASES: readonly LargeConversationCase[] = [
  {
    benchmark: 'large-conversation',
    messages: 10_000,
    budgets: { openInteractiveMs: BUDGETS.openLargeConversationMs, heapBytes: BUDGETS.largeConversationHeapBytes },
    seedVia: 'import',
    scrollTimeLimitMs: 45_000,
  },
  {
    benchmark: 'large-conversation-100k',
    messages: 100_000,
    budgets: {
      openInteractiveMs: BUDGETS.openLargeConversation100kMs,
      heapBytes: BUDGETS.largeConversation100kHeapBytes,
    },
    seedVia: 'store',
    scrollTimeLimitMs: 15_000,
  },
];

const LOADS = 3;
const VIEWPORT = { width: 1280, height: 800 };
const WHEEL_STEP_PX = 4_000;
const PROBE_TEXT = 'x';
/** How long the app may take to read a whole conversation before the heap is weighed anyway. */
const WHOLE_READ_TIMEOUT_MS = 180_000;

interface OpenRun {
  load: number;
  cache: 'cold' | 'warm';
  lastMessageMs: number;
  markdownMs: number | null;
  interactiveMs: number;
  composerFocused: boolean;
  typedWithKeyboard: boolean;
  shellMs: number | null;
  storageReads: OpenProbeData['storageReads'];
  firstArticleMs: number | null;
  timeline: LoadTimeline;
  longTasks: number;
  longestTaskMs: number | null;
  domNodes: number | null;
}

interface ScrollRun extends FrameStats {
  steps: number;
  seconds: number;
  reachedTop: boolean;
  distancePx: number;
  /** `aria-posinset` of the topmost message in the DOM when the scroll stopped. */
  firstShown: number;
  heapAfterBytes: number;
  timeLimitMs: number;
}

async function openOnce(page: Page, cdp: CDPSession, appUrl: string, load: number): Promise<OpenRun> {
  await page.goto(`${appUrl}/`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const data = (window as unknown as { __benchOpen?: OpenProbeData }).__benchOpen;
      return data && data.interactiveAt !== null && data.markdownAt !== null ? data : null;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const open = (await handle.jsonValue())!;
  // The same check with real key presses (not timed): the composer takes typing, then is cleared.
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.press('End');
  await page.keyboard.type(' ok');
  const typedWithKeyboard = (await composer.inputValue()).endsWith(`${PROBE_TEXT} ok`);
  await composer.fill('');
  const timeline = await page.evaluate(loadTimeline);
  const frames = await readFrames(page);
  const stats = frameStats(frames, 0, open.interactiveAt!);
  return {
    load,
    cache: load === 1 ? 'cold' : 'warm',
    lastMessageMs: round(open.lastMessageAt!),
    markdownMs: round(open.markdownAt),
    interactiveMs: round(open.interactiveAt!),
    composerFocused: open.composerFocused,
    typedWithKeyboard,
    shellMs: round(open.shellAt),
    storageReads: open.storageReads.map((read) => ({
      ...read,
      startedAt: round(read.startedAt),
      doneAt: round(read.doneAt),
    })),
    firstArticleMs: round(open.firstArticleAt),
    timeline,
    longTasks: stats.longTasks,
    longestTaskMs: round(stats.longestTaskMs),
    domNodes: await domNodes(cdp),
  };
}

/**
 * Waits until the app has read every stored message and event of the conversation (as counted by the open probe's
 * IndexedDB reads), then one more frame and a moment for it to take them in; returns when the last of them was
 * read (page clock), or null when that did not happen in time.
 */
async function wholeConversationRead(page: Page, messages: number, events: number): Promise<number | null> {
  const handle = await page
    .waitForFunction(
      ({ messages, events }) => {
        const reads = (window as unknown as { __benchOpen: OpenProbeData }).__benchOpen.storageReads;
        const count = (store: string) =>
          reads.filter((read) => read.source === store).reduce((sum, read) => sum + read.records, 0);
        if (count('messages') < messages || count('events') < events) return null;
        return Math.max(...reads.filter((read) => read.source !== 'conversations').map((read) => read.doneAt));
      },
      { messages, events },
      { timeout: WHOLE_READ_TIMEOUT_MS, polling: 250 },
    )
    .catch(() => null);
  const doneAt = handle ? ((await handle.jsonValue()) as number) : null;
  await page.waitForTimeout(1_000); // the app takes in the last page, then the heap is weighed
  return doneAt;
}

async function scrollToTop(
  page: Page,
  cdp: CDPSession,
  timeLimitMs: number,
): Promise<{ run: ScrollRun; culprits: unknown }> {
  const feed = page.locator('[role="feed"]');
  const box = (await feed.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Waits one frame and reads the position after that frame was drawn (a task posted from rAF runs after the
  // frame's layout), so the read forces no layout of its own.
  const readScroll = () =>
    page.evaluate(
      () =>
        new Promise<{ top: number; height: number }>((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const element = document.querySelector('[role="feed"]')!;
              resolve({ top: element.scrollTop, height: element.scrollHeight });
            }),
          ),
        ),
    );
  const start = await readScroll();
  const from = await page.evaluate(() => performance.now());
  const began = Date.now();
  let steps = 0;
  let position = start;
  while (Date.now() - began < timeLimitMs) {
    await page.mouse.wheel(0, -WHEEL_STEP_PX);
    steps++;
    position = await readScroll();
    if (position.top <= 0) break;
  }
  const to = await page.evaluate(() => performance.now());
  const reachedTop = position.top <= 0 && (await page.locator('article[aria-posinset="1"]').count()) > 0;
  const firstShown = await page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('article[aria-posinset]')].map((article) =>
        Number(article.getAttribute('aria-posinset')),
      ),
    ),
  );
  const frames = await readFrames(page);
  const heap = await heapAfterGc(cdp);
  return {
    run: {
      ...frameStats(frames, from, to),
      steps,
      seconds: round((to - from) / 1000, 1),
      reachedTop,
      distancePx: start.top - position.top,
      firstShown,
      heapAfterBytes: heap.usedBytes,
      timeLimitMs,
    },
    culprits: longFrameCulprits(frames, from, to),
  };
}

/**
 * Waits until the service worker the app registers (a few seconds after opening) is installed and active, as it is by
 * the time a user comes back; a build without one (or a browser that refuses it) goes on after the wait.
 */
async function serviceWorkerInstalled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      async () => (await navigator.serviceWorker?.getRegistration())?.active?.state === 'activated',
      undefined,
      { timeout: 60_000, polling: 250 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(5_000); // the install's last writes (and the scripts' code cache) settle
}

export async function runLargeConversationBench(
  browser: Browser,
  server: StaticServer,
  size: LargeConversationCase,
  options: { profilePath?: string } = {},
): Promise<Omit<BenchReport, 'durationMs'>> {
  let started = performance.now();
  let fixture: LargeConversation | undefined = largeConversation(size.messages);
  const generateMs = performance.now() - started;
  const file = `/__bench/conversation-${size.messages}.peerchat.json`;
  server.put(file, fixture.json);
  const { json, ...facts } = fixture;
  const bytes = json.length;
  fixture = undefined; // the text is served from the server's copy now: no need to hold 220 MB twice

  // A context of its own: its own IndexedDB, where this conversation is the newest.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await addNameShim(context);
    // Stored once, with the app's own code.
    const seedPage = await context.newPage();
    started = performance.now();
    await seedPage.goto(`${server.url}/__bench/index.html?file=${encodeURIComponent(file)}&via=${size.seedVia}`);
    const seedHandle = await seedPage.waitForFunction(
      () => (window as unknown as { __benchSeed?: SeedResult }).__benchSeed,
      undefined,
      { timeout: 900_000, polling: 500 },
    );
    const seed = (await seedHandle.jsonValue())!;
    await seedPage.close();
    server.put(file, ''); // served once; frees the server's copy
    if (!seed.ok) throw new Error(`storing the ${size.messages}-message conversation was refused: ${seed.message}`);

    const opens: OpenRun[] = [];
    let scroll: { run: ScrollRun; culprits: unknown } | undefined;
    let profiled: unknown;
    let storageReads: IdbRead[] = [];
    let scrollProfiled: unknown;
    let wholeReadMs: number | null = null;
    let heapBytes = 0;
    for (let load = 1; load <= LOADS; load++) {
      const page = await context.newPage();
      await page.addInitScript(installFrameProbe);
      await page.addInitScript(installOpenProbe, { lastPosition: facts.messages, probeText: PROBE_TEXT });
      const cdp = await context.newCDPSession(page);
      // With --profile, the second (warm) load is profiled from navigation to interactive.
      const profiling = options.profilePath !== undefined && load === 2;
      if (profiling) await startProfiling(cdp);
      opens.push(await openOnce(page, cdp, server.url, load));
      if (profiling) {
        const profile = await stopProfiling(cdp, options.profilePath!);
        profiled = {
          path: options.profilePath,
          self: hotFunctions(profile),
          total: hotFunctions(profile, 40, 'totalMs'),
        };
      }
      if (load === 1) await serviceWorkerInstalled(page);
      if (load === LOADS) {
        wholeReadMs = round(await wholeConversationRead(page, facts.messages, facts.events));
        heapBytes = (await heapAfterGc(cdp)).usedBytes;
        const scrollProfile = options.profilePath?.replace(/\.cpuprofile$/, '-scroll.cpuprofile');
        if (scrollProfile) await startProfiling(cdp);
        scroll = await scrollToTop(page, cdp, size.scrollTimeLimitMs);
        if (scrollProfile) {
          const profile = await stopProfiling(cdp, scrollProfile);
          scrollProfiled = {
            path: scrollProfile,
            self: hotFunctions(profile),
            total: hotFunctions(profile, 40, 'totalMs'),
          };
        }
      }
      if (load === LOADS) storageReads = await page.evaluate(readStoresDirectly);
      await cdp.detach();
      await page.close();
    }

    const cold = opens[0]!;
    const warm = opens.slice(1);
    const worstInteractive = max(opens.map((run) => run.interactiveMs))!;
    const heapPeak = Math.max(heapBytes, scroll!.run.heapAfterBytes);
    const everyLoadTyped = opens.every((run) => run.composerFocused && run.typedWithKeyboard);
    const s = scroll!.run;
    const metrics: Metric[] = [
      {
        key: 'openInteractiveMs',
        label: 'open → interactive (worst load)',
        value: worstInteractive,
        unit: 'ms',
        budget: size.budgets.openInteractiveMs,
        note: `cold ${cold.interactiveMs} ms, warm ${warm.map((run) => run.interactiveMs).join(' / ')} ms`,
      },
      {
        key: 'openInteractiveWarmMedianMs',
        label: 'open → interactive, warm median',
        value: median(warm.map((run) => run.interactiveMs)),
        unit: 'ms',
      },
      {
        key: 'lastMessageMs',
        label: 'open → last message in DOM (median)',
        value: median(opens.map((run) => run.lastMessageMs)),
        unit: 'ms',
      },
      {
        key: 'markdownMs',
        label: 'open → last message as Markdown (median)',
        value: median(opens.flatMap((run) => (run.markdownMs === null ? [] : [run.markdownMs]))),
        unit: 'ms',
      },
      {
        key: 'wholeReadMs',
        label: 'open → whole conversation read (last load)',
        value: wholeReadMs,
        unit: 'ms',
        note:
          wholeReadMs === null
            ? `not all read in ${WHOLE_READ_TIMEOUT_MS / 1000} s`
            : `${facts.messages.toLocaleString('en')} messages, ${facts.events.toLocaleString('en')} events`,
      },
      {
        key: 'openLongestTaskMs',
        label: 'longest task while opening (worst load)',
        value: max(opens.flatMap((run) => (run.longestTaskMs === null ? [] : [run.longestTaskMs]))),
        unit: 'ms',
      },
      {
        key: 'composerTakesTyping',
        label: 'composer focused and took typing',
        value: opens.filter((run) => run.composerFocused && run.typedWithKeyboard).length,
        unit: 'count',
        note: everyLoadTyped ? `every load` : `only some of ${opens.length} loads`,
      },
      {
        key: 'heapBytes',
        label: 'JS heap after GC (peak)',
        value: heapPeak,
        unit: 'bytes',
        budget: size.budgets.heapBytes,
        note: `whole conversation read ${(heapBytes / 2 ** 20).toFixed(1)} MB, after the scroll ${(s.heapAfterBytes / 2 ** 20).toFixed(1)} MB`,
      },
      {
        key: 'domNodes',
        label: 'DOM nodes with it open',
        value: median(opens.flatMap((run) => (run.domNodes === null ? [] : [run.domNodes]))),
        unit: 'count',
      },
      {
        key: 'scrollFramesOver50ms',
        label:
          s.reachedTop || size.scrollTimeLimitMs >= 45_000
            ? 'scroll to top: frames over 50 ms'
            : 'scroll back: frames over 50 ms',
        value: s.framesOver50ms,
        unit: 'count',
        note:
          `of ${s.frames} frames, ${s.steps} wheel steps of ${WHEEL_STEP_PX} px in ${s.seconds} s` +
          (s.reachedTop
            ? ', reached the top'
            : `; stopped at message ${s.firstShown.toLocaleString('en')} (${s.timeLimitMs / 1000} s limit), top NOT reached`),
      },
      {
        key: 'scrollLongestFrameMs',
        label:
          s.reachedTop || size.scrollTimeLimitMs >= 45_000
            ? 'scroll to top: longest frame'
            : 'scroll back: longest frame',
        value: round(s.longestFrameMs),
        unit: 'ms',
      },
      {
        key: 'scrollLongTasks',
        label:
          s.reachedTop || size.scrollTimeLimitMs >= 45_000 ? 'scroll to top: long tasks' : 'scroll back: long tasks',
        value: s.longTasks,
        unit: 'count',
        note: `longest ${round(s.longestTaskMs) ?? '—'} ms`,
      },
      {
        key: 'storageReadMs',
        label: 'IndexedDB read alone (messages + events)',
        value: round(storageReads.reduce((sum, read) => sum + read.ms, 0)),
        unit: 'ms',
        note: storageReads
          .map((read) => `${read.records.toLocaleString('en')} ${read.store} ${Math.round(read.ms)} ms`)
          .join(', '),
      },
      {
        key: 'importMs',
        label: 'storing the file (setup, not budgeted)',
        value: round(seed.importMs),
        unit: 'ms',
        note:
          `${(bytes / 2 ** 20).toFixed(1)} MB of JSON` +
          (seed.via === 'store' ? ', past the import cap: its steps one by one' : ', "Import conversation"'),
      },
    ];
    return {
      benchmark: size.benchmark,
      title: `${facts.messages.toLocaleString('en')} messages, fresh page load of the built app`,
      ok: true,
      metrics,
      details: {
        ...(profiled ? { profile: profiled } : {}),
        ...(scrollProfiled ? { scrollProfile: scrollProfiled } : {}),
        fixture: { ...facts, bytes, generateMs: round(generateMs) },
        seed,
        viewport: VIEWPORT,
        loads: opens,
        scroll: scroll!.run,
        scrollLongFrameScripts: scroll!.culprits,
      },
    };
  } finally {
    await context.close();
  }
}

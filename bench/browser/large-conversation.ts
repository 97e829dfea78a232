/* eslint-disable max-lines -- one benchmark run: its page loads, probes and report share one browser session */
/**
 * Large-conversation benchmark: a 10,000-message conversation (conversation-fixture.ts) is imported once with the
 * app's own import code (the seed page, bench/seed), which stores it in IndexedDB. Then fresh page loads of the
 * built app, which opens the newest stored conversation at start-up, are measured:
 * - open → interactive: from navigation start until the last message is in the DOM and text typed into the
 *   composer shows (probes.ts, installOpenProbe); also when the last message's Markdown replaced its plain-text
 *   fallback. Load 1 has a cold HTTP cache; the others are warm (as when a user comes back).
 * - scroll: wheel steps of 4,000 px (a fast fling: every step brings all-new rows) from the bottom to the top; frame
 *   gaps over 50 ms and the longest one, and long tasks.
 * - JS heap: used heap after two forced garbage collections (CDP), with the conversation open and after the scroll.
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
import { largeConversation } from './conversation-fixture.ts';
import {
  installFrameProbe,
  installOpenProbe,
  loadTimeline,
  readStoresDirectly,
  type IdbRead,
  type LoadTimeline,
  type OpenProbeData,
} from './probes.ts';

const MESSAGES = 10_000;
const LOADS = 3;
const VIEWPORT = { width: 1280, height: 800 };
const WHEEL_STEP_PX = 4_000;
const SCROLL_TIME_LIMIT_MS = 45_000;
const PROBE_TEXT = 'x';

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
  heapBytes: number;
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
  await page.waitForTimeout(1_000); // let start-up work settle before weighing the heap
  const frames = await readFrames(page);
  const stats = frameStats(frames, 0, open.interactiveAt!);
  const heap = await heapAfterGc(cdp);
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
    heapBytes: heap.usedBytes,
    domNodes: await domNodes(cdp),
  };
}

async function scrollToTop(page: Page, cdp: CDPSession): Promise<{ run: ScrollRun; culprits: unknown }> {
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
  while (Date.now() - began < SCROLL_TIME_LIMIT_MS) {
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
    },
    culprits: longFrameCulprits(frames, from, to),
  };
}

export async function runLargeConversationBench(
  browser: Browser,
  server: StaticServer,
  options: { profilePath?: string } = {},
): Promise<Omit<BenchReport, 'durationMs'>> {
  let started = performance.now();
  const fixture = largeConversation(MESSAGES);
  const generateMs = performance.now() - started;
  server.put('/__bench/conversation.peerchat.json', fixture.json);

  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await addNameShim(context);
    // Import once, with the app's own import code.
    const seedPage = await context.newPage();
    started = performance.now();
    await seedPage.goto(`${server.url}/__bench/index.html`);
    const seedHandle = await seedPage.waitForFunction(
      () => (window as unknown as { __benchSeed?: SeedResult }).__benchSeed,
      undefined,
      {
        timeout: 180_000,
        polling: 200,
      },
    );
    const seed = (await seedHandle.jsonValue())!;
    await seedPage.close();
    if (!seed.ok) throw new Error(`the import of the ${MESSAGES}-message conversation was refused: ${seed.message}`);

    const opens: OpenRun[] = [];
    let scroll: { run: ScrollRun; culprits: unknown } | undefined;
    let profiled: unknown;
    let storageReads: IdbRead[] = [];
    let scrollProfiled: unknown;
    for (let load = 1; load <= LOADS; load++) {
      const page = await context.newPage();
      await page.addInitScript(installFrameProbe);
      await page.addInitScript(installOpenProbe, { lastPosition: fixture.messages, probeText: PROBE_TEXT });
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
      if (load === LOADS) {
        const scrollProfile = options.profilePath?.replace(/\.cpuprofile$/, '-scroll.cpuprofile');
        if (scrollProfile) await startProfiling(cdp);
        scroll = await scrollToTop(page, cdp);
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
    const heapPeak = max([...opens.map((run) => run.heapBytes), scroll!.run.heapAfterBytes])!;
    const everyLoadTyped = opens.every((run) => run.composerFocused && run.typedWithKeyboard);
    const s = scroll!.run;
    const metrics: Metric[] = [
      {
        key: 'openInteractiveMs',
        label: 'open → interactive (worst load)',
        value: worstInteractive,
        unit: 'ms',
        budget: BUDGETS.openLargeConversationMs,
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
        budget: BUDGETS.largeConversationHeapBytes,
        note: `open ${(median(opens.map((run) => run.heapBytes))! / 2 ** 20).toFixed(1)} MB, after scroll ${(s.heapAfterBytes / 2 ** 20).toFixed(1)} MB`,
      },
      {
        key: 'domNodes',
        label: 'DOM nodes with it open',
        value: median(opens.flatMap((run) => (run.domNodes === null ? [] : [run.domNodes]))),
        unit: 'count',
      },
      {
        key: 'scrollFramesOver50ms',
        label: 'scroll to top: frames over 50 ms',
        value: s.framesOver50ms,
        unit: 'count',
        note:
          `of ${s.frames} frames, ${s.steps} wheel steps of ${WHEEL_STEP_PX} px in ${s.seconds} s` +
          (s.reachedTop ? ', reached the top' : `; stopped at message ${s.firstShown} (time limit), top NOT reached`),
      },
      {
        key: 'scrollLongestFrameMs',
        label: 'scroll to top: longest frame',
        value: round(s.longestFrameMs),
        unit: 'ms',
      },
      {
        key: 'scrollLongTasks',
        label: 'scroll to top: long tasks',
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
        label: 'import of the file (setup, not budgeted)',
        value: round(seed.importMs),
        unit: 'ms',
        note: `${(fixture.json.length / 2 ** 20).toFixed(1)} MB of JSON`,
      },
    ];
    return {
      benchmark: 'large-conversation',
      title: `${fixture.messages.toLocaleString('en')} messages, fresh page load of the built app`,
      ok: true,
      metrics,
      details: {
        ...(profiled ? { profile: profiled } : {}),
        ...(scrollProfiled ? { scrollProfile: scrollProfiled } : {}),
        fixture: { ...fixture, json: undefined, bytes: fixture.json.length, generateMs: round(generateMs) },
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

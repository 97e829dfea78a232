/**
 * Streaming benchmark: the built app in Chromium, a room of 8 peers (OpenAI, Anthropic and Gemini wire formats) on
 * the fake-provider server, all answering one `@all` at once (`parallelFirstWave`) at 100 tokens/s each for about
 * 10 s. Reports main-thread long tasks, frame gaps over 50 ms, and each token's delay from arrival to paint.
 *
 * Token to paint: every fourth token of every reply is a unique marker (streaming-fixture.ts). Three clocks note it:
 * - sent: a loopback proxy between browser and fake server notes when it wrote the marker's bytes (timing-proxy.ts);
 * - arrived: the page notes when the bytes came out of the fetch body stream the SDK reads (probes.ts);
 * - painted: the page notes the first animation frame after the DOM held the marker (probes.ts).
 * "arrival → paint" is the budgeted figure. "sent → paint" adds the time the bytes waited for the page's main thread
 * (a busy main thread delays reading the stream too, which arrival → paint cannot see); the page and this process
 * share the machine's clock, and the offset between their time origins is measured by round trips.
 * Messages scrolled out of the virtualized transcript are not in the DOM, so their tokens are not painted; the
 * coverage line says how many were.
 */
import type { Browser, Page } from '@playwright/test';
import { splitTokens, startFakeProviders } from '../../tools/fake-providers/index.ts';
import { BUDGETS } from '../budgets.ts';
import { frameStats, longFrameCulprits, pageClockOffset, readFrames } from '../lib/browser.ts';
import { addNameShim } from '../lib/page-script.ts';
import { hotFunctions, startProfiling, stopProfiling } from '../lib/profile.ts';
import { writeJson, type BenchReport, type Metric } from '../lib/report.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { startTimingProxy } from '../lib/timing-proxy.ts';
import { installFrameProbe, installStreamProbe, type StreamProbeData } from './probes.ts';
import { benchPeers, MARKER, MARKER_LENGTH, streamingReply, streamingRoomFile } from './streaming-fixture.ts';

const TOKENS_PER_SECOND = 100;
/** Target tokens per reply; the Markdown comes out a little longer (about 1,000 tokens, 10 s at 100 tokens/s). */
const REPLY_TOKENS = 900;
const VIEWPORT = { width: 1280, height: 800 };
/** Which proxy listener (origin) each provider's peers use: one host per provider, as in real life. */
const PROVIDER_PORT = { openai: 0, anthropic: 1, google: 2 } as const;
const PROVIDER_LABEL = { openai: 'OpenAI', anthropic: 'Anthropic', google: 'Gemini' } as const;

async function waitForRound(page: Page, timeoutMs: number): Promise<void> {
  const feed = page.locator('[role="feed"]');
  await feed.and(page.locator('[aria-busy="true"]')).waitFor({ timeout: 10_000 });
  await feed.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: timeoutMs });
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

export async function runStreamingBench(
  browser: Browser,
  appUrl: string,
  options: {
    profilePath?: string;
    /** Where to write every marker's sent/arrived/painted times. */ samplesPath?: string;
  } = {},
): Promise<Omit<BenchReport, 'durationMs'>> {
  const fake = await startFakeProviders();
  const proxy = await startTimingProxy(fake.url, MARKER, MARKER_LENGTH);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await addNameShim(context);
    await context.addInitScript(installFrameProbe);
    await context.addInitScript(installStreamProbe, {
      origins: proxy.urls,
      markerSource: MARKER.source,
      markerLength: MARKER_LENGTH,
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${appUrl}/`);

    const peers = benchPeers();
    await page.getByLabel('Import room').setInputFiles({
      name: 'room.json',
      mimeType: 'application/json',
      buffer: Buffer.from(streamingRoomFile(peers, (provider) => proxy.urls[PROVIDER_PORT[provider]]!)),
    });
    await page.getByRole('button', { name: `Mute ${peers[0]!.name}` }).waitFor();

    // Warm-up round: the first send loads the provider adapters and SDKs (and highlighting), once per page load.
    for (const peer of peers)
      fake.script(peer.model, { text: 'Ready.\n\n```ts\nconst ready = true;\n```', tokensPerSecond: 200 });
    const warmFrom = await pageNow(page);
    await send(page, '@all warm up');
    await waitForRound(page, 30_000);
    const warmTo = await pageNow(page);
    await page.waitForTimeout(1_000);

    // The measured round.
    const replies = peers.map((_, index) => streamingReply(index, REPLY_TOKENS));
    peers.forEach((peer, index) =>
      fake.script(peer.model, { text: replies[index]!, tokensPerSecond: TOKENS_PER_SECOND }),
    );
    proxy.reset();
    const clock = await pageClockOffset(page);
    const cdp = options.profilePath ? await context.newCDPSession(page) : undefined;
    if (cdp) await startProfiling(cdp);
    const from = await pageNow(page);
    await send(page, '@all walk me through the write path, with code.');
    await waitForRound(page, 60_000);
    const to = await pageNow(page);
    const profile = cdp ? await stopProfiling(cdp, options.profilePath!) : undefined;
    await page.waitForTimeout(300); // the last paints

    const frames = await readFrames(page);
    const stream = await page.evaluate(() => (window as unknown as { __benchStream: StreamProbeData }).__benchStream);
    const stats = frameStats(frames, from, to);
    const warm = frameStats(frames, warmFrom, warmTo);

    const expected = replies.reduce(
      (sum, reply) => sum + (reply.match(new RegExp(MARKER.source, 'g'))?.length ?? 0),
      0,
    );
    const arrivalToPaint: number[] = [];
    const sentToPaint: number[] = [];
    const byPeer = peers.map(() => ({ arrivalToPaint: [] as number[], sentToPaint: [] as number[] }));
    const samples: { marker: string; sent: number | null; arrived: number | null; painted: number }[] = [];
    for (const [marker, paintedAt] of Object.entries(stream.paints)) {
      const peer = byPeer[Number(marker[1])]!;
      const arrivedAt = stream.arrivals[marker];
      if (arrivedAt !== undefined) {
        arrivalToPaint.push(paintedAt - arrivedAt);
        peer.arrivalToPaint.push(paintedAt - arrivedAt);
      }
      const sentAt = proxy.sentAt.get(marker);
      const sentOnPageClock = sentAt === undefined ? null : sentAt + clock.offsetMs - clock.timeOrigin;
      if (sentOnPageClock !== null) {
        sentToPaint.push(paintedAt - sentOnPageClock);
        peer.sentToPaint.push(paintedAt - sentOnPageClock);
      }
      samples.push({
        marker,
        sent: round(sentOnPageClock),
        arrived: round(arrivedAt ?? null),
        painted: round(paintedAt),
      });
    }
    if (options.samplesPath) writeJson(options.samplesPath, samples);
    const arrived = Object.keys(stream.arrivals).length;
    const painted = arrivalToPaint.length;

    // Were the 8 streams really concurrent, and at what pace did tokens come?
    const streams = proxy.streams.filter((entry) => entry.firstByteAt !== null && entry.bytes > 2_000);
    let overlapping = 0;
    for (const entry of streams) {
      const at = entry.firstByteAt! + 1_000;
      overlapping = Math.max(
        overlapping,
        streams.filter((other) => other.firstByteAt! <= at && other.lastByteAt! >= at).length,
      );
    }
    const tokensPerReply = median(replies.map((reply) => splitTokens(reply).length)) ?? 0;
    const rates = streams.map((entry) => tokensPerReply / ((entry.lastByteAt! - entry.firstByteAt!) / 1000));
    const streamingSeconds =
      (Math.max(...streams.map((s) => s.lastByteAt!)) - Math.min(...streams.map((s) => s.firstByteAt!))) / 1000;

    const noLongTask = stats.longTasks === 0;
    const metrics: Metric[] = [
      {
        key: 'peers',
        label: 'peers streaming at once',
        value: overlapping,
        unit: 'count',
        note: `${streams.length} streams`,
      },
      {
        key: 'tokensPerSecondPerPeer',
        label: 'pace per peer (median)',
        value: round(median(rates), 1),
        unit: 'tokens/s',
        note: `${tokensPerReply} tokens each, ${streamingSeconds.toFixed(1)} s`,
      },
      {
        key: 'longestTaskMs',
        label: 'longest main-thread task',
        value: stats.longestTaskMs === null ? null : round(stats.longestTaskMs),
        unit: 'ms',
        budget: BUDGETS.longestTaskMs,
        within: noLongTask,
        ...(noLongTask ? { display: 'none over 50 ms' } : {}),
      },
      {
        key: 'longTasks',
        label: 'long tasks (> 50 ms)',
        value: stats.longTasks,
        unit: 'count',
        note: `${Math.round(stats.longTaskTotalMs)} ms in all`,
      },
      {
        key: 'framesOver50ms',
        label: 'frames over 50 ms',
        value: stats.framesOver50ms,
        unit: 'count',
        note: `of ${stats.frames}`,
      },
      { key: 'longestFrameMs', label: 'longest frame', value: round(stats.longestFrameMs), unit: 'ms' },
      {
        key: 'tokenToPaintMedianMs',
        label: 'token arrival → paint, median',
        value: round(median(arrivalToPaint)),
        unit: 'ms',
      },
      {
        key: 'tokenToPaintP95Ms',
        label: 'token arrival → paint, p95',
        value: round(percentile(arrivalToPaint, 95)),
        unit: 'ms',
        budget: BUDGETS.tokenToPaintP95Ms,
      },
      {
        key: 'tokenToPaintMaxMs',
        label: 'token arrival → paint, max',
        value: round(percentile(arrivalToPaint, 100)),
        unit: 'ms',
      },
      ...(['openai', 'anthropic', 'google'] as const).map((provider): Metric => {
        const delays = peers.flatMap((peer, index) =>
          peer.provider === provider ? byPeer[index]!.arrivalToPaint : [],
        );
        return {
          key: `tokenToPaintP95Ms:${provider}`,
          label: `  p95, ${PROVIDER_LABEL[provider]} peers`,
          value: round(percentile(delays, 95)),
          unit: 'ms',
          note: `median ${round(median(delays)) ?? '—'} ms, ${delays.length} tokens`,
        };
      }),
      {
        key: 'sentToPaintMedianMs',
        label: 'token sent → paint, median',
        value: round(median(sentToPaint)),
        unit: 'ms',
        note: `clock ±${clock.uncertaintyMs.toFixed(1)} ms`,
      },
      {
        key: 'sentToPaintP95Ms',
        label: 'token sent → paint, p95',
        value: round(percentile(sentToPaint, 95)),
        unit: 'ms',
      },
      {
        key: 'tokensPainted',
        label: 'marked tokens painted',
        value: painted,
        unit: 'count',
        note: `of ${arrived} arrived, ${expected} sent (the rest scrolled out of the virtual list)`,
      },
      {
        key: 'warmupLongestTaskMs',
        label: 'first send (cold chunks): longest task',
        value: round(warm.longestTaskMs),
        unit: 'ms',
        note: `${warm.longTasks} long tasks`,
      },
    ];
    return {
      benchmark: 'streaming',
      title: `${peers.length} peers at ${TOKENS_PER_SECOND} tokens/s each, built app in Chromium`,
      ok: true,
      metrics,
      details: {
        ...(profile
          ? {
              profile: {
                path: options.profilePath,
                self: hotFunctions(profile),
                total: hotFunctions(profile, 40, 'totalMs'),
              },
            }
          : {}),
        viewport: VIEWPORT,
        window: { fromMs: round(from), toMs: round(to) },
        frames: stats,
        warmup: warm,
        clock,
        streams,
        probe: { responses: stream.responses, chunks: stream.chunks },
        perPeer: peers.map((peer, index) => ({
          handle: peer.handle,
          provider: peer.provider,
          painted: byPeer[index]!.arrivalToPaint.length,
          arrivalToPaintMedianMs: round(median(byPeer[index]!.arrivalToPaint)),
          arrivalToPaintP95Ms: round(percentile(byPeer[index]!.arrivalToPaint, 95)),
          sentToPaintP95Ms: round(percentile(byPeer[index]!.sentToPaint, 95)),
        })),
        longFrameScripts: longFrameCulprits(frames, from, to),
        longTasks: frames.longTasks
          .filter((task) => task.start >= from && task.start <= to)
          .map((task) => ({
            start: round(task.start),
            duration: round(task.duration),
          })),
      },
    };
  } finally {
    await context.close();
    await proxy.close();
    await fake.close();
  }
}

/**
 * Shared-room benchmark: one sync server (a child process, lib/sync-server-process.ts) serving the built app, and
 * 10 members in one room, each in a browser context of their own. The owner imports the 8 peers of the streaming
 * benchmark (their providers behind the timing proxy), shares the room, 9 others join by the invite link, and the
 * owner's `@all` makes all 8 stream at 100 tokens/s in the owner's browser, which relays the text through the
 * server to the other 9.
 *
 * Token to remote paint: every fourth token is a marker (streaming-fixture.ts). The proxy notes when it wrote each
 * marker to the owner's browser (sent: when the owner's page gets the token); each member's page notes the first
 * frame that shows it (paint, probes.ts); each page's clock is aligned with this process's by round trips.
 * Token to relay: an 11th member, a Hocuspocus client in this process (no page, so nothing to render), notes when
 * each marker arrives in a relayed delta: the sync path alone (owner's page → its 40 ms batch → server → member).
 * Server: CPU share during the streaming round, RSS, and memory per active room (shared-server.ts).
 */
import type { Browser } from '@playwright/test';
import { splitTokens, startFakeProviders } from '../../tools/fake-providers/index.ts';
import { BUDGETS } from '../budgets.ts';
import { pageClockOffset } from '../lib/browser.ts';
import { writeJson, type BenchReport, type Metric } from '../lib/report.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { startSyncServerProcess } from '../lib/sync-server-process.ts';
import { serverMetrics } from './shared-server.ts';
import { startTimingProxy } from '../lib/timing-proxy.ts';
import {
  joinRoom,
  listenForMarkers,
  mainThreadBetween,
  mainThreadClock,
  openPerson,
  readStreamProbe,
  send,
  shareRoom,
  waitForIdle,
  waitForRound,
  type MainThreadTime,
  type Person,
} from './shared-people.ts';
import { benchPeers, MARKER, MARKER_LENGTH, streamingReply, streamingRoomFile } from './streaming-fixture.ts';

const MEMBERS = 10;
const TOKENS_PER_SECOND = 100;
const REPLY_TOKENS = 900;
const OWNER_VIEWPORT = { width: 1280, height: 800 };
/** The 9 watching members: smaller pages, as 10 renderers share the machine's cores. */
const MEMBER_VIEWPORT = { width: 1024, height: 720 };
const PROVIDER_PORT = { openai: 0, anthropic: 1, google: 2 } as const;

interface Sample {
  member: string;
  marker: string;
  sent: number;
  painted: number;
}

interface MemberFigures {
  name: string;
  painted: number;
  medianMs: number | null;
  p95Ms: number | null;
  clockUncertaintyMs: number;
}

/** Sent → paint delays of one page: the proxy's epoch times moved onto the page's clock. */
function delaysOf(
  name: string,
  paints: Record<string, number>,
  sentAt: ReadonlyMap<string, number>,
  clock: { offsetMs: number; timeOrigin: number },
): Sample[] {
  const samples: Sample[] = [];
  for (const [marker, painted] of Object.entries(paints)) {
    const sent = sentAt.get(marker);
    if (sent === undefined) continue;
    samples.push({ member: name, marker, sent: sent + clock.offsetMs - clock.timeOrigin, painted });
  }
  return samples;
}

const delay = (sample: Sample) => sample.painted - sample.sent;

export async function runSharedBench(
  browser: Browser,
  appDir: string,
  options: { /** Where to write every remote paint's sent/painted times. */ samplesPath?: string } = {},
): Promise<Omit<BenchReport, 'durationMs'>> {
  const fake = await startFakeProviders();
  const proxy = await startTimingProxy(fake.url, MARKER, MARKER_LENGTH);
  const server = await startSyncServerProcess(appDir);
  const people: Person[] = [];
  let listener: Awaited<ReturnType<typeof listenForMarkers>> | null = null;
  try {
    const probe = { origins: proxy.urls, markerSource: MARKER.source, markerLength: MARKER_LENGTH };
    const owner = await openPerson(browser, 'Owner', OWNER_VIEWPORT, probe);
    people.push(owner);
    await owner.page.goto(`${server.url}/`);
    const peers = benchPeers();
    await owner.page.getByLabel('Import room').setInputFiles({
      name: 'room.json',
      mimeType: 'application/json',
      buffer: Buffer.from(streamingRoomFile(peers, (provider) => proxy.urls[PROVIDER_PORT[provider]]!)),
    });
    await owner.page.getByRole('button', { name: `Mute ${peers[0]!.name}` }).waitFor();
    await owner.page.waitForTimeout(500);
    const beforeRoom = server.sample();
    const retainedBeforeRoom = await server.retained();

    const link = await shareRoom(owner);
    const members: Person[] = [];
    for (let i = 2; i <= MEMBERS; i++) {
      // One at a time: ten page loads at once on two cores would only time out.
      const member = await openPerson(browser, `Member ${i}`, MEMBER_VIEWPORT, probe);
      people.push(member);
      members.push(member);
      await joinRoom(member, link);
    }

    // The listening member: the relayed text's arrival, apart from any page's rendering.
    listener = await listenForMarkers(server.url, link, MARKER);

    // Warm-up round: loads the SDKs in the owner's page and Markdown and highlighting in every page.
    for (const peer of peers)
      fake.script(peer.model, { text: 'Ready.\n\n```ts\nconst ready = true;\n```', tokensPerSecond: 200 });
    await send(owner.page, '@all warm up');
    await waitForRound(owner.page, 60_000);
    for (const member of members) await waitForIdle(member.page, 30_000);
    await owner.page.waitForTimeout(1_500);
    const roomIdle = server.sample();

    // The measured round.
    const replies = peers.map((_, index) => streamingReply(index, REPLY_TOKENS));
    peers.forEach((peer, index) =>
      fake.script(peer.model, { text: replies[index]!, tokensPerSecond: TOKENS_PER_SECOND }),
    );
    proxy.reset();
    listener.arrivedAt.clear();
    const clocks = await Promise.all(people.map((person) => pageClockOffset(person.page)));
    const threadClocks = await Promise.all(people.map(mainThreadClock));
    const threadsFrom = await Promise.all(threadClocks.map((clock) => clock.read()));
    const roundFrom = server.sample();
    await send(owner.page, '@all walk me through the write path, with code.');
    // 5 s into the replies (which take 10 s or more), what the server holds for the streaming room.
    const retainedInRound = [await owner.page.waitForTimeout(5_000).then(() => server.retained())];
    await waitForRound(owner.page, 90_000);
    for (const member of members) await waitForIdle(member.page, 30_000);
    const roundTo = server.sample();
    const threadsTo = await Promise.all(threadClocks.map((clock) => clock.read()));
    retainedInRound.push(await server.retained());
    await Promise.all(threadClocks.map((clock) => clock.close()));
    await owner.page.waitForTimeout(300); // the last paints
    const during = server.between(roundFrom, roundTo);
    const threads = people.map((_, index) => mainThreadBetween(threadsFrom[index]!, threadsTo[index]!, during.seconds));
    const memberThreads = threads.slice(1);
    const medianOf = (key: keyof MainThreadTime) => round(median(memberThreads.map((thread) => thread[key])));

    const probes = await Promise.all(people.map((person) => readStreamProbe(person.page)));
    const ownSamples = delaysOf(owner.name, probes[0]!.paints, proxy.sentAt, clocks[0]!);
    const perMember = members.map((member, index) =>
      delaysOf(member.name, probes[index + 1]!.paints, proxy.sentAt, clocks[index + 1]!),
    );
    const remote = perMember.flat();
    if (options.samplesPath)
      writeJson(
        options.samplesPath,
        remote.map((sample) => ({ ...sample, sent: round(sample.sent), painted: round(sample.painted) })),
      );
    const remoteDelays = remote.map(delay);
    const relayDelays = [...listener.arrivedAt].flatMap(([marker, at]) => {
      const sent = proxy.sentAt.get(marker);
      return sent === undefined ? [] : [at - sent];
    });
    const expectedPerPage = replies.reduce(
      (sum, reply) => sum + (reply.match(new RegExp(MARKER.source, 'g'))?.length ?? 0),
      0,
    );
    const expected = expectedPerPage * members.length;
    const figures: MemberFigures[] = members.map((member, index) => {
      const delays = perMember[index]!.map(delay);
      return {
        name: member.name,
        painted: delays.length,
        medianMs: round(median(delays)),
        p95Ms: round(percentile(delays, 95)),
        clockUncertaintyMs: round(clocks[index + 1]!.uncertaintyMs, 2),
      };
    });

    // Were the 8 streams concurrent, at what pace?
    const streams = proxy.streams.filter((entry) => entry.firstByteAt !== null && entry.bytes > 2_000);
    const tokensPerReply = median(replies.map((reply) => splitTokens(reply).length)) ?? 0;
    const rates = streams.map((entry) => tokensPerReply / ((entry.lastByteAt! - entry.firstByteAt!) / 1000));
    const worstClock = Math.max(...clocks.map((clock) => clock.uncertaintyMs));

    const metrics: Metric[] = [
      {
        key: 'members',
        label: 'members in the room',
        value: people.length,
        unit: 'count',
        note: `the owner runs the ${peers.length} seats; ${members.length} watch`,
      },
      {
        key: 'tokensPerSecondPerPeer',
        label: 'pace per peer (median)',
        value: round(median(rates), 1),
        unit: 'tokens/s',
        note: `${streams.length} streams of ${tokensPerReply} tokens`,
      },
      {
        key: 'remotePaintMedianMs',
        label: 'token sent → paint in the others’ pages, p50',
        value: round(median(remoteDelays)),
        unit: 'ms',
        note: `clocks ±${worstClock.toFixed(1)} ms at worst`,
      },
      {
        key: 'remotePaintP95Ms',
        label: 'token sent → paint in the others’ pages, p95',
        value: round(percentile(remoteDelays, 95)),
        unit: 'ms',
        budget: BUDGETS.sharedRemotePaintP95Ms,
      },
      {
        key: 'remotePaintMaxMs',
        label: 'token sent → paint in the others’ pages, max',
        value: round(percentile(remoteDelays, 100)),
        unit: 'ms',
      },
      {
        key: 'remoteMarkersPainted',
        label: 'marked tokens painted in the others’ pages',
        value: remote.length,
        unit: 'count',
        note: `of ${expected} (${expectedPerPage} × ${members.length} pages), ${((remote.length / expected) * 100).toFixed(0)} %; the rest scrolled out of the virtual list`,
      },
      ...figures.map((member): Metric => ({
        key: `remotePaintP95Ms:${member.name}`,
        label: `  p95, ${member.name}`,
        value: member.p95Ms,
        unit: 'ms',
        note: `p50 ${member.medianMs ?? '—'} ms, ${member.painted} of ${expectedPerPage} painted`,
      })),
      {
        key: 'relayP95Ms',
        label: 'token sent → relayed to a member, p95',
        value: round(percentile(relayDelays, 95)),
        unit: 'ms',
        note: `p50 ${round(median(relayDelays)) ?? '—'} ms, ${relayDelays.length} of ${expectedPerPage}; a listening client, no page`,
      },
      {
        key: 'ownerPaintP95Ms',
        label: 'token sent → paint in the owner’s page, p95',
        value: round(percentile(ownSamples.map(delay), 95)),
        unit: 'ms',
        note: `p50 ${round(median(ownSamples.map(delay))) ?? '—'} ms, ${ownSamples.length} painted (for comparison)`,
      },
      {
        key: 'memberMainThreadPercent',
        label: 'main thread busy in a member’s page (median)',
        value: medianOf('task'),
        unit: '%',
        note: `of one core during the round: script ${medianOf('script')}, layout ${medianOf('layout')}, style ${medianOf('style')}`,
      },
      {
        key: 'ownerMainThreadPercent',
        label: 'main thread busy in the owner’s page',
        value: round(threads[0]!.task),
        unit: '%',
        note: `script ${round(threads[0]!.script)}, layout ${round(threads[0]!.layout)}, style ${round(threads[0]!.style)}`,
      },
      ...serverMetrics({
        during,
        rssBeforeRoom: beforeRoom,
        rssRoomIdle: roomIdle,
        retainedBeforeRoom,
        retainedInRound,
        members: people.length,
      }),
    ];
    return {
      benchmark: 'shared',
      title: `${people.length} members in one shared room, ${peers.length} peers at ${TOKENS_PER_SECOND} tokens/s, sync server in a child process`,
      ok: true,
      metrics,
      details: {
        viewports: { owner: OWNER_VIEWPORT, members: MEMBER_VIEWPORT },
        server: { pid: server.pid, beforeRoom, roomIdle, round: during, retainedBeforeRoom, retainedInRound },
        members: figures,
        mainThreads: people.map((person, index) => ({ name: person.name, ...threads[index]! })),
        clocks,
        streams,
      },
    };
  } finally {
    listener?.close();
    for (const person of people) await person.context.close();
    await server.close();
    await proxy.close();
    await fake.close();
  }
}

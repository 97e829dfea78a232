/* eslint-disable max-lines -- the fault matrix is one table (wire format × fault) and its shared round fixture */
/**
 * The fault matrix (the "Failures stay contained" row of SECURITY.md): every wire format × every fault of the
 * fake-provider server, in the built app in Chromium, while other peers stream in the same round. The failing peer's
 * own message carries a plain-language error (or recovers after a visible retry where retrying is right), the others
 * finish, the round ends with the right reason, and a reload brings every message back unchanged. Then: the network
 * going offline mid-round, a first token that never comes, and providers answering 30 s late.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Fault, ScriptedReply } from '../tools/fake-providers/index.ts';
import { script, waitForRequests } from './fake-control.ts';
import {
  FORMATS,
  articleOf,
  callsTo,
  errorTextOf,
  expectPlainLanguage,
  expectSameAfterReload,
  formatById,
  peerOn,
  recordRetryNotices,
  type WireFormat,
} from './faults.ts';
import { expectRoundEnd, openRoom, roomFile, send, type TestPeer } from './room.ts';

// The transcript is virtualized: a tall window keeps every message of a round (up to 11) in the DOM at once.
test.use({ viewport: { width: 1280, height: 2400 } });

/** The keys `roomFile` gives each provider: none may show up anywhere on the page. */
const KEYS = ['test-key-openai', 'test-key-anthropic', 'test-key-google'];

/** What the failing peer streams; a fault mid-stream keeps a prefix of it. */
const PARTIAL = 'Partial answer one two three four five six seven eight nine ten.';
/**
 * The failing peer's pace. Slow enough that the tokens before a drop have reached the page: Chromium may discard
 * the bytes still in flight when a connection is reset.
 */
const FAILING_PACE = 12;
const RECOVERED = 'Recovered after one retry.';
/** The other peers: about half a second of streaming, so they are mid-stream when the fault hits. */
const OTHER: ScriptedReply = { tokens: 24, tokensPerSecond: 48 };

/**
 * The note of a connection reset mid-stream. Chromium drops the bytes the page has not read yet when a connection is
 * reset (on a loaded machine, all of them), and the note then rightly says the reply never started; so a test
 * accepts either note and checks that it agrees with the text shown. That text which reached the adapter is kept is
 * proven deterministically by the SDK tests in Node (src/adapters/providers/faults.test.ts).
 */
function resetNote(label: string): RegExp {
  return new RegExp(
    `^The connection to ${escape(label)} was lost (in the middle of the reply\\.|before the reply started\\. Try again\\.)$`,
  );
}

function saysNoTextReached(note: string): boolean {
  return note.includes('before the reply started');
}

/** The first-wave turns run in parallel, so the failing peer and the others stream at the same time. */
const PARALLEL = { limits: { parallelFirstWave: true } };

interface FaultCase {
  name: string;
  /** A fault of the fake server, or (for a first token that never comes after the headers) a scripted delay. */
  fault?: Fault;
  firstTokenDelayMs?: number;
  /** 429/5xx: retried twice before the first token. The row then also has a peer for which the fault clears. */
  retried?: { notice: (label: string) => RegExp };
  /** The error the failing peer's message shows; null when the turn completes. */
  error: ((format: WireFormat, model: string) => RegExp) | null;
  /** Text streamed before the fault is kept on the message. */
  keepsPartialText?: boolean;
  /** A connection reset, whose note depends on whether any text reached the page (see `resetNote`). */
  resetMayDropUnreadText?: boolean;
  /**
   * The first-token timeout must fire. The room file and the UI cannot set it (the store passes no `timeouts` to
   * the adapters), so the page's clock is faked and moved past the default instead of waiting 60 s.
   */
  timesOut?: { headersSent: boolean };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CASES: readonly FaultCase[] = [
  {
    name: 'rate-limit',
    fault: { kind: 'rate-limit', retryAfterSeconds: 1 },
    retried: { notice: (label) => new RegExp(`^Rate limited by ${escape(label)} — retrying in 1 s$`) },
    error: ({ label }) => new RegExp(`^Rate limited by ${escape(label)}\\. Try again in 1 s\\.$`),
  },
  {
    name: 'server-error',
    fault: { kind: 'server-error' },
    retried: { notice: (label) => new RegExp(`^${escape(label)} had a server error — retrying in [12] s$`) },
    error: ({ label }) => new RegExp(`^${escape(label)} had a server error \\(HTTP 500\\): [A-Z]`),
  },
  {
    name: 'overloaded',
    fault: { kind: 'overloaded' },
    retried: { notice: (label) => new RegExp(`^${escape(label)} is overloaded — retrying in [12] s$`) },
    error: ({ label }) => new RegExp(`^${escape(label)} is overloaded right now\\. Try again in a moment\\.$`),
  },
  {
    name: 'unauthorized',
    fault: { kind: 'unauthorized' },
    error: ({ label }) => new RegExp(`^The API key was refused by ${escape(label)}\\. Check it in Providers\\.$`),
  },
  {
    name: 'context-too-long',
    fault: { kind: 'context-too-long' },
    error: ({ label }, model) =>
      new RegExp(`^The conversation is too long for “${escape(model)}” at ${escape(label)}\\. Lower this peer's`),
  },
  {
    name: 'drop-mid-stream',
    fault: { kind: 'drop-mid-stream', afterTokens: 5 },
    error: ({ label }) => resetNote(label),
    keepsPartialText: true,
    resetMayDropUnreadText: true,
  },
  {
    // The provider answered (200, stream open), then the connection dropped before any text.
    name: 'drop-before-first-token',
    fault: { kind: 'drop-mid-stream', afterTokens: 0 },
    error: ({ label }) =>
      new RegExp(`^The connection to ${escape(label)} was lost before the reply started\\. Try again\\.$`),
  },
  {
    name: 'no-terminal-event',
    fault: { kind: 'no-terminal-event', afterTokens: 5 },
    error: ({ label }) =>
      new RegExp(`^The reply from ${escape(label)} ended without its end marker, so it may be incomplete\\.$`),
    keepsPartialText: true,
  },
  {
    // OpenAI's in-stream error is a server_error; Anthropic's is overloaded_error, Gemini's 503 UNAVAILABLE.
    // Text had streamed, so none of them is retried (a retry would repeat it).
    name: 'stream-error-event',
    fault: { kind: 'stream-error-event', afterTokens: 5 },
    error: ({ provider, label }) =>
      provider === 'openai'
        ? /^OpenAI had a server error: [A-Z]/
        : new RegExp(`^${escape(label)} is overloaded right now\\. Try again in a moment\\.$`),
    keepsPartialText: true,
  },
  {
    name: 'never-respond',
    fault: { kind: 'never-respond' },
    error: ({ label, firstTokenMs }) =>
      new RegExp(`^${escape(label)} sent no reply for ${firstTokenMs / 1000} s, so the request was stopped\\.`),
    timesOut: { headersSent: false },
  },
  {
    // Headers and opening events (message_start, response.created…) arrive, then no text: that is no first token.
    name: 'first-token-never-comes',
    firstTokenDelayMs: 3_600_000,
    error: ({ label, firstTokenMs }) =>
      new RegExp(`^${escape(label)} sent no reply for ${firstTokenMs / 1000} s, so the request was stopped\\.`),
    timesOut: { headersSent: true },
  },
  {
    // Headers 1.5 s late: well inside the first-token timeout, so the turn simply completes.
    name: 'slow-headers',
    fault: { kind: 'slow-headers', delayMs: 1_500 },
    error: null,
  },
];

/** The healthy peers streaming alongside: two more seats, on two of the formats. */
const HEALTHY: readonly { handle: string; format: WireFormat['id'] }[] = [
  { handle: 'echo', format: 'openai-chat' },
  { handle: 'foxtrot', format: 'gemini' },
];
const FAILING_HANDLE: Record<WireFormat['id'], string> = {
  'openai-chat': 'alpha',
  'openai-responses': 'beta',
  anthropic: 'gamma',
  gemini: 'delta',
};

/** Up to ten seats answer `@all` in one parallel wave (the default turn budget would stop at eight). */
const MATRIX_ROOM = { limits: { parallelFirstWave: true, maxTurnsPerRound: 12 } };

async function expectAllComplete(page: Page, peers: readonly TestPeer[]): Promise<void> {
  for (const peer of peers) await expect(articleOf(page, peer.handle)).toHaveAttribute('data-status', 'complete');
}

/**
 * One test per fault (a row); in it, one failing seat per wire format (the columns), each checked on its own, plus
 * for retried faults one seat per format for which the fault clears after one answer, and two healthy seats. All
 * of them answer one `@all` in parallel, so every failure happens while the others stream.
 */
test.describe('fault matrix', () => {
  for (const row of CASES) {
    test(`${row.name}: every wire format`, async ({ page }) => {
      const cells = FORMATS.map((format) => {
        const handle = FAILING_HANDLE[format.id];
        return {
          format,
          failing: peerOn(format, handle, `fm-${row.name}-${handle}`),
          recovering: row.retried ? peerOn(format, `r${handle}`, `fm-${row.name}-r${handle}`) : undefined,
        };
      });
      const healthy = HEALTHY.map(({ handle, format }) =>
        peerOn(formatById(format), handle, `fm-${row.name}-${handle}`),
      );
      const peers = [
        ...cells.flatMap((cell) => [cell.failing, ...(cell.recovering ? [cell.recovering] : [])]),
        ...healthy,
      ];
      if (row.timesOut) await page.clock.install();
      const retryNotices = await recordRetryNotices(page);
      await openRoom(page, roomFile(peers, MATRIX_ROOM));
      // A retried fault answers every attempt (1 + 2 retries); `times: 1` clears after the first answer.
      const fault = row.fault && row.retried ? { ...row.fault, times: 3 } : row.fault;
      for (const { failing, recovering } of cells) {
        await script(failing.model, {
          text: PARTIAL,
          tokensPerSecond: FAILING_PACE,
          ...(fault ? { fault } : {}),
          ...(row.firstTokenDelayMs ? { firstTokenDelayMs: row.firstTokenDelayMs } : {}),
        });
        if (recovering && row.fault) {
          await script(recovering.model, { text: RECOVERED, fault: { ...row.fault, times: 1 } });
        }
      }
      for (const peer of healthy) await script(peer.model, OTHER);

      await send(page, '@all status report, please');

      if (row.timesOut) {
        // The healthy seats finish in real time; the silent ones still wait for their first text.
        await expectAllComplete(page, healthy);
        for (const { format, failing } of cells) {
          await expect(articleOf(page, failing.handle), format.id).toHaveAttribute('data-status', 'streaming');
          const status = row.timesOut.headersSent ? 200 : null;
          expect(
            (await callsTo(failing.model)).map((call) => call.status),
            format.id,
          ).toEqual([status]);
        }
        await page.clock.fastForward(Math.max(...FORMATS.map((format) => format.firstTokenMs)) + 1_000);
      }

      await expectRoundEnd(page, 'queue-empty');
      await expectAllComplete(page, healthy);
      const notices = await retryNotices();
      for (const { format, failing, recovering } of cells) {
        await test.step(format.id, async () => {
          const message = articleOf(page, failing.handle);
          if (row.error === null) {
            await expect(message).toHaveAttribute('data-status', 'complete');
            await expect(message.locator('.markdown')).toHaveText(PARTIAL);
          } else {
            await expect(message).toHaveAttribute('data-status', 'error');
            const error = await errorTextOf(page, failing.handle);
            expect(error).toMatch(row.error(format, failing.model));
            expectPlainLanguage(error, KEYS);
            const kept = (await message.locator('.markdown').innerText()).trim();
            if (row.keepsPartialText && !(row.resetMayDropUnreadText && saysNoTextReached(error))) {
              expect(kept.length, 'the text streamed before the fault is kept').toBeGreaterThan(0);
              expect(PARTIAL.startsWith(kept), `"${kept}" is a prefix of the stream`).toBe(true);
              expect(kept).not.toBe(PARTIAL);
            } else {
              expect(kept).toBe('');
            }
          }
          // What reached the provider: every attempt in the format under test, retried only where that is right.
          const calls = await callsTo(failing.model);
          expect(calls.map((call) => call.provider)).toEqual(Array(row.retried ? 3 : 1).fill(format.logged));
          if (row.timesOut) {
            // The timeout aborted the request: the server saw the connection close.
            const logged = await waitForRequests(failing.model, (log) => log.some((call) => call.clientClosed));
            expect(logged.some((call) => call.clientClosed)).toBe(true);
          }
          // The user saw each wait on the waiting seat's own message.
          const seen = (handle: string) => notices.filter((notice) => notice.author === handle);
          if (row.retried) {
            for (const notice of seen(failing.handle)) expect(notice.text).toMatch(row.retried.notice(format.label));
            expect(seen(failing.handle).length).toBeGreaterThanOrEqual(1);
          }
          if (recovering && row.retried) {
            const recovered = articleOf(page, recovering.handle);
            await expect(recovered).toHaveAttribute('data-status', 'complete');
            await expect(recovered.locator('.markdown')).toHaveText(RECOVERED);
            await expect(recovered.locator('p', { hasText: /retrying/ })).toHaveCount(0);
            expect(seen(recovering.handle).map((notice) => notice.text)).toEqual([
              expect.stringMatching(row.retried.notice(format.label)),
            ]);
            expect((await callsTo(recovering.model)).map((call) => call.fault)).toEqual([row.fault?.kind, null]);
          }
        });
      }
      // Nobody else ever showed a retry notice.
      const waiting = new Set(
        cells.flatMap((cell) => (row.retried ? [cell.failing.handle, cell.recovering!.handle] : [])),
      );
      expect(notices.filter((notice) => !waiting.has(notice.author))).toEqual([]);

      await expect(page.locator('body')).not.toContainText('test-key-');
      const shown = await expectSameAfterReload(page);
      expect(shown.map((message) => message.author).sort()).toEqual(
        ['you', ...peers.map((peer) => peer.handle)].sort(),
      );
    });
  }
});

test('when every peer fails, each shows its own error and the round ends all-peers-failed', async ({ page }) => {
  const failures: { format: WireFormat['id']; handle: string; fault: Fault; error: RegExp }[] = [
    {
      format: 'openai-chat',
      handle: 'alpha',
      fault: { kind: 'unauthorized' },
      error: /^The API key was refused by OpenAI\./,
    },
    {
      format: 'openai-responses',
      handle: 'beta',
      fault: { kind: 'context-too-long' },
      error: /^The conversation is too long for “computer-use-fm-all-failed-beta” at OpenAI\./,
    },
    {
      format: 'anthropic',
      handle: 'gamma',
      fault: { kind: 'drop-mid-stream', afterTokens: 3 },
      error: resetNote('Anthropic'),
    },
    {
      format: 'gemini',
      handle: 'delta',
      fault: { kind: 'no-terminal-event', afterTokens: 3 },
      error: /^The reply from Google Gemini ended without its end marker/,
    },
  ];
  const peers = failures.map((failure) =>
    peerOn(formatById(failure.format), failure.handle, `fm-all-failed-${failure.handle}`),
  );
  await openRoom(page, roomFile(peers, PARALLEL));
  for (const [index, failure] of failures.entries()) {
    await script(peers[index]!.model, { text: PARTIAL, tokensPerSecond: FAILING_PACE, fault: failure.fault });
  }
  await send(page, '@all anyone there?');
  await expectRoundEnd(page, 'all-peers-failed');
  for (const failure of failures) {
    await expect(articleOf(page, failure.handle)).toHaveAttribute('data-status', 'error');
    const error = await errorTextOf(page, failure.handle);
    expect(error).toMatch(failure.error);
    expectPlainLanguage(error, KEYS);
    if (failure.fault.kind === 'drop-mid-stream') {
      const kept = (await articleOf(page, failure.handle).locator('.markdown').innerText()).trim();
      expect(saysNoTextReached(error), `note "${error}" with text "${kept}"`).toBe(kept === '');
    }
  }
  await expectSameAfterReload(page);
});

test('the network going offline mid-round: the open stream and the queued turns fail as network errors, nothing is lost, and the room works again once online', async ({
  page,
  context,
}) => {
  // Sequential turns in mention order: alpha streams, beta and gamma are queued behind it.
  const peers = [
    peerOn(formatById('openai-chat'), 'alpha', 'fm-offline-alpha'),
    peerOn(formatById('anthropic'), 'beta', 'fm-offline-beta'),
    peerOn(formatById('gemini'), 'gamma', 'fm-offline-gamma'),
  ];
  await openRoom(page, roomFile(peers));
  const long = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
  // Chromium's offline emulation fails every new request but leaves an open loopback stream alone, whereas a real
  // network loss kills it: the fake server drops alpha's connection a few seconds in to stand for that.
  await script(peers[0]!.model, {
    text: long,
    tokensPerSecond: 20,
    fault: { kind: 'drop-mid-stream', afterTokens: 60 },
  });
  for (const peer of peers.slice(1)) await script(peer.model, { text: `${peer.name} answers.`, tokensPerSecond: 100 });
  await send(page, '@alpha @beta @gamma one after the other');
  await expect(articleOf(page, 'alpha').locator('.markdown')).toContainText(/word0 word1 word2/);
  await context.setOffline(true);

  await expectRoundEnd(page, 'all-peers-failed');
  await expect(articleOf(page, 'alpha')).toHaveAttribute('data-status', 'error');
  expect(await errorTextOf(page, 'alpha')).toBe('The connection to OpenAI was lost in the middle of the reply.');
  const kept = (await articleOf(page, 'alpha').locator('.markdown').innerText()).trim();
  expect(kept).toMatch(/^word0 word1 word2/);
  expect(long.startsWith(kept)).toBe(true);
  for (const [handle, label] of [
    ['beta', 'Anthropic'],
    ['gamma', 'Google Gemini'],
  ] as const) {
    await expect(articleOf(page, handle)).toHaveAttribute('data-status', 'error');
    const error = await errorTextOf(page, handle);
    expect(error).toMatch(
      new RegExp(`^Could not reach ${label} at 127\\.0\\.0\\.1:\\d+\\. Check your connection and the base URL\\.$`),
    );
    expectPlainLanguage(error, KEYS);
  }
  // Offline means offline: the queued turns never reached the server, and nothing was retried.
  expect(await callsTo(peers[0]!.model)).toHaveLength(1);
  expect(await callsTo(peers[1]!.model)).toHaveLength(0);
  expect(await callsTo(peers[2]!.model)).toHaveLength(0);

  await context.setOffline(false);
  await script(peers[0]!.model, { text: 'Alpha is back.', tokensPerSecond: 100 });
  await send(page, '@alpha @beta @gamma and now?');
  await expectRoundEnd(page, 'queue-empty');
  for (const peer of peers) {
    await expect(articleOf(page, peer.handle).nth(1)).toHaveAttribute('data-status', 'complete');
  }
  await expect(articleOf(page, 'beta').nth(1).locator('.markdown')).toHaveText('Beta answers.');
  const shown = await expectSameAfterReload(page);
  expect(shown.map((message) => `${message.author}:${message.status}`)).toEqual([
    'you:complete',
    'alpha:error',
    'beta:error',
    'gamma:error',
    'you:complete',
    'alpha:complete',
    'beta:complete',
    'gamma:complete',
  ]);
});

test('providers answering 30 s late still complete: the default first-token timeout is 60 s', async ({ page }) => {
  // 30 s of real waiting: the fake server holds the headers in real time, so the page's clock cannot shorten it.
  test.slow();
  const slow = FORMATS.map((format, index) => peerOn(format, ['alpha', 'beta', 'gamma', 'delta'][index]!, 'fm-late'));
  const quick = peerOn(formatById('openai-chat'), 'quick', 'fm-late-quick');
  await openRoom(page, roomFile([...slow, quick], PARALLEL));
  for (const peer of slow) {
    await script(peer.model, {
      text: `${peer.name}, late but whole.`,
      fault: { kind: 'slow-headers', delayMs: 30_000 },
    });
  }
  await script(quick.model, OTHER);
  await send(page, '@all take your time');
  // The quick peer finishes while the slow ones still wait, quietly: no error, no retry, the round still running.
  await expect(articleOf(page, 'quick')).toHaveAttribute('data-status', 'complete');
  for (const peer of slow) await expect(articleOf(page, peer.handle)).toHaveAttribute('data-status', 'streaming');
  await expect(page.locator('[data-round-end]')).toHaveCount(0);

  await expect(page.locator('[data-round-end]')).toHaveAttribute('data-round-end', 'queue-empty', { timeout: 45_000 });
  for (const peer of slow) {
    const message = articleOf(page, peer.handle);
    await expect(message).toHaveAttribute('data-status', 'complete');
    await expect(message.locator('.markdown')).toHaveText(`${peer.name}, late but whole.`);
    const seconds = Number(/(\d+(?:\.\d+)?) s\b/.exec(await message.locator('footer').innerText())?.[1]);
    expect(seconds, 'the footer shows the 30 s the reply took').toBeGreaterThanOrEqual(30);
    const calls = await callsTo(peer.model);
    expect(calls.map((call) => [call.status, call.clientClosed, call.completed])).toEqual([[200, false, true]]);
  }
  await expectSameAfterReload(page);
});

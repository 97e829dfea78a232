// The turn runner and reasoning: streamed reasoning is transient and frame-batched like the answer, the turn's
// event keeps the final reasoning and ending, and the room setting decides whether other peers are sent it.
import { describe, expect, it } from 'vitest';
import { createFacilitatorStore } from './facilitator.ts';
import type { PeerAdapter } from '../adapters/index.ts';
import { manualFrames, scriptedAdapters, settle, testDeps } from './testing.ts';

const THOUGHT = 'first I weigh it, then I answer';

describe('reasoning in the turn runner', () => {
  it('streams reasoning into the message in frames, and the turn’s event keeps the final reasoning and ending', async () => {
    const adapters = scriptedAdapters({
      'claude-model': [
        {
          text: 'one two',
          hold: true,
          reasoning: THOUGHT,
          ending: { kind: 'max-tokens', providerReason: 'max_tokens' },
        },
      ],
    });
    const frames = manualFrames();
    const store = createFacilitatorStore({ ...testDeps(adapters.adapterFor), requestFrame: frames.requestFrame });
    store.getState().send('@claude think');
    await adapters.holding();
    const reply = () => store.getState().messages[store.getState().messageIds.at(-1)!]!;
    expect(reply().reasoning).toBeUndefined();
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(reply()).toMatchObject({ status: 'streaming', text: 'one', reasoning: { text: THOUGHT } });
    // Not in the log while streaming: only the turn's end records it.
    expect(store.getState().log.some((event) => JSON.stringify(event).includes(THOUGHT))).toBe(false);
    adapters.releaseAll();
    await settle(() => store.getState().roundActive);
    expect(reply()).toMatchObject({
      status: 'complete',
      text: 'one two',
      reasoning: { text: THOUGHT, durationMs: 1 },
      ending: { kind: 'max-tokens', providerReason: 'max_tokens' },
    });
    const finished = store.getState().log.find((event) => event.type === 'turn-finished');
    expect(finished).toMatchObject({ result: { reasoning: { text: THOUGHT }, ending: { kind: 'max-tokens' } } });
  });

  it('keeps reasoning from the other peers until the room shares it, then sends it marked before the answer', async () => {
    const adapters = scriptedAdapters({
      'claude-model': [{ text: 'Claude answers.', reasoning: THOUGHT }],
      'gpt-model': [{ text: 'First.' }, { text: 'Second.' }],
    });
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    const sentToGpt = () =>
      adapters.calls
        .filter((call) => call.model === 'gpt-model')
        .map((call) => call.request.messages.map((message) => message.content).join('\n'));
    store.getState().send('@claude go');
    await settle(() => store.getState().roundActive);
    store.getState().send('@gpt and you?');
    await settle(() => store.getState().roundActive);
    expect(sentToGpt()[0]).toContain('Claude answers.');
    expect(sentToGpt()[0]).not.toContain('weigh');

    expect(store.getState().setShareReasoning(true)).toEqual({ ok: true });
    expect(store.getState().log.at(-1)).toMatchObject({ type: 'reasoning-sharing-set', share: true });
    store.getState().send('@gpt again?');
    await settle(() => store.getState().roundActive);
    expect(sentToGpt()[1]).toContain(
      `[reasoning, shared by the room — not part of the answer]\n${THOUGHT}\n[end of reasoning]\n\nClaude answers.`,
    );
  });
});

describe('a result the log refuses', () => {
  it('ends the reply as an error that says why, instead of leaving it streaming', async () => {
    const adapter: PeerAdapter = {
      kind: 'openai',
      listModels: async () => [],
      stream: async () => ({
        status: 'complete',
        text: 'Half',
        stopReason: 'stop',
        usage: { inputTokens: Number.NaN, outputTokens: 1 },
        latency: { firstTokenMs: 1, totalMs: 2 },
      }),
    };
    const store = createFacilitatorStore(testDeps(() => adapter));
    store.getState().send('@claude hi');
    await settle(() => store.getState().roundActive);
    const reply = store.getState().messages[store.getState().messageIds.at(-1)!]!;
    expect(reply).toMatchObject({ status: 'error', text: 'Half' });
    expect(reply.error?.message).toMatch(/^The reply could not be recorded: .*"result\.usage"/);
  });
});

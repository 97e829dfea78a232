/**
 * The room log is the room's truth: for random sessions of sends, mentions, stops, mutes, edits, regenerations,
 * version switches, mode and limit changes, reasoning (streamed, kept and shared) and explained endings, council
 * rounds (a vote, or reviews and a synthesis; per message or as the room's default), and failing providers, replaying the log the store wrote gives exactly
 * the state the store holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayRoom, type CouncilRequest } from '../../core/index.ts';
import { createFacilitatorStore } from '../facilitator.ts';
import { scriptedAdapters, settle, testDeps, type ScriptedReply } from '../testing.ts';
import type { RoomStore } from '../types.ts';
import { projectionOf } from './log.ts';

const HANDLES = ['claude', 'gpt', 'gemini'] as const;
const peerId = fc.constantFrom(...HANDLES.map((handle) => `id-${handle}`));
const mention = fc.constantFrom('@claude', '@gpt', '@gemini', '@all', '@claude @gpt', '');

const reply: fc.Arbitrary<ScriptedReply> = fc
  .record(
    {
      text: fc.tuple(
        fc.constantFrom(
          'Agreed.',
          'I doubt it.',
          'PASS',
          'Here is a list:\n- one\n- two',
          'Answer: 42',
          'Reason: it checks out.\nVote: Response A',
          'Vote: Response B',
        ),
        mention,
      ),
      error: fc.constantFrom('server-error' as const, 'rate-limited' as const),
      hold: fc.boolean(),
      reasoning: fc.constantFrom('Thinking it over.', 'Weighing **both** sides first, then @gpt'),
      ending: fc.constantFrom(
        { kind: 'max-tokens' as const, providerReason: 'length' },
        { kind: 'refusal' as const, providerReason: 'refusal', refusal: 'I would rather not.' },
      ),
    },
    { requiredKeys: ['text'] },
  )
  .map(({ text: [body, asked], ...rest }) => ({ text: body === 'PASS' ? body : `${body} ${asked}`.trim(), ...rest }));

type Action =
  | { type: 'send'; text: string; council?: CouncilRequest | null }
  | { type: 'council-default'; council: CouncilRequest | null }
  | { type: 'stop-all' }
  | { type: 'stop-peer' | 'mute' | 'unmute' | 'speak-now'; peerId: string }
  | { type: 'skip-next' }
  | { type: 'edit' | 'regenerate' | 'show-version'; pick: number; text: string }
  | { type: 'mode'; modeId: string }
  | { type: 'limits'; maxTurnsPerRound: number }
  | { type: 'share-reasoning'; share: boolean }
  | { type: 'wait'; ticks: number };

const councilRequest: fc.Arbitrary<CouncilRequest> = fc.record(
  { strategy: fc.constantFrom('vote' as const, 'council' as const), synthesizerId: peerId },
  { requiredKeys: ['strategy'] },
);

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('send' as const),
      text: mention.map((asked) => `${asked} how much is 6 × 7?`.trim()),
      council: fc.option(councilRequest, { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('council-default' as const),
      council: fc.option(councilRequest, { nil: null }),
    }),
  },
  { weight: 4, arbitrary: mention.map((asked) => ({ type: 'send' as const, text: `${asked} what now?`.trim() })) },
  { weight: 1, arbitrary: fc.constant({ type: 'stop-all' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constantFrom('stop-peer', 'mute', 'unmute', 'speak-now' as const), peerId }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'skip-next' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constantFrom('edit', 'regenerate', 'show-version' as const),
      pick: fc.nat(50),
      text: fc.constantFrom('Try again, @gpt', 'Rather: what breaks?'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('mode' as const),
      modeId: fc.constantFrom('collaborative', 'adversarial'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('limits' as const), maxTurnsPerRound: fc.integer({ min: 1, max: 6 }) }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('share-reasoning' as const), share: fc.boolean() }) },
);

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function apply(state: RoomStore, step: Action): void {
  const pickOf = <T>(items: readonly T[], pick: number): T | undefined => items[pick % Math.max(1, items.length)];
  const path = state.messageIds.map((id) => state.messages[id]!);
  switch (step.type) {
    case 'send':
      return void state.send(step.text, step.council === undefined ? {} : { council: step.council });
    case 'council-default':
      return void state.setCouncilDefault(step.council);
    case 'stop-all':
      return state.stopAll();
    case 'stop-peer':
      return state.stopPeer(step.peerId);
    case 'mute':
      return state.mute(step.peerId);
    case 'unmute':
      return state.unmute(step.peerId);
    case 'speak-now':
      return void state.speakNow(step.peerId);
    case 'skip-next':
      return state.skipNext();
    case 'edit': {
      const human = pickOf(
        path.filter((message) => message.kind === 'human'),
        step.pick,
      );
      return void (human && state.editAndRerun(human.id, step.text));
    }
    case 'regenerate': {
      const peer = pickOf(
        path.filter((message) => message.kind === 'peer' && message.status !== 'streaming'),
        step.pick,
      );
      return void (peer && state.regenerate(peer.id));
    }
    case 'show-version': {
      const id = pickOf(Object.keys(state.messages), step.pick);
      return void (id && state.showVersion(id));
    }
    case 'mode':
      return void state.setMode(step.modeId);
    case 'limits':
      return void state.setLimits({ maxTurnsPerRound: step.maxTurnsPerRound });
    case 'share-reasoning':
      return void state.setShareReasoning(step.share);
    case 'wait':
      return;
  }
}

describe('the room log', () => {
  it('replays to exactly the live state, for random sessions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 24 }),
        fc.dictionary(
          fc.constantFrom(...HANDLES.map((handle) => `${handle}-model`)),
          fc.array(reply, { maxLength: 6 }),
        ),
        async (actions, script) => {
          const adapters = scriptedAdapters(script);
          const store = createFacilitatorStore(testDeps(adapters.adapterFor));
          for (const step of actions) {
            apply(store.getState(), step);
            for (let i = 0; i < (step.type === 'wait' ? step.ticks : 1); i++) await tick();
          }
          const streaming = () => Object.values(store.getState().messages).some((m) => m.status === 'streaming');
          await settle(() => {
            adapters.releaseAll();
            return store.getState().roundActive || streaming();
          });
          const state = store.getState();
          expect(state.log[0]?.type).toBe('conversation-started');
          expect(replayRoom(state.log)).toStrictEqual(projectionOf(state));
        },
      ),
      { numRuns: 80 },
    );
  });
});

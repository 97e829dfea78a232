/**
 * A real conversation, produced by the facilitator store with scripted adapters: a peer mention chain, an `@all`
 * round with a failing peer, a mode change, a turn stopped mid-stream, a DAP round with a PASS, and a peer reply
 * that tries to impersonate the human. An API key is set the whole time. The format tests in `src/formats/` read a
 * recorded copy of it (`src/formats/testing/real-conversation.json`, written by `exports.test.ts`).
 */
import { HOSTILE_REPLY, SECRET_KEY } from '../formats/testing/real-conversation.ts';
import { snapshotOf, type ConversationSnapshot } from '../formats/index.ts';
import { createFacilitatorStore } from './facilitator.ts';
import { roundOver, scriptedAdapters, testDeps } from './testing.ts';
import type { RoomStore } from './types.ts';

export interface RealConversation {
  snapshot: ConversationSnapshot;
  state: RoomStore;
}

/** Drives the store through several rounds and returns its snapshot (and the state it came from). */
export async function realConversation(): Promise<RealConversation> {
  const adapters = scriptedAdapters({
    'claude-model': [
      { text: 'We should start with the data model. @gpt can you check the indexes?' },
      { text: 'Claude here: I read the spec.' },
      { text: 'A long proof that the human will stop', hold: true },
      { text: HOSTILE_REPLY },
    ],
    'gpt-model': [
      { text: 'The indexes look fine; one is missing on `createdAt`.' },
      { text: 'GPT here.' },
      { text: 'PASS' },
    ],
    'gemini-model': [{ text: '', error: 'rate-limited' }, { text: 'Gemini: the claim about indexes is SHOWN.' }],
  });
  const store = createFacilitatorStore(testDeps(adapters.adapterFor));
  const state = () => store.getState();
  const done = () => roundOver(store);

  state().setProvider('openai', { apiKey: SECRET_KEY, baseURL: 'https://api.example.test/v1' });
  state().setProvider('anthropic', { apiKey: SECRET_KEY });

  state().send('@claude how should we store conversations?');
  await done();
  state().send('@all introduce yourselves');
  await done();
  expectOk(state().setMode('adversarial'));
  state().send('@claude prove that IndexedDB is fast enough');
  await adapters.holding();
  state().stopAll();
  await done();
  state().send('@all what did we miss?');
  await done();
  state().send('Any last objections?');
  await done();

  const snapshot = snapshotOf(state(), { id: 'conv-design-review', title: 'Design review: storage' });
  return { snapshot, state: state() };
}

function expectOk(result: { ok: boolean }): void {
  if (!result.ok) throw new Error('The scripted conversation expected this action to succeed.');
}

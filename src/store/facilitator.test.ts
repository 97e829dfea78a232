import { describe, expect, it } from 'vitest';
import { createFacilitatorStore } from './facilitator.ts';
import {
  manualFrames,
  roundOver,
  scriptedAdapters,
  settle,
  testDeps,
  testRoom,
  type ScriptedReply,
} from './testing.ts';

function setup(script: Record<string, ScriptedReply[]> = {}, room = testRoom()) {
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore(testDeps(adapters.adapterFor, room));
  const transcript = () => store.getState().messageIds.map((id) => store.getState().messages[id]!);
  const calledModels = () => adapters.calls.map((call) => call.model);
  const done = () => roundOver(store);
  return { store, adapters, transcript, calledModels, done };
}

describe('facilitator: who is called', () => {
  it('a human @mention reaches only that peer', async () => {
    const { store, calledModels, done } = setup();
    expect(store.getState().send('@claude what do you think?')).toEqual({ ok: true });
    await done();
    expect(calledModels()).toEqual(['claude-model']);
    expect(store.getState().lastRoundEnd).toBe('queue-empty');
  });

  it('@all reaches every enabled peer, each seeing the replies before it', async () => {
    const { store, adapters, calledModels, done } = setup();
    store.getState().send('@all introduce yourselves');
    await done();
    expect([...calledModels()].sort()).toEqual(['claude-model', 'gemini-model', 'gpt-model']);
    const last = adapters.calls.at(-1)!.request;
    const history = last.messages.map((message) => message.content).join('\n');
    for (const earlier of adapters.calls.slice(0, -1))
      expect(history).toContain(`${earlier.model} has nothing to add.`);
  });

  it('a peer reply that mentions another peer starts that peer’s turn, one level deeper', async () => {
    const { store, transcript, calledModels, done } = setup({
      'claude-model': [{ text: 'I disagree — @gpt, check my maths.' }],
    });
    store.getState().send('@claude go');
    await done();
    expect(calledModels()).toEqual(['claude-model', 'gpt-model']);
    const gptMessage = transcript().find((message) => message.authorId === 'id-gpt')!;
    expect(gptMessage.reason).toMatchObject({ kind: 'peer-mention', askedBy: 'id-claude' });
  });

  it('a muted peer is never called, even when mentioned, and the human is told', async () => {
    const { store, calledModels, done } = setup();
    store.getState().mute('id-gpt');
    store.getState().send('@gpt @claude hello');
    await done();
    expect(calledModels()).toEqual(['claude-model']);
    expect(store.getState().notice).toMatch(/Gpt is muted/);
  });

  it('switching mode puts the other mode’s block in the next requests', async () => {
    const { store, adapters, done } = setup();
    store.getState().send('@claude one');
    await done();
    expect(store.getState().setMode('adversarial')).toEqual({ ok: true });
    store.getState().send('@claude two');
    await done();
    expect(adapters.calls[0]!.request.system).toMatch(/Collaborative/);
    expect(adapters.calls[1]!.request.system).toMatch(/Adversarial/);
    expect(adapters.calls[1]!.request.system).not.toMatch(/Collaborative/);
  });
});

describe('facilitator: the human stays in charge', () => {
  it('Stop all aborts the stream and keeps the partial text as interrupted', async () => {
    const { store, transcript, adapters, done } = setup({
      'claude-model': [{ text: 'Partial answer that never ends', hold: true }],
    });
    store.getState().send('@claude long answer please');
    await adapters.holding();
    expect(store.getState().streamingPeerIds).toEqual(['id-claude']);
    store.getState().stopAll();
    await done();
    const reply = transcript().at(-1)!;
    expect(reply.status).toBe('interrupted');
    expect(reply.text).toBe('Partial');
    expect(adapters.calls[0]!.aborted).toBe(true);
    expect(store.getState().lastRoundEnd).toBe('stopped-by-human');
  });

  it('a new human message preempts the running round', async () => {
    const { store, transcript, adapters, done } = setup({ 'claude-model': [{ text: 'Slow thought', hold: true }] });
    store.getState().send('@claude first');
    await adapters.holding();
    store.getState().send('@gpt second');
    await done();
    const roundEnds = store
      .getState()
      .events.filter((event) => event.type === 'round-ended')
      .map((event) => event.reason);
    expect(roundEnds).toEqual(['preempted-by-human', 'queue-empty']);
    expect(transcript().find((message) => message.authorId === 'id-claude')?.status).toBe('interrupted');
    expect(transcript().at(-1)).toMatchObject({ authorId: 'id-gpt', status: 'complete' });
  });

  it('speak now runs a peer with reason human-forced; a muted one is refused', async () => {
    const { store, transcript, done } = setup();
    expect(store.getState().speakNow('id-gemini')).toEqual({ ok: true });
    await done();
    expect(transcript().at(-1)?.reason).toEqual({ kind: 'human-forced' });
    store.getState().mute('id-gemini');
    expect(store.getState().speakNow('id-gemini')).toMatchObject({ ok: false });
  });

  it('a failing peer fails only its own turn', async () => {
    const { store, transcript, done } = setup({ 'gpt-model': [{ text: '', error: 'rate-limited' }] });
    store.getState().send('@all go');
    await done();
    const byAuthor = Object.fromEntries(
      transcript()
        .filter((m) => m.kind === 'peer')
        .map((m) => [m.authorId, m]),
    );
    expect(byAuthor['id-gpt']).toMatchObject({ status: 'error', error: { reason: 'rate-limited' } });
    expect(byAuthor['id-claude']?.status).toBe('complete');
    expect(byAuthor['id-gemini']?.status).toBe('complete');
  });
});

describe('facilitator: streaming and bookkeeping', () => {
  it('batches streamed text into frames instead of one update per token', async () => {
    const adapters = scriptedAdapters({ 'claude-model': [{ text: 'one two three four five six', hold: true }] });
    const frames = manualFrames();
    const store = createFacilitatorStore({ ...testDeps(adapters.adapterFor), requestFrame: frames.requestFrame });
    let updates = 0;
    store.subscribe(() => updates++);
    store.getState().send('@claude count');
    await adapters.holding();
    const reply = () => store.getState().messages[store.getState().messageIds.at(-1)!]!;
    expect(reply().text).toBe('');
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(reply().text).toBe('one');
    const before = updates;
    adapters.releaseAll();
    await settle(() => store.getState().roundActive);
    expect(reply().text).toBe('one two three four five six');
    // Five more tokens arrived; the end of the turn flushes them in one update, not five.
    expect(updates - before).toBeLessThan(8);
  });

  it('records why every turn happened and how every round ended', async () => {
    const { store, done } = setup();
    store.getState().send('@claude @gpt go');
    await done();
    const events = store.getState().events;
    const dispatched = events.filter((event) => event.type === 'turn-dispatched');
    const completed = events.filter((event) => event.type === 'turn-completed');
    expect(dispatched.map((event) => event.reason.kind)).toEqual(['human-mention', 'human-mention']);
    expect(completed).toHaveLength(2);
    expect(events.filter((event) => event.type === 'round-ended')).toHaveLength(1);
  });

  it('shows the limits and DAP parameters in force', () => {
    const { store } = setup();
    expect(store.getState().effectiveLimits.maxTurnsPerRound).toBe(6);
    expect(store.getState().setLimits({ maxDepth: 1 })).toEqual({ ok: true });
    expect(store.getState().effectiveLimits.maxDepth).toBe(1);
    store.getState().setPeerDap('id-gpt', { base: 0.5 });
    expect(store.getState().dapParams['id-gpt']?.base).toBe(0.5);
    expect(store.getState().dapParams['id-claude']?.base).not.toBe(0.5);
  });

  it('tracks each peer’s context fill', async () => {
    const { store, done } = setup();
    store.getState().send('@claude hello there');
    await done();
    const fill = store.getState().contextFills['id-claude'];
    expect(fill?.usedTokens).toBeGreaterThan(0);
    expect(fill?.windowTokens).toBe(100_000);
  });

  it('refuses an empty message and changes nothing', () => {
    const { store } = setup();
    expect(store.getState().send('   ')).toMatchObject({ ok: false });
    expect(store.getState().messageIds).toHaveLength(0);
  });
});

describe('facilitator: peers and room files', () => {
  it('refuses a peer whose handle is taken, and changes nothing', () => {
    const { store } = setup();
    const before = store.getState().peers;
    const result = store.getState().addPeer({
      handle: 'claude',
      aliases: [],
      displayName: 'Claude again',
      provider: 'anthropic',
      model: 'claude-x',
      settings: { contextWindow: 200_000 },
      colour: '',
    });
    expect(result.ok).toBe(false);
    expect(store.getState().peers).toBe(before);
  });

  it('seats the same model twice under two handles', () => {
    const { store } = setup();
    const twin = {
      aliases: [],
      provider: 'openai' as const,
      model: 'gpt-model',
      settings: { contextWindow: 1000 },
      colour: '',
    };
    expect(store.getState().addPeer({ ...twin, handle: 'gpt2', displayName: 'GPT two' })).toEqual({ ok: true });
    expect(store.getState().peers.filter((peer) => peer.model === 'gpt-model')).toHaveLength(2);
  });

  it('round-trips a room file, keys only when asked', async () => {
    const { store } = setup();
    store.getState().setProvider('openai', { apiKey: 'sk-secret-1234' });
    const withoutKeys = store.getState().exportRoom();
    expect(withoutKeys).not.toContain('sk-secret-1234');
    expect(store.getState().exportRoom({ includeKeys: true })).toContain('sk-secret-1234');
    const other = setup().store;
    expect(await other.getState().importRoom(withoutKeys)).toEqual({ ok: true });
    expect(other.getState().peers.map((peer) => peer.handle)).toEqual(['claude', 'gpt', 'gemini']);
  });

  it('refuses a bad room file with one message naming the first bad field, changing nothing', async () => {
    const { store } = setup();
    const before = store.getState();
    const file = JSON.parse(store.getState().exportRoom());
    file.peers[1].temperature = 9;
    file.peers[1].sneaky = true;
    const result = await store.getState().importRoom(JSON.stringify(file));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Room file refused — peers\.1\./) });
    expect(store.getState().peers).toBe(before.peers);
    expect(await store.getState().importRoom('{"format":"peerchat.room","version":2}')).toMatchObject({
      message: /version/,
    });
    expect(await store.getState().importRoom('not json')).toMatchObject({ ok: false });
  });

  it('never sends a stored key to an endpoint a room file chose', async () => {
    const { store, adapters, done } = setup();
    store.getState().setProvider('openai', { apiKey: 'sk-users-own' });
    const file = JSON.parse(store.getState().exportRoom());
    file.peers[0].baseURL = 'https://someone-else.example/v1';
    expect(await store.getState().importRoom(JSON.stringify(file))).toEqual({ ok: true });
    store.getState().send('@claude @gpt hello');
    await done();
    // The redirected seat never reaches any provider, and says why; the others use the key as before.
    expect(adapters.calls.map((call) => call.model)).toEqual(['gpt-model']);
    expect(adapters.calls[0]?.settings.apiKey).toBe('sk-users-own');
    const claudeReply = Object.values(store.getState().messages).find((message) => message.authorId.endsWith('claude'));
    expect(claudeReply).toMatchObject({ status: 'error', error: { reason: 'bad-key' } });
    expect(claudeReply?.error?.message).toMatch(
      /uses someone-else\.example, but your openai key is only sent to api\.openai\.com/,
    );
    expect(claudeReply?.error?.message).not.toContain('sk-users-own');
    const exported = JSON.parse(store.getState().exportRoom({ includeKeys: true }));
    expect(exported.peers.map((peer: { apiKey?: string }) => peer.apiKey)).toEqual([
      undefined,
      'sk-users-own',
      'sk-users-own',
    ]);
  });

  it('imports keys from a room file into the provider settings', async () => {
    const { store } = setup();
    const file = JSON.parse(store.getState().exportRoom());
    file.peers[0].provider = 'anthropic';
    file.peers[0].apiKey = 'sk-ant-imported';
    expect(await store.getState().importRoom(JSON.stringify(file))).toEqual({ ok: true });
    expect(store.getState().providers.anthropic?.apiKey).toBe('sk-ant-imported');
  });
});

// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { humanMessage, peerMessage, renderWithRoom } from '../test-utils.tsx';
import { RoundEnd } from './RoundEnd.tsx';
import { Transcript } from './Transcript.tsx';
import type * as MessageHeaderModule from './MessageHeader.tsx';
import { FALLBACK_ROWS } from './TranscriptList.tsx';

// Counts renders of each message (its header renders once per render of the message).
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('./MessageHeader', async (importOriginal) => {
  const actual = await importOriginal<typeof MessageHeaderModule>();
  return {
    MessageHeader: (props: Parameters<typeof MessageHeaderModule.MessageHeader>[0]) => {
      renders.set(props.message.id, (renders.get(props.message.id) ?? 0) + 1);
      return actual.MessageHeader(props);
    },
  };
});

const articles = () => screen.queryAllByRole('article');
const articleBy = (author: string) => articles().filter((article) => article.dataset.author === author);

describe('Transcript', () => {
  it('marks each message with its author, status and, for peers, why the peer spoke', async () => {
    const { store, done } = renderWithRoom(<Transcript />, {
      script: { 'claude-model': [{ text: 'Ask @gpt about it.' }] },
    });
    act(() => void store.getState().send('@claude what now?'));
    await done();

    const [human] = articleBy('you');
    expect(human).toHaveAttribute('data-status', 'complete');
    expect(human).not.toHaveAttribute('data-reason');
    expect(human).toHaveTextContent('what now?');

    const [claude] = articleBy('claude');
    expect(claude).toHaveAttribute('data-status', 'complete');
    expect(claude).toHaveAttribute('data-reason', 'human-mention');
    expect(claude).toHaveTextContent('mentioned by @you');
    expect(within(claude!).getByRole('heading', { name: 'Claude' })).toBeInTheDocument();
    expect(claude).toHaveTextContent('Collaborative v2.5');

    const [gpt] = articleBy('gpt');
    expect(gpt).toHaveAttribute('data-reason', 'peer-mention');
    expect(gpt).toHaveTextContent('asked by @claude');
  });

  it('says when a peer was drawn by DAP, and with which probability', async () => {
    const { store, done } = renderWithRoom(<Transcript />);
    act(() => void store.getState().send('Anyone?'));
    await done();
    const peerArticles = articles().filter((article) => article.dataset.reason === 'dap');
    expect(peerArticles.length).toBeGreaterThan(0);
    expect(peerArticles[0]).toHaveTextContent(/DAP \d\.\d\d/);
  });

  it('names @all, speak now and regenerated turns', async () => {
    const { store, done, user } = renderWithRoom(<Transcript />);
    act(() => void store.getState().send('@all hello'));
    await done();
    expect(articles().filter((article) => article.dataset.reason === 'all')).toHaveLength(3);
    expect(articleBy('gpt')[0]).toHaveTextContent('@all');

    act(() => void store.getState().speakNow('id-gemini'));
    await done();
    const forced = articles().filter((article) => article.dataset.reason === 'human-forced');
    expect(forced[0]).toHaveTextContent('speak now');

    await user.click(within(articleBy('claude')[0]!).getByRole('button', { name: 'Regenerate' }));
    await done();
    const retried = articles().filter((article) => article.dataset.reason === 'retry');
    expect(retried).toHaveLength(1);
    expect(retried[0]).toHaveAttribute('data-author', 'claude');
    expect(retried[0]).toHaveTextContent('regenerated');
  });

  it('hides passed messages until "Show passes" is on', async () => {
    const { store, done, user } = renderWithRoom(<Transcript />, { script: { 'gpt-model': [{ text: 'PASS' }] } });
    act(() => void store.getState().send('@gpt anything?'));
    await done();
    expect(Object.values(store.getState().messages).map((message) => message.status)).toContain('passed');
    expect(document.querySelector('[data-status="passed"]')).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Show passes' }));
    expect(articleBy('gpt')[0]).toHaveAttribute('data-status', 'passed');

    await user.click(screen.getByRole('checkbox', { name: 'Show passes' }));
    expect(document.querySelector('[data-status="passed"]')).toBeNull();
  });

  it('shows the plain error on the failed message', async () => {
    const { store, done } = renderWithRoom(<Transcript />, {
      script: { 'gemini-model': [{ text: 'Partial', error: 'rate-limited' }] },
    });
    act(() => void store.getState().send('@gemini go'));
    await done();
    const [gemini] = articleBy('gemini');
    expect(gemini).toHaveAttribute('data-status', 'error');
    expect(gemini).toHaveTextContent('Error: rate-limited (scripted)');
  });

  it('shows tokens, a retry notice and a cut-off warning', () => {
    const { store } = renderWithRoom(<Transcript />);
    act(() =>
      store.setState({
        messageIds: ['a', 'b'],
        messages: {
          a: peerMessage('a', 'id-claude', {
            tokens: { input: 12_000, output: 340 },
            costUsd: 0.0123,
            stopReason: 'length',
          }),
          b: peerMessage('b', 'id-gpt', {
            status: 'streaming',
            text: '',
            retrying: 'Rate limited by OpenAI — retrying in 7 s',
          }),
        },
      }),
    );
    const [claude] = articleBy('claude');
    expect(claude).toHaveTextContent('12k in · 340 out tokens · $0.012');
    expect(claude).toHaveTextContent(/Cut off/);
    expect(articleBy('gpt')[0]).toHaveTextContent('Rate limited by OpenAI — retrying in 7 s');
    expect(articleBy('gpt')[0]).toHaveAttribute('data-status', 'streaming');
  });

  it('re-renders only the streaming message when its text grows', () => {
    const { store } = renderWithRoom(<Transcript />);
    const messages = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`m${i}`, peerMessage(`m${i}`, 'id-claude', { text: `done ${i}` })]),
    );
    messages.m9 = { ...messages.m9!, status: 'streaming', text: 'Hel' };
    act(() => store.setState({ messageIds: Object.keys(messages), messages }));
    renders.clear();

    for (const more of ['lo', ', wor', 'ld']) {
      act(() =>
        store.setState((state) => ({
          messages: { ...state.messages, m9: { ...state.messages.m9!, text: state.messages.m9!.text + more } },
        })),
      );
    }
    expect(articleBy('claude').at(-1)).toHaveTextContent('Hello, world');
    expect(renders.get('m9')).toBe(3);
    expect([...renders.keys()]).toEqual(['m9']);
  });

  it('re-renders only the streaming message when an edited transcript streams', () => {
    const { store } = renderWithRoom(<Transcript />);
    const messages = {
      h1: { ...humanMessage('h1', 'first try'), createdAt: 1 },
      h2: { ...humanMessage('h2', 'second try'), createdAt: 2 },
      p1: peerMessage('p1', 'id-claude', { parentId: 'h2', status: 'streaming', text: 'Hel', createdAt: 3 }),
    };
    act(() => store.setState({ messageIds: ['h2', 'p1'], messages }));
    expect(articleBy('you')[0]).toHaveTextContent('Version 2 of 2');
    renders.clear();
    for (const more of ['lo', ', wor', 'ld']) {
      act(() =>
        store.setState((state) => ({
          messages: { ...state.messages, p1: { ...state.messages.p1!, text: state.messages.p1!.text + more } },
        })),
      );
    }
    expect(articleBy('claude')[0]).toHaveTextContent('Hello, world');
    expect([...renders.keys()]).toEqual(['p1']);
    expect(renders.get('p1')).toBe(3);
  });

  it('keeps the newest messages in the DOM when there are thousands', () => {
    const { store } = renderWithRoom(<Transcript />);
    const ids = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
    const messages = Object.fromEntries(ids.map((id) => [id, humanMessage(id, `message ${id}`)]));
    act(() => store.setState({ messageIds: ids, messages }));
    const shown = articles();
    expect(shown.length).toBeLessThanOrEqual(FALLBACK_ROWS);
    expect(shown.at(-1)).toHaveTextContent('message m9999');
    expect(shown.at(-1)).toHaveAttribute('aria-posinset', '10000');
  });

  it('shows a conversation just opened as text at once, formats it right after, and holds a place for unread messages', async () => {
    const { store } = renderWithRoom(<Transcript />);
    const ids = ['older', 'newest'];
    act(() =>
      store.getState().loadConversation({
        id: 'opened',
        title: 'Opened',
        room: store.getState(),
        messages: [humanMessage('newest', 'Is **this** formatted?')],
        messagesPending: { pathIds: ids },
        events: [],
        arbiter: null,
        lastRoundEnd: null,
      }),
    );
    const [newest] = articles();
    expect(newest).toHaveAttribute('aria-posinset', '2');
    expect(screen.getByText('Reading from storage…')).toBeInTheDocument();
    await vi.waitFor(() => expect(newest!.querySelector('strong')).toHaveTextContent('this'), { timeout: 5_000 });
    act(() => store.getState().restoreMessages('opened', [humanMessage('older', 'The first one')]));
    expect(screen.queryByText('Reading from storage…')).toBeNull();
    expect(articles()[0]).toHaveTextContent('The first one');
  });
});

describe('RoundEnd', () => {
  it('holds the reason of the last round and says it in words', async () => {
    const { store, done, container } = renderWithRoom(<RoundEnd />);
    expect(container.querySelector('[data-round-end]')).toBeNull();
    act(() => void store.getState().send('@claude hi'));
    await done();
    expect(container.querySelector('[data-round-end]')).toHaveAttribute('data-round-end', 'queue-empty');
    expect(screen.getByText('Round ended: queue empty')).toBeInTheDocument();
  });
});

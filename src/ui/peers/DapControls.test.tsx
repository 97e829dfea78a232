// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DapProbability } from '../../store/index.ts';
import { seat, testRoom } from '../../store/testing.ts';
import { renderWithRoom } from '../test-utils.tsx';
import { RoomPanel } from './RoomPanel.tsx';

/** Claude on an Opus-class model (a costly one), GPT on a mini model; the room runs Collaborative (base 0.45). */
function room() {
  return {
    ...testRoom(),
    peers: [
      seat('claude', { provider: 'anthropic', model: 'claude-opus-4-6' }),
      seat('gpt', { provider: 'openai', model: 'gpt-4o-mini' }),
    ],
  };
}

const factorTable = (name: string) =>
  within(within(screen.getByRole('list', { name: 'Seats' })).getByRole('listitem', { name })).getByRole('table', {
    name: `Where the chance of ${name} to speak comes from`,
  });
const row = (table: HTMLElement, factor: string) => within(table).getByRole('row', { name: new RegExp(`^${factor}`) });

/** What the arbiter reports for Claude once its adapter has a profile (the store hands it over; here it is set). */
function claudeWithProfile(fields: Partial<DapProbability>): DapProbability {
  return {
    peerId: 'id-claude',
    p: 0.15,
    raw: 0.45 * 0.8 * 0.34 * 0.85,
    base: 0.45,
    providerWeight: 0.8,
    recency: 1,
    fairness: 1,
    health: 1,
    adapterHealth: 0.34,
    latency: 0.85,
    share: 0,
    sources: {
      base: 'mode',
      providerWeight: 'provider-default',
      recency: 'turn-history',
      fairness: 'turn-history',
      health: 'turn-history',
      adapterHealth: 'adapter-observed',
      latency: 'adapter-observed',
    },
    ...fields,
  };
}

describe('DAP factors on the peer card', () => {
  it('lists every factor of p with its value and where it comes from, in a table with headers', () => {
    renderWithRoom(<RoomPanel />, { room: room() });
    const table = factorTable('Claude');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Factor', 'Value', 'Comes from']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Base willingness',
      'Provider weight',
      'Recency',
      'Fairness',
      'Errors in a row',
      'Provider health',
      'Latency',
      'Chance to speak',
    ]);
    expect(row(table, 'Base willingness')).toHaveTextContent('× 0.45Mode default');
    expect(row(table, 'Recency')).toHaveTextContent('× 1.00Recency');
    expect(row(table, 'Fairness')).toHaveTextContent('0 % of the recent turns');
    // Nothing observed yet: the adapter factors are 1 and say so.
    expect(row(table, 'Provider weight')).toHaveTextContent('× 1.00Not reported yet');
    expect(row(table, 'Latency')).toHaveTextContent('Not reported yet');
    expect(row(table, 'Chance to speak')).toHaveTextContent('0.45');
  });

  it('names the provider default and why, observed health and latency, and a clamp to the minimum', () => {
    const { store } = renderWithRoom(<RoomPanel />, { room: room() });
    const others = store.getState().dapProbabilities.filter((entry) => entry.peerId !== 'id-claude');
    act(() => store.setState({ dapProbabilities: [claudeWithProfile({}), ...others] }));
    const table = factorTable('Claude');
    expect(row(table, 'Provider weight')).toHaveTextContent(
      '× 0.80Provider defaultClaude Opus 4.6: high list price ($10 per million tokens, blended).',
    );
    expect(row(table, 'Provider health')).toHaveTextContent(
      '× 0.34Health (observed)Recent calls to this provider and model failed; it recovers as calls succeed.',
    );
    expect(row(table, 'Latency')).toHaveTextContent(
      '× 0.85Latency (observed)Its first words come slower than expected.',
    );
    expect(row(table, 'Chance to speak')).toHaveTextContent('0.15Product 0.10, raised to the minimum chance (Min p).');
    // GPT on the mini model is not touched.
    expect(row(factorTable('Gpt'), 'Chance to speak')).toHaveTextContent('0.45');
  });

  it("shows the user's own base as the source, and that no provider default then applies", () => {
    const { store } = renderWithRoom(<RoomPanel />, { room: room() });
    const userBase = claudeWithProfile({
      p: 0.6,
      raw: 0.6,
      base: 0.6,
      providerWeight: 1,
      adapterHealth: 1,
      latency: 1,
      sources: { ...claudeWithProfile({}).sources, base: 'user', providerWeight: 'user' },
    });
    act(() => store.setState({ dapProbabilities: [userBase] }));
    const table = factorTable('Claude');
    expect(row(table, 'Base willingness')).toHaveTextContent('× 0.60Your settingThe base you set for this seat.');
    expect(row(table, 'Provider weight')).toHaveTextContent(
      '× 1.00Your settingYou set this seat’s base, so no provider default applies.',
    );
    expect(row(table, 'Chance to speak')).toHaveTextContent('0.60The product.');
  });

  it('a muted seat has no table: it is never drawn', () => {
    const { store } = renderWithRoom(<RoomPanel />, { room: room() });
    act(() => store.getState().mute('id-claude'));
    const card = within(screen.getByRole('list', { name: 'Seats' })).getByRole('listitem', { name: 'Claude' });
    expect(card).toHaveTextContent('muted: never drawn');
    expect(within(card).queryByRole('table')).toBeNull();
  });
});

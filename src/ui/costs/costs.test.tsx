// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { Transcript } from '../transcript/Transcript.tsx';
import { ModelPrices } from './ModelPrices.tsx';
import { SpentSoFar } from './SpentSoFar.tsx';

// The scripted adapter reports 10 input tokens and one output token per word.
const script = {
  'claude-model': [{ text: 'One two three.' }],
  'gpt-model': [{ text: 'Four five.' }],
  'gemini-model': [{ text: 'Six seven.', hold: true }],
};

const footerOf = (author: string) =>
  screen
    .getAllByRole('article')
    .find((article) => article.dataset.author === author)
    ?.querySelector('footer');

describe('what the conversation costs', () => {
  it('shows each message’s cost, the total in the header, and per peer and round in its breakdown', async () => {
    const { store, done, user } = renderWithRoom(
      <>
        <SpentSoFar />
        <Transcript />
      </>,
      { script },
    );
    act(() => {
      // $1,000 / $2,000 per million tokens: claude's 10 in + 3 out cost $0.016, gpt's 10 in + 2 out $0.014.
      store.getState().setModelPrices('claude-model', { inputPricePerMTok: 1_000, outputPricePerMTok: 2_000 });
      store.getState().setModelPrices('gpt-model', { inputPricePerMTok: 1_000, outputPricePerMTok: 2_000 });
      store.getState().send('@claude @gpt go');
    });
    await done();
    expect(footerOf('claude')).toHaveTextContent('10 in · 3 out tokens · $0.016');
    expect(footerOf('gpt')).toHaveTextContent('10 in · 2 out tokens · $0.014');
    const button = screen.getByRole('button', { name: /Spent so far/ });
    expect(button).toHaveTextContent('Spent so far: $0.030');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.click(button);
    const breakdown = screen.getByRole('region', { name: 'Spending breakdown' });
    const peers = within(within(breakdown).getByRole('region', { name: 'By peer' })).getAllByRole('listitem');
    expect(peers.map((row) => row.textContent)).toEqual(['Claude$0.016', 'Gpt$0.014', 'Gemini$0']);
    const bars = within(breakdown).getAllByTestId('spend-bar');
    expect(bars.map((bar) => bar.style.width)).toEqual(['100%', '87.5%', '0%']);
    const rounds = within(within(breakdown).getByRole('region', { name: 'By round' })).getAllByRole('listitem');
    expect(rounds.map((row) => row.textContent)).toEqual(['Round 1$0.030']);

    // A cheaper price changes every figure at once.
    act(() => void store.getState().setModelPrices('gpt-model', { inputPricePerMTok: 100, outputPricePerMTok: 0 }));
    expect(footerOf('gpt')).toHaveTextContent('10 in · 2 out tokens · $0.001');
    expect(button).toHaveTextContent('Spent so far: $0.017');

    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('shows a streaming turn as an estimate, marked ≈, until its usage arrives', async () => {
    const { store, adapters, done } = renderWithRoom(
      <>
        <SpentSoFar />
        <Transcript />
      </>,
      { script },
    );
    act(() => {
      store.getState().setModelPrices('gemini-model', { inputPricePerMTok: 1_000, outputPricePerMTok: 0 });
      store.getState().send('@gemini go');
    });
    await act(() => adapters.holding());
    const input = Object.values(store.getState().liveInputTokens)[0]!;
    // "Six" so far: 3 characters, one token; the input as estimated from the request ($1,000 per million).
    const cost = `$${(input / 1_000).toFixed(3)}`;
    expect(footerOf('gemini')).toHaveTextContent(`≈ ${input} in · 1 out tokens · ≈ ${cost}`);
    expect(screen.getByRole('button', { name: /Spent so far/ })).toHaveTextContent(`Spent so far: ≈ ${cost}`);
    adapters.releaseAll();
    await done();
    expect(footerOf('gemini')).toHaveTextContent('10 in · 2 out tokens · $0.01');
    expect(footerOf('gemini')).not.toHaveTextContent('≈');
    expect(screen.getByRole('button', { name: /Spent so far/ })).toHaveTextContent('Spent so far: $0.010');
  });
});

describe('Model prices', () => {
  it('lists the models in use, saves an edited price and resets it to the catalog', async () => {
    const { store, user } = renderWithRoom(<ModelPrices />);
    const input = screen.getByRole('textbox', { name: 'Input price of claude-model ($ per million tokens)' });
    const output = screen.getByRole('textbox', { name: 'Output price of claude-model ($ per million tokens)' });
    expect(input).toHaveValue('');
    await user.type(input, '3');
    await user.type(output, '15{Enter}');
    expect(store.getState().modelOverrides['claude-model']).toEqual({ inputPricePerMTok: 3, outputPricePerMTok: 15 });
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    await user.click(screen.getByRole('button', { name: 'Reset claude-model to catalog prices' }));
    expect(store.getState().modelOverrides['claude-model']).toBeUndefined();
    expect(input).toHaveValue('');
  });

  it('refuses a negative price or one that is not a number, saying why, and changes nothing', async () => {
    const { store, user } = renderWithRoom(<ModelPrices />);
    const input = screen.getByRole('textbox', { name: 'Input price of gpt-model ($ per million tokens)' });
    const output = screen.getByRole('textbox', { name: 'Output price of gpt-model ($ per million tokens)' });
    await user.type(input, '-1');
    await user.type(output, '2');
    await user.click(screen.getByRole('button', { name: 'Save prices of gpt-model' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The input price cannot be negative.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, 'two');
    await user.click(screen.getByRole('button', { name: 'Save prices of gpt-model' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The input price must be a number (US dollars per million tokens).',
    );
    expect(store.getState().modelOverrides).toEqual({});
  });

  it('finds a catalog model by search, with the catalog’s prices to edit', async () => {
    const { store, user } = renderWithRoom(<ModelPrices />);
    await user.type(screen.getByRole('searchbox', { name: 'Find a catalog model' }), 'gpt-4.1 nano');
    const input = screen.getByRole('textbox', { name: 'Input price of gpt-4.1-nano ($ per million tokens)' });
    expect(input).toHaveValue('0.1');
    await user.clear(input);
    await user.type(input, '0.2{Enter}');
    expect(store.getState().modelOverrides['gpt-4.1-nano']).toEqual({
      inputPricePerMTok: 0.2,
      outputPricePerMTok: 0.4,
    });
    expect(screen.getByRole('button', { name: 'Reset gpt-4.1-nano to catalog prices' })).toBeVisible();
  });
});

import { describe, expect, it } from 'vitest';
import { filterModelChoices, modelChoices, modelPriceRows } from './model-choices.ts';

describe('modelChoices', () => {
  it('offers the provider’s listed models with the catalog’s facts, and unknown ones without', () => {
    const choices = modelChoices('openai', [{ id: 'gpt-5-mini' }, { id: 'my-finetune' }], {});
    expect(choices).toEqual([
      {
        id: 'gpt-5-mini',
        label: 'GPT-5 mini',
        contextWindow: 400_000,
        inputPricePerMTok: 0.25,
        outputPricePerMTok: 2,
        capabilities: { vision: true, reasoning: true },
      },
      { id: 'my-finetune' },
    ]);
  });

  it('offers the catalog’s models before a connection test, none for an OpenAI-compatible server', () => {
    expect(modelChoices('anthropic', undefined, {}).map((choice) => choice.id)).toContain('claude-haiku-4-5');
    expect(modelChoices('openai-compatible', undefined, {})).toEqual([]);
  });

  it('shows the user’s prices over the provider’s and the catalog’s', () => {
    const [choice] = modelChoices('openai', [{ id: 'gpt-4.1', inputPricePerMTok: 9 }], {
      'gpt-4.1': { inputPricePerMTok: 1.5, outputPricePerMTok: 6 },
    });
    expect(choice).toMatchObject({ inputPricePerMTok: 1.5, outputPricePerMTok: 6 });
  });

  it('filters on every word, in the id or the label, whatever the case', () => {
    const choices = modelChoices('openai', undefined, {});
    expect(filterModelChoices(choices, 'GPT 4.1 mini').map((choice) => choice.id)).toEqual(['gpt-4.1-mini']);
    expect(filterModelChoices(choices, 'nothing-like-this')).toEqual([]);
    expect(filterModelChoices(choices, '  ')).toHaveLength(choices.length);
  });
});

describe('modelPriceRows', () => {
  const peers = [
    { provider: 'openai' as const, model: 'gpt-4.1' },
    { provider: 'openai' as const, model: 'gpt-4.1' },
    { provider: 'demo' as const, model: 'demo-analyst' },
    { provider: 'openai-compatible' as const, model: 'llama3' },
  ];

  it('lists the models in use once each (not the simulated ones), with the prices in force and the catalog’s', () => {
    const rows = modelPriceRows(peers, { 'gpt-4.1': { inputPricePerMTok: 1 } });
    expect(rows).toEqual([
      {
        model: 'gpt-4.1',
        provider: 'openai',
        label: 'GPT-4.1',
        prices: { inputPricePerMTok: 1, outputPricePerMTok: 8 },
        catalog: { inputPricePerMTok: 2, outputPricePerMTok: 8 },
        overridden: true,
        inUse: true,
      },
      { model: 'llama3', provider: 'openai-compatible', overridden: false, inUse: true },
    ]);
  });

  it('adds the catalog’s models that match a search', () => {
    const rows = modelPriceRows(peers, {}, 'haiku 4-5');
    expect(rows.map((row) => [row.model, row.inUse])).toEqual([
      ['gpt-4.1', true],
      ['llama3', true],
      ['claude-haiku-4-5', false],
    ]);
  });
});

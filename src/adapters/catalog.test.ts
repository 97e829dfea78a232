import { describe, expect, it } from 'vitest';
import { costOf, lookupModel, MODEL_CATALOG } from './catalog.ts';

describe('lookupModel', () => {
  it('knows the well-known models', () => {
    expect(lookupModel('openai', 'gpt-4o')).toMatchObject({
      contextWindow: 128_000,
      inputPricePerMTok: 2.5,
      outputPricePerMTok: 10,
      source: 'catalog',
    });
    expect(lookupModel('anthropic', 'claude-sonnet-4-5')).toMatchObject({
      contextWindow: 200_000,
      inputPricePerMTok: 3,
    });
    expect(lookupModel('google', 'gemini-2.5-flash')).toMatchObject({
      contextWindow: 1_048_576,
      outputPricePerMTok: 2.5,
    });
  });

  it('matches dated snapshots and tags to their model, longest id first', () => {
    expect(lookupModel('openai', 'gpt-4o-2024-08-06')?.catalogId).toBe('gpt-4o');
    expect(lookupModel('openai', 'gpt-4o-mini-2024-07-18')?.catalogId).toBe('gpt-4o-mini');
    expect(lookupModel('openai', 'gpt-4.1-mini-2025-04-14')?.catalogId).toBe('gpt-4.1-mini');
    expect(lookupModel('anthropic', 'claude-sonnet-4-5-20250929')?.catalogId).toBe('claude-sonnet-4-5');
    expect(lookupModel('anthropic', 'claude-opus-4-20250514')?.catalogId).toBe('claude-opus-4');
    expect(lookupModel('google', 'models/gemini-2.5-flash-lite')?.catalogId).toBe('gemini-2.5-flash-lite');
    expect(lookupModel('google', 'gemini-2.0-flash-001')?.catalogId).toBe('gemini-2.0-flash');
  });

  it('does not take a newer version for an older one', () => {
    expect(lookupModel('anthropic', 'claude-opus-4-7')).toBeUndefined();
    expect(lookupModel('openai', 'gpt-4-1106-preview')).toBeUndefined();
  });

  it('finds the big providers’ models behind an OpenAI-compatible router', () => {
    expect(lookupModel('openai-compatible', 'anthropic/claude-sonnet-4.5')?.catalogId).toBe('claude-sonnet-4-5');
    expect(lookupModel('openai-compatible', 'openai/gpt-4o-mini')?.catalogId).toBe('gpt-4o-mini');
    expect(lookupModel('openai-compatible', 'llama3.2:3b')).toBeUndefined();
  });

  it('lets the user’s override win, field by field', () => {
    const overrides = { 'gpt-4o': { inputPricePerMTok: 1 }, 'my-local': { contextWindow: 8192 } };
    expect(lookupModel('openai', 'gpt-4o', overrides)).toMatchObject({
      inputPricePerMTok: 1,
      outputPricePerMTok: 10,
      contextWindow: 128_000,
      source: 'override+catalog',
    });
    expect(lookupModel('openai-compatible', 'my-local', overrides)).toEqual({
      id: 'my-local',
      contextWindow: 8192,
      source: 'override',
    });
  });

  it('says how fast a model answers: slow for those that reason first, standard otherwise', () => {
    expect(lookupModel('openai', 'o3-2025-04-16')?.speedClass).toBe('slow');
    expect(lookupModel('google', 'gemini-2.5-pro')?.speedClass).toBe('slow');
    expect(lookupModel('anthropic', 'claude-opus-4-6')?.speedClass).toBe('standard');
    expect(
      lookupModel('openai-compatible', 'llama3.2:3b', { 'llama3.2:3b': { contextWindow: 8192 } })?.speedClass,
    ).toBe(undefined);
  });

  it('says which models see images and which reason, and nothing for models it does not know', () => {
    expect(lookupModel('openai', 'gpt-4o-2024-08-06')?.capabilities).toEqual({ vision: true, reasoning: false });
    expect(lookupModel('openai', 'o3-mini')?.capabilities).toEqual({ vision: false, reasoning: true });
    expect(lookupModel('anthropic', 'claude-sonnet-4-5-20250929')?.capabilities).toEqual({
      vision: true,
      reasoning: true,
    });
    expect(lookupModel('google', 'gemini-2.0-flash')?.capabilities).toEqual({ vision: true, reasoning: false });
    expect(lookupModel('demo', 'demo-analyst')?.capabilities).toEqual({ vision: false, reasoning: false });
    expect(
      lookupModel('openai-compatible', 'llama3.2:3b', { 'llama3.2:3b': { contextWindow: 8192 } })?.capabilities,
    ).toBe(undefined);
  });

  it('has sane entries', () => {
    for (const entries of Object.values(MODEL_CATALOG)) {
      for (const entry of entries) {
        expect(entry.contextWindow).toBeGreaterThan(1000);
        expect(entry.inputPricePerMTok ?? 0).toBeGreaterThanOrEqual(0);
        expect(entry.outputPricePerMTok ?? 0).toBeGreaterThanOrEqual(entry.inputPricePerMTok ?? 0);
      }
    }
  });
});

describe('costOf', () => {
  it('prices a turn per million tokens', () => {
    expect(
      costOf({ inputTokens: 1_000_000, outputTokens: 100_000 }, { inputPricePerMTok: 3, outputPricePerMTok: 15 }),
    ).toBeCloseTo(4.5);
    expect(costOf({ inputTokens: 1200, outputTokens: 300 }, lookupModel('openai', 'gpt-4o-mini'))).toBeCloseTo(0.00036);
  });

  it('is null when usage or a price is unknown', () => {
    expect(costOf(null, { inputPricePerMTok: 1, outputPricePerMTok: 1 })).toBeNull();
    expect(costOf({ inputTokens: 1, outputTokens: 1 }, undefined)).toBeNull();
    expect(costOf({ inputTokens: 1, outputTokens: 1 }, { inputPricePerMTok: 1 })).toBeNull();
  });
});

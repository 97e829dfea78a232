import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_MODE, BUILT_IN_MODES, COLLABORATIVE_MODE, DEFAULT_MODE_ID } from './builtin.ts';
import { createCustomMode } from './custom.ts';
import { renderModeBlock } from './mode.ts';

describe('built-in modes', () => {
  it('name mode and version in their block', () => {
    expect(renderModeBlock(COLLABORATIVE_MODE).split('\n')[0]).toBe('Mode: Collaborative v2.5 — "What am I missing?"');
    expect(renderModeBlock(ADVERSARIAL_MODE).split('\n')[0]).toBe('Mode: Adversarial v3.1 — "Prove it."');
  });

  it.each([
    [COLLABORATIVE_MODE, ['Add only what is missing', 'gaps, risks, counter-cases', 'agree', 'PASS']],
    [
      ADVERSARIAL_MODE,
      ['evidence', 'weakest step', 'SHOWN', 'PLAUSIBLE', 'UNSUPPORTED', 'Concede', 'Never invent sources', 'PASS'],
    ],
  ] as const)('%s carries its rules', (mode, fragments) => {
    for (const fragment of fragments) expect(mode.promptBlock).toContain(fragment);
  });

  it('carry arbitration defaults: adversarial deeper chains, collaborative quieter DAP', () => {
    expect(ADVERSARIAL_MODE.defaults.limits.maxDepth).toBeGreaterThan(3);
    expect(COLLABORATIVE_MODE.defaults.dapPreset).toBe('quiet');
    expect(DEFAULT_MODE_ID).toBe('collaborative');
    expect(BUILT_IN_MODES.map((mode) => mode.id)).toEqual(['collaborative', 'adversarial']);
  });
});

describe('createCustomMode', () => {
  it('accepts a valid mode with defaults', () => {
    const result = createCustomMode({
      id: 'socratic',
      name: ' Socratic ',
      promptBlock: ' Ask questions. ',
      limits: { maxDepth: 2 },
    });
    expect(result).toEqual({
      ok: true,
      mode: {
        id: 'socratic',
        name: 'Socratic',
        version: '1.0',
        tagline: '',
        promptBlock: 'Ask questions.',
        defaults: { dapPreset: 'balanced', limits: { maxDepth: 2 } },
        builtIn: false,
      },
    });
  });

  it.each([
    [{ id: 'Bad Id' }, 'id'],
    [{ id: 'adversarial' }, 'id'],
    [{ name: '' }, 'name'],
    [{ version: 'v2' }, 'version'],
    [{ tagline: 'x'.repeat(201) }, 'tagline'],
    [{ promptBlock: '   ' }, 'promptBlock'],
    [{ promptBlock: 'x'.repeat(9000) }, 'promptBlock'],
    [{ dapPreset: 'loud' as 'quiet' }, 'dapPreset'],
    [{ dap: { pMin: 0 } }, 'dap.pMin'],
    [{ limits: { maxTurnsPerRound: 0 } }, 'limits.maxTurnsPerRound'],
  ])('refuses %j', (override, field) => {
    const result = createCustomMode({ id: 'mine', name: 'Mine', promptBlock: 'Be brief.', ...override });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.field)).toContain(field);
  });
});

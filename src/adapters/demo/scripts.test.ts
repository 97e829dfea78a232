// The suggested prompts' scripts: a demo peer says its next scripted line, and passes when it has none left.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTurn } from '../testing/demo-room.ts';
import { demoReplyText } from './driver.ts';
import { DEMO_SCRIPTS } from './scripts.ts';
import { loadNounPhrases, type NounPhrases } from './topic.ts';

let nouns: NounPhrases;
beforeAll(async () => {
  nouns = await loadNounPhrases();
});

const script = (id: string) => DEMO_SCRIPTS.find((candidate) => candidate.id === id)!;

describe('demo scripts', () => {
  it('each peer says its lines in order after the prompt, then passes', () => {
    const loop = script('loop');
    const first = demoTurn('ada', [['you', loop.prompt]]);
    expect(demoReplyText(first.request, nouns, first.room)).toBe(loop.lines.ada![0]);
    const second = demoTurn('ada', [
      ['you', loop.prompt],
      ['ada', loop.lines.ada![0]!],
      ['bo', loop.lines.bo![0]!],
    ]);
    expect(demoReplyText(second.request, nouns, second.room)).toBe(loop.lines.ada![1]);
    const cy = demoTurn('cy', [['you', loop.prompt]]);
    expect(demoReplyText(cy.request, nouns, cy.room)).toBe('PASS');
  });

  it('hands over by name, so the arbiter follows the chain', () => {
    const handover = script('handover');
    expect(handover.lines.ada![0]).toMatch(/@bo\b/);
    expect(handover.lines.bo![0]).toMatch(/@cy\b/);
    expect(handover.lines.cy![0]).not.toMatch(/@\w/);
  });

  it('any other message gets the composed reply', () => {
    const other = demoTurn('ada', [['you', 'Tabs or spaces, really?']]);
    const text = demoReplyText(other.request, nouns, other.room);
    expect(DEMO_SCRIPTS.flatMap((entry) => Object.values(entry.lines).flat())).not.toContain(text);
    expect(text.length).toBeGreaterThan(40);
  });
});

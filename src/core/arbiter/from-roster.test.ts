import { describe, expect, it } from 'vitest';
import { standardRoster } from '../testing/fixtures.ts';
import { arbiterPeersFromRoster, outcomeFromReply } from './from-roster.ts';

const roster = standardRoster();

describe('outcomeFromReply', () => {
  it('strips an echoed header and parses mentions with the speaker as author', () => {
    const result = outcomeFromReply('[@gpt (GPT)]: @gpt @claude what about @llama?', roster, 'peer-gpt', 'm1', {
      tokens: { input: 1, output: 2 },
    });
    expect(result).toEqual({
      text: '@gpt @claude what about @llama?',
      outcome: {
        status: 'complete',
        messageId: 'm1',
        mentions: { peerIds: ['peer-claude'], all: false, mutedPeerIds: ['peer-llama'] },
        tokens: { input: 1, output: 2 },
      },
    });
  });

  it('recognises PASS', () => {
    expect(outcomeFromReply('gpt: PASS', roster, 'peer-gpt', 'm2').outcome).toEqual({
      status: 'passed',
      messageId: 'm2',
    });
  });
});

describe('arbiterPeersFromRoster', () => {
  it('keeps ids, mutes and DAP settings only', () => {
    expect(arbiterPeersFromRoster(roster)).toEqual([
      { id: 'peer-claude', enabled: true, dap: {} },
      { id: 'peer-gpt', enabled: true, dap: {} },
      { id: 'peer-gemini', enabled: true, dap: {} },
      { id: 'peer-llama', enabled: false, dap: {} },
    ]);
  });
});

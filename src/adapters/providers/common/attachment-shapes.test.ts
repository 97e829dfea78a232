import { describe, expect, it } from 'vitest';
import type { PeerRequest } from '../../../core/index.ts';
import { imageNote, visionSupport, type ResolvedAttachment } from '../../attachments.ts';
import {
  toAnthropicRequest,
  toGeminiRequest,
  toOpenAIChatRequest,
  toOpenAIResponsesRequest,
} from './request-shapes.ts';

const hash = (c: string) => c.repeat(64);
const image: ResolvedAttachment = {
  id: hash('a'),
  name: 'chart.png',
  mimeType: 'image/png',
  size: 3,
  kind: 'image',
  width: 1,
  height: 1,
  data: 'iVBO',
};
const notes: ResolvedAttachment = {
  id: hash('b'),
  name: 'notes.txt',
  mimeType: 'text/plain',
  size: 5,
  kind: 'text',
  text: 'hello',
};
const pdf: ResolvedAttachment = {
  id: hash('c'),
  name: 'paper.pdf',
  mimeType: 'application/pdf',
  size: 9,
  kind: 'pdf',
  data: 'JVBERi0=',
  text: 'Known text',
};

const request = (attachments: ResolvedAttachment[]): PeerRequest => ({
  peerId: 'p',
  model: 'm',
  system: 'SYS',
  messages: [
    { role: 'user', content: 'q1' },
    { role: 'assistant', content: 'a1' },
    { role: 'user', content: 'look', attachments },
  ],
});

const TEXT_FILE = '<file name="notes.txt">\nhello\n</file>';
const PDF_TEXT = '<file name="paper.pdf">\nKnown text\n</file>';

describe('attachments in each provider’s native shape', () => {
  const all = request([image, notes, pdf]);

  it('OpenAI Chat: image_url data URLs, text files and PDF text as delimited text', () => {
    expect(toOpenAIChatRequest(all).messages[3]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'look' },
        { type: 'text', text: '[file: chart.png]' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBO' } },
        { type: 'text', text: TEXT_FILE },
        { type: 'text', text: PDF_TEXT },
      ],
    });
    expect(toOpenAIChatRequest(all).messages[1]).toEqual({ role: 'user', content: 'q1' });
  });

  it('OpenAI Responses: input_image with a data URL, the rest input_text', () => {
    expect(toOpenAIResponsesRequest(all).input[2]).toEqual({
      role: 'user',
      content: [
        { type: 'input_text', text: 'look' },
        { type: 'input_text', text: '[file: chart.png]' },
        { type: 'input_image', image_url: 'data:image/png;base64,iVBO', detail: 'auto' },
        { type: 'input_text', text: TEXT_FILE },
        { type: 'input_text', text: PDF_TEXT },
      ],
    });
  });

  it('Anthropic: base64 image and a native PDF document', () => {
    expect(toAnthropicRequest(all).messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'look' },
        { type: 'text', text: '[file: chart.png]' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } },
        { type: 'text', text: TEXT_FILE },
        { type: 'text', text: '[file: paper.pdf]' },
        { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' } },
      ],
    });
  });

  it('Gemini: inline data for the image and the PDF', () => {
    expect(toGeminiRequest(all).contents[2]).toEqual({
      role: 'user',
      parts: [
        { text: 'look' },
        { text: '[file: chart.png]' },
        { inlineData: { mimeType: 'image/png', data: 'iVBO' } },
        { text: TEXT_FILE },
        { text: '[file: paper.pdf]' },
        { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
      ],
    });
  });

  it('a note sent instead of an image, and a file whose bytes are gone, are plain text', () => {
    const noted = { ...image, data: undefined, note: imageNote('chart.png') };
    const gone: ResolvedAttachment = { ...notes, text: undefined };
    expect(toAnthropicRequest(request([noted, gone])).messages[2]?.content).toEqual([
      { type: 'text', text: 'look' },
      { type: 'text', text: '[image attached: chart.png — this model cannot see images]' },
      { type: 'text', text: '[file attached: notes.txt — no longer available]' },
    ]);
  });

  it('messages without attachments keep plain string content', () => {
    expect(toGeminiRequest(request([])).contents[2]).toEqual({ role: 'user', parts: [{ text: 'look' }] });
    expect(toOpenAIChatRequest(request([])).messages[3]).toEqual({ role: 'user', content: 'look' });
  });
});

describe('visionSupport', () => {
  it('follows the catalog, assumes vision for unknown models of the big three, and is unsure elsewhere', () => {
    expect(visionSupport('openai', 'gpt-4o')).toBe('yes');
    expect(visionSupport('openai', 'o3-mini')).toBe('no');
    expect(visionSupport('anthropic', 'claude-next-unknown')).toBe('yes');
    expect(visionSupport('openai-compatible', 'llama3')).toBe('maybe');
  });
});

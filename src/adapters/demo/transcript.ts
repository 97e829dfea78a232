/**
 * Reads the conversation back out of a `PeerRequest`: user messages hold other participants' messages, each
 * after its attribution line `[@handle (Display Name)]:` (profile §3); assistant messages are the peer's own.
 */
import type { ChatMessage } from '../../core/index.ts';

export interface Speech {
  handle: string;
  name: string;
  text: string;
  /** Written by the peer being asked (an assistant message). */
  own: boolean;
}

/** `[@ada (Demo · Ada (simulated))]:` — the name may itself contain parentheses. */
const HEADER = /^\[@([^\s\]()]+) \((.*)\)\]:[ \t]*$/;

function speechesOfUserMessage(content: string): Speech[] {
  const speeches: Speech[] = [];
  let current: { handle: string; name: string; lines: string[] } | null = null;
  const flush = () => {
    if (current !== null) {
      const text = current.lines.join('\n').trim();
      if (text !== '') speeches.push({ handle: current.handle, name: current.name, text, own: false });
    }
  };
  for (const line of content.split('\n')) {
    const header = HEADER.exec(line);
    if (header?.[1] !== undefined && header[2] !== undefined) {
      flush();
      current = { handle: header[1].toLowerCase(), name: header[2], lines: [] };
    } else if (current !== null) {
      current.lines.push(line);
    }
    // Lines before any header are cues ("[Conversation so far]", the omitted-messages marker): not speeches.
  }
  flush();
  return speeches;
}

/** Every message of the conversation in order, attributed. */
export function readTranscript(messages: readonly ChatMessage[], self: { handle: string; name: string }): Speech[] {
  return messages.flatMap((message) =>
    message.role === 'assistant'
      ? [{ handle: self.handle, name: self.name, text: message.content.trim(), own: true }]
      : speechesOfUserMessage(message.content),
  );
}

/** "Demo · Ada (simulated)" → "Ada": the name people would use in a sentence. */
export function shortName(name: string): string {
  const short = name
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/^.*·\s*/, '')
    .trim();
  return short === '' ? name : short;
}

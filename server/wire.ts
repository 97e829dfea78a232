/**
 * Reading the head of a raw Hocuspocus message without trusting it: the document name (a varString), the message
 * type (a varUint) and, for a Yjs sync message, the sync step and whether its update carries anything.
 */

/** Hocuspocus message types (`@hocuspocus/common`). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, stateless: 5, broadcastStateless: 6 };
/** y-protocols sync steps. */
export const SYNC = { step1: 0, step2: 1, update: 2 };

class Reader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.position++];
      if (byte === undefined) throw new Error('The message ends early.');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
      if (shift > 49) throw new Error('A number in the message is too long.');
    }
  }

  skipBytes(): number {
    const length = this.varUint();
    this.position += length;
    if (this.position > this.bytes.length) throw new Error('The message ends early.');
    return length;
  }

  bytesField(): Uint8Array {
    const length = this.varUint();
    const start = this.position;
    this.position += length;
    if (this.position > this.bytes.length) throw new Error('The message ends early.');
    return this.bytes.subarray(start, this.position);
  }
}

export interface MessageHead {
  type: number;
  /** For a sync message: its step, and whether the update it carries changes anything. */
  sync?: { step: number; writes: boolean };
  /** For a stateless message: whether it is streamed text (a `delta`), which is rate-limited on its own. */
  delta?: boolean;
}

const DELTA_HEAD = new TextEncoder().encode('{"t":"delta"');

/** An update that changes nothing: no structs, an empty delete set. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((byte) => byte === 0);

/** Reads the head of a raw message; throws on one too short to have it. */
export function readMessageHead(bytes: Uint8Array): MessageHead {
  const reader = new Reader(bytes);
  reader.skipBytes();
  const type = reader.varUint();
  if (type === MESSAGE.stateless) {
    // Only the head is read: the message is parsed and checked as a whole later (src/core/shared/validate.ts).
    const payload = reader.bytesField();
    return { type, delta: DELTA_HEAD.every((byte, index) => payload[index] === byte) };
  }
  if (type !== MESSAGE.sync) return { type };
  const step = reader.varUint();
  if (step === SYNC.step1) return { type, sync: { step, writes: false } };
  return { type, sync: { step, writes: !isEmptyUpdate(reader.bytesField()) } };
}

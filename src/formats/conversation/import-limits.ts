/**
 * How large an imported conversation file may be. Checked before and while parsing so a hostile file cannot
 * exhaust memory or the stack.
 */
import { MAX_MESSAGE_CHARS } from '../../core/index.ts';

export const IMPORT_LIMITS = Object.freeze({
  /** The whole file, in characters, checked before JSON.parse (about 50 MB of ASCII). */
  fileChars: 50 * 1024 * 1024,
  /** Nesting of arrays and objects; a conversation file needs 7. */
  depth: 32,
  /** One message's text: what the composer accepts (2,000,000 characters). */
  messageChars: MAX_MESSAGE_CHARS,
  /** Personas, mode prompt blocks, error messages. */
  longText: 20_000,
  /** Names, titles, models, ids. */
  shortText: 200,
  messages: 100_000,
  /** 9999-12-31T23:59:59.999Z: later times have no four-digit-year ISO form, which MPLP's date-time needs. */
  lastTime: 253_402_300_799_999,
  events: 1_000_000,
  peers: 64,
});

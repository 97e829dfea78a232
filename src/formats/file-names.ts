/**
 * File names for what PeerChat writes (conversation exports, room files): one rule for all of them.
 */

/** A file-name stem from a title: its letters and digits (any script), lower case, joined by dashes; at most 60. */
export function fileStem(title: string, fallback: string): string {
  const stem = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{Nd}]+/gu, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return stem === '' ? fallback : stem;
}

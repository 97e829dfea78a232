/** Model output is untrusted: only these URL schemes survive in links; everything else becomes inert. */
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Returns the URL when it is an absolute http(s) or mailto link, else an empty string (a dead link). */
export function safeLinkUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : '';
}

/** Images load only from http(s), and only after a click. */
export function safeImageUrl(url: string): string | null {
  return /^https?:/i.test(url.trim()) ? url.trim() : null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unknown host';
  }
}

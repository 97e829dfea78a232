/**
 * Last line of defence for secrets in text we show: removes the keys we know and anything shaped like a key or a
 * bearer token. Providers echo masked keys in their messages ("Incorrect API key provided: sk-abc***xyz").
 */

export const REDACTED = '[redacted]';

const KEY_SHAPES: readonly RegExp[] = [
  /\b(?:sk|rk|pk)-[A-Za-z0-9_*-]{4,}/g, // OpenAI, Anthropic (sk-ant-…), OpenRouter (sk-or-…)
  /\bAIza[0-9A-Za-z_*-]{8,}/g, // Google
  /\bBearer\s+[^\s"',]+/gi,
  /([?&]key=)[^&\s"']+/gi,
];

/** The text without the given secrets and without anything that looks like a key. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) clean = clean.split(secret).join(REDACTED);
  }
  for (const shape of KEY_SHAPES) {
    clean = clean.replace(shape, (match, prefix: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return clean;
}

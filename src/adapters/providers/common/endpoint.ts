/**
 * Base URLs: normalized per SDK convention, and shown in messages without credentials or query.
 */

function trimSlashes(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** OpenAI and compatible servers: the base URL includes `/v1`; only trailing slashes are removed. */
export function openaiBaseURL(url: string | undefined): string | undefined {
  return url === undefined || url.trim() === '' ? undefined : trimSlashes(url);
}

/** Anthropic and Google: the SDKs add the version themselves, so a trailing `/v1` or `/v1beta` is removed. */
export function unversionedBaseURL(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  return trimSlashes(trimSlashes(url).replace(/\/v1(beta)?$/, ''));
}

/** `host:port/path` without user info, query or fragment; null when the URL does not parse. */
export function displayEndpoint(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** The context of a provider's plain-language messages: its name, the model, and where it was reached. */
export function hostedMessageContext(provider: string, baseURL: string | undefined) {
  const endpoint = displayEndpoint(baseURL);
  return (model: string | undefined) => ({
    provider,
    ...(model === undefined ? {} : { model }),
    ...(endpoint === undefined ? {} : { endpoint }),
  });
}

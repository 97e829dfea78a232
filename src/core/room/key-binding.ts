/**
 * An API key goes only to the endpoint it was entered for: the provider's base URL in Providers, or the
 * provider's own API when none is set. A seat pointing elsewhere (say, from an imported room file) gets no key,
 * so a room file cannot redirect the user's key to a server of its author's choosing.
 */
import type { ProviderId } from '../domain/participants.ts';
import type { PeerSeat, ProviderConfig } from './types.ts';

/** Where each hosted provider's SDK sends requests when no base URL is set. */
const DEFAULT_ENDPOINTS: Partial<Record<ProviderId, string>> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  google: 'https://generativelanguage.googleapis.com',
};

/** Origin and path without a trailing slash; null when it does not parse. */
function normalizedEndpoint(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Why a seat gets no key although its provider has one (its endpoint is not the key's), in words; null when the
 * seat may use the key or there is none.
 */
export function withheldKeyMessage(
  peer: Pick<PeerSeat, 'provider' | 'baseURL' | 'displayName'>,
  config: ProviderConfig,
): string | null {
  if (!config.apiKey || !peer.baseURL || keyForSeat(peer, config) !== undefined) return null;
  const keyEndpoint = config.baseURL ?? DEFAULT_ENDPOINTS[peer.provider];
  const where = keyEndpoint ? `is only sent to ${hostOf(keyEndpoint)}` : 'has no base URL to go to';
  return `${peer.displayName} uses ${hostOf(peer.baseURL)}, but your ${peer.provider} key ${where}. To use this endpoint, set it as the base URL in Providers with the key that belongs to it.`;
}

/** The key a seat may use, or undefined when the seat's endpoint is not the one the key belongs to. */
export function keyForSeat(peer: Pick<PeerSeat, 'provider' | 'baseURL'>, config: ProviderConfig): string | undefined {
  if (!config.apiKey) return undefined;
  if (!peer.baseURL) return config.apiKey;
  const keyEndpoint = config.baseURL ?? DEFAULT_ENDPOINTS[peer.provider];
  if (keyEndpoint === undefined) return undefined;
  const target = normalizedEndpoint(peer.baseURL);
  return target !== null && target === normalizedEndpoint(keyEndpoint) ? config.apiKey : undefined;
}

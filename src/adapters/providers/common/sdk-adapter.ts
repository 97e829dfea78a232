/**
 * Assembles a `PeerAdapter` from a provider module's parts: the driver per model, the model list, the words for
 * messages. Handles the missing key and wraps model-list failures in a `ProviderError`.
 */
import type { PeerRequest } from '../../../core/index.ts';
import type { Failure } from '../../errors/failure.ts';
import type { MessageContext } from '../../errors/messages.ts';
import { ProviderError, toTurnError } from '../../errors/turn-error.ts';
import type { TurnDriver } from '../../runtime/driver.ts';
import type { TurnPolicy } from '../../runtime/policy.ts';
import { runTurn } from '../../runtime/run-turn.ts';
import type { ModelInfo, PeerAdapter, ProviderKind, StreamOptions, TurnResult } from '../../types.ts';
import { withCatalogFacts } from './model-list.ts';

export interface SdkAdapterParts {
  kind: ProviderKind;
  /** When a key is required and missing, every call fails with `bad-key` without touching the network. */
  apiKey: string | undefined;
  keyRequired: boolean;
  /** Set when the settings cannot work: every call fails with this message, without touching the network. */
  misconfigured?: string;
  messageContext(model: string | undefined): MessageContext;
  policyFor(model: string): TurnPolicy;
  driverFor(model: string): TurnDriver;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  describeError(error: unknown): Failure;
}

/** Longest wait for a model list (or the first-token timeout, if shorter). */
export const MAX_LIST_WAIT_MS = 30_000;

/** A driver that fails at once with a known failure (not retried: bad-key and bad-request are not retryable). */
function failingDriver(failure: Failure): TurnDriver {
  return {
    // eslint-disable-next-line require-yield -- fails before anything is streamed
    async *stream() {
      throw new Error(failure.kind);
    },
    describeError: () => failure,
  };
}

export function sdkAdapter(parts: SdkAdapterParts): PeerAdapter {
  const missingKey = parts.keyRequired && (parts.apiKey === undefined || parts.apiKey.trim() === '');
  const setupFailure: Failure | null =
    parts.misconfigured !== undefined
      ? { kind: 'misconfigured', message: parts.misconfigured }
      : missingKey
        ? { kind: 'missing-key' }
        : null;
  const secrets = [parts.apiKey];
  return {
    kind: parts.kind,
    stream(request: PeerRequest, options: StreamOptions): Promise<TurnResult> {
      const driver = setupFailure === null ? parts.driverFor(request.model) : failingDriver(setupFailure);
      return runTurn(driver, request, options, {
        policy: parts.policyFor(request.model),
        messages: parts.messageContext(request.model),
        secrets,
      });
    },
    async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
      const context = parts.messageContext(undefined);
      if (setupFailure !== null) throw new ProviderError(toTurnError(setupFailure, context, secrets));
      // A server that accepts the connection and never answers must not leave "Test connection" spinning.
      const timeoutMs = Math.min(parts.policyFor('').firstTokenMs, MAX_LIST_WAIT_MS);
      const controller = new AbortController();
      const forward = () => controller.abort();
      signal?.addEventListener('abort', forward, { once: true });
      if (signal?.aborted === true) controller.abort();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        return withCatalogFacts(parts.kind, await parts.listModels(controller.signal));
      } catch (error) {
        const failure: Failure =
          signal?.aborted === true
            ? { kind: 'aborted' }
            : controller.signal.aborted
              ? { kind: 'timeout', phase: 'first-token', afterMs: timeoutMs }
              : parts.describeError(error);
        throw new ProviderError(toTurnError(failure, context, secrets));
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', forward);
      }
    },
  };
}

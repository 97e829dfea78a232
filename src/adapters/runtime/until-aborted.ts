/**
 * Iterates an async iterable but stops as soon as the signal aborts, even if the source does not react to the
 * abort (it is then asked to return, without waiting). Keeps `stream` responsive whatever an SDK does.
 */

const ABORTED = Symbol('aborted');

function abortedPromise(signal: AbortSignal): { promise: Promise<typeof ABORTED>; dispose: () => void } {
  let onAbort: () => void = () => undefined;
  const promise = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T, void> {
  const iterator = source[Symbol.asyncIterator]();
  const aborted = abortedPromise(signal);
  let finished = false;
  try {
    for (;;) {
      const next = iterator.next();
      // If the abort wins the race, a later rejection of `next` must not surface as unhandled.
      next.catch(() => undefined);
      const step = await Promise.race([next, aborted.promise]);
      if (step === ABORTED) return;
      if (step.done === true) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    aborted.dispose();
    if (!finished) iterator.return?.()?.catch(() => undefined);
  }
}

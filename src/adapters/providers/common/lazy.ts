/**
 * A value loaded once on first use (an SDK module, a client). A failed load is forgotten so the next call tries
 * again (a chunk that failed to download, for example).
 */
export interface Lazy<T> {
  get(): Promise<T>;
  /** The value once loaded, else undefined. */
  readonly current: T | undefined;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  let current: T | undefined;
  return {
    get() {
      pending ??= load().then(
        (value) => {
          current = value;
          return value;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    get current() {
      return current;
    },
  };
}

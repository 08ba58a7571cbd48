/**
 * For a figure that computes on the page with the lab imported lazily (BatchNormExplorer,
 * TheoremCheck): every change starts a request, and only the latest one may show its outcome. An older
 * request that answers late, with a result or with a failure, is dropped, so it can neither replace a
 * newer result nor put an error over it.
 */
export interface Outcome<R> {
  result(value: R): void;
  /** The error's message. */
  failure(message: string): void;
}

/**
 * `load` imports the lab's code (once per request: the module cache makes repeats free); the returned
 * function starts a request that computes with it.
 */
export function latestRequest<M, R>(load: () => Promise<M>, outcome: Outcome<R>): (compute: (module: M) => R | Promise<R>) => void {
  let latest = 0;
  return (compute) => {
    const request = ++latest;
    load()
      .then(compute)
      .then(
        (value) => {
          if (request === latest) outcome.result(value);
        },
        (err: unknown) => {
          if (request === latest) outcome.failure(err instanceof Error ? err.message : String(err));
        },
      );
  };
}

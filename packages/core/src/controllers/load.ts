/**
 * `LoadController`: async data for an element, shaped like Lit's `Task`
 * (`@lit/task`, `packages/task/src/task.ts`), with what every Peerkit widget needs on top:
 *
 * - `args()` is read before each host update and compared with the last run's
 *   (`argsEqual`, element by element with `Object.is` by default); a change runs the task.
 *   `args()` returning `undefined` means "not ready" (no provider yet, the person not known):
 *   nothing runs and the status is `initial`.
 * - A new run aborts the previous one through its `AbortSignal`; a stale run's result or
 *   error never lands, even when its promise ignores the signal.
 * - The host leaving the page aborts the run in flight; coming back runs it again.
 * - A failure becomes a `PeerError` (`error`) and is dispatched from the host as
 *   `peer-error` (unless `report: false`); an abort is never news to the user.
 * - When the browser comes back online a failed run is run again (through `PeerElement`'s
 *   one pair of `online`/`offline` listeners, not a pair per controller).
 *
 * ```ts
 * private counts = new LoadController(this, {
 *   args: () => (this.peer ? [this.peer.client, this.activityIri] as const : undefined),
 *   task: ([client, activity], { signal }) => client.kudos(activity, { signal }),
 * });
 * render() {
 *   return this.counts.render({ pending: () => skeleton, complete: (c) => count(c), error: (e) => notice(e) });
 * }
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PeerError } from '../client/types.js';
import { toPeerError } from '../client/errors.js';
import { PeerErrorEvent } from '../events.js';
import { hostHooks } from '../element.js';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

export type LoadHost = ReactiveControllerHost & HTMLElement;

export interface LoadOptions<T, A extends readonly unknown[]> {
  /** What the task depends on; `undefined` while it cannot run yet. */
  args: () => A | undefined;
  /** The work; it should pass `signal` on to the request it makes. */
  task: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  /** Whether two argument lists are the same (default: same length, `Object.is` each). */
  argsEqual?: (a: A, b: A) => boolean;
  /** Called with the value of a run that completed (not of a stale one). */
  onComplete?: (value: T) => void;
  /** Called with the error of a run that failed (not of a stale or aborted one). */
  onError?: (error: PeerError) => void;
  /** Dispatch `peer-error` from the host when a run fails (default `true`). */
  report?: boolean;
  /** Run whenever `args()` changes (default `true`); `false`: only `run()` starts it. */
  autoRun?: boolean;
}

/** The renderers of `render()`, one per status; a missing one draws nothing. */
export interface LoadRenderers<T, R> {
  initial?: () => R;
  pending?: () => R;
  complete?: (value: T) => R;
  error?: (error: PeerError) => R;
}

export const shallowArrayEquals = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export class LoadController<
  T,
  A extends readonly unknown[] = readonly unknown[],
> implements ReactiveController {
  status: LoadStatus = 'initial';
  /** The last value a run completed with (kept while a newer run is pending). */
  value?: T;
  /** The last run's error, while `status` is `error`. */
  error?: PeerError;

  // `#` members: the minifier shortens them (this class is on every widget's first paint).
  readonly #host: LoadHost;
  readonly #options: LoadOptions<T, A>;
  #lastArgs?: A;
  #abort?: AbortController;
  #settled?: Promise<void>;
  /** A run was aborted because the host left the page: run again when it comes back. */
  #interrupted = false;
  readonly #onOnline = () => {
    if (this.status === 'error') void this.run();
  };

  constructor(host: LoadHost, options: LoadOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    hostHooks(this.#host).online.add(this.#onOnline);
    if (this.#interrupted) {
      this.#interrupted = false;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    hostHooks(this.#host).online.delete(this.#onOnline);
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#lastArgs = undefined;
      this.#interrupted = true;
    }
  }

  hostUpdate(): void {
    if (this.#options.autoRun === false) return;
    const args = this.#options.args();
    if (args === undefined) {
      if (this.#lastArgs !== undefined || this.#abort) this.reset();
      return;
    }
    const equal = this.#options.argsEqual ?? shallowArrayEquals;
    if (this.#lastArgs === undefined || !equal(this.#lastArgs, args)) void this.run(args);
  }

  /**
   * Runs the task now with `args` (default: the current `args()`), aborting a run in flight.
   * Resolves when this run has settled (never rejects).
   */
  run(args: A | undefined = this.#options.args()): Promise<void> {
    this.#abort?.abort();
    this.#abort = undefined;
    if (args === undefined) {
      this.reset();
      return Promise.resolve();
    }
    this.#lastArgs = args;
    const abort = (this.#abort = new AbortController());
    this.status = 'pending';
    this.error = undefined;
    this.#host.requestUpdate();
    let started: Promise<T>;
    try {
      started = this.#options.task(args, { signal: abort.signal });
    } catch (error) {
      started = Promise.reject(error);
    }
    return (this.#settled = started.then(
      (value) => {
        if (abort !== this.#abort) return;
        this.#abort = undefined;
        this.status = 'complete';
        this.value = value;
        this.#options.onComplete?.(value);
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (abort !== this.#abort) return;
        this.#abort = undefined;
        const peerError = toPeerError(error);
        // Aborted by this controller (the element left the page): it runs again on return.
        // Aborted by anything else (a host's client giving up): an error, never pending forever.
        if (peerError.kind === 'aborted' && abort.signal.aborted) return;
        this.status = 'error';
        this.error = peerError;
        this.#options.onError?.(peerError);
        if (this.#options.report !== false)
          this.#host.dispatchEvent(new PeerErrorEvent({ error: peerError }));
        this.#host.requestUpdate();
      },
    ));
  }

  /** Runs the task again with the current arguments (the "Retry" of an error state). */
  retry(): Promise<void> {
    return this.run();
  }

  /** Aborts a run in flight and goes back to `initial`, forgetting the arguments. */
  reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#lastArgs = undefined;
    this.status = 'initial';
    this.value = undefined;
    this.error = undefined;
    this.#host.requestUpdate();
  }

  /** Resolves when the latest run has settled (at once when none is in flight). */
  get taskComplete(): Promise<void> {
    return this.#settled ?? Promise.resolve();
  }

  /** Draws the renderer for the current status. */
  render<R>(renderers: LoadRenderers<T, R>): R | undefined {
    switch (this.status) {
      case 'initial':
        return renderers.initial?.();
      case 'pending':
        return renderers.pending?.();
      case 'complete':
        return renderers.complete?.(this.value as T);
      case 'error':
        return renderers.error?.(this.error as PeerError);
    }
  }
}

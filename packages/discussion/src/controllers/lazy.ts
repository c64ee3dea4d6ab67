/**
 * A part of the element loaded on first use, as its own chunk (what a reader's first paint
 * does not need: the report and delete dialogs, the moderators' queue). `get()` loads it
 * once and redraws the host; `pending` lets `updateComplete` wait for a load under way.
 */
import type { ReactiveControllerHost } from 'lit';

export class LazyPart<T> {
  /** The part, once loaded. */
  value: T | null = null;
  #loading: Promise<T> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The part, loading it the first time (a failed load is tried again next time). */
  get(): Promise<T> {
    this.#loading ??= this.load().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  /** The load under way, else `null`. */
  get pending(): Promise<unknown> | null {
    return this.value ? null : this.#loading;
  }
}

/**
 * `SaveLoop`: the save loop the personal card (`AutosaveController`) and the team card
 * (`TeamCard`) extend. It saves `PAUSE_MS` after the last `schedule()`, at once on `sync()`,
 * one save at a time (a `sync()` while one is out becomes one more save after it), and retries
 * a failed save after `BACKOFF[min(failures, 4)]` ms. What to send, what follows a save and the
 * status words stay with the cards; they clear `timer`/`retryTimer` and zero `failures` themselves,
 * where they did before. A base class with bare fields rather than a member with methods: the
 * personal card's first use stays within its 8 KB budget (`npm run size`: 8192 of 8192 bytes).
 */

/** How long after the last keystroke the text goes to the server (ms). */
export const PAUSE_MS = 1200;
/** Waits before retrying a save that failed for want of a network or a server (ms). */
const BACKOFF = [2_000, 5_000, 15_000, 30_000, 60_000];

export abstract class SaveLoop {
  /** The save `schedule()` set (a card clears it to drop that save). */
  protected timer?: ReturnType<typeof setTimeout>;
  /** The retry `retry()` set, until it runs (cancelling it leaves it here). */
  protected retryTimer?: ReturnType<typeof setTimeout>;
  /** Saves failed in a row since the last that went through (the card sets 0 on success). */
  protected failures = 0;
  #inFlight = false;
  #again = false;

  /** What to send now: the sending, run with no other in flight, or nothing (it may say why). */
  protected abstract next(): (() => Promise<void>) | void;

  /** After a save with no other asked for: save again in this many ms (0: at once), or stop. */
  protected abstract after(): number | undefined;

  /** Saves `ms` after the last call. */
  protected schedule(ms = PAUSE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync(), ms);
  }

  /** Sends what the server does not have now; one request at a time. */
  async sync(): Promise<void> {
    clearTimeout(this.timer);
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    const send = this.next();
    if (!send) return;
    this.#inFlight = true;
    try {
      await send();
    } finally {
      this.#inFlight = false;
    }
    const wait = this.#again ? 0 : this.after();
    if (wait === 0) {
      this.#again = false;
      void this.sync();
    } else if (wait) this.schedule(wait);
  }

  /** A save failed in a way worth retrying: tries again after the backoff. */
  protected retry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = undefined;
        void this.sync();
      },
      BACKOFF[Math.min(this.failures++, BACKOFF.length - 1)],
    );
  }
}

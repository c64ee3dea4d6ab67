/**
 * `EndorseController`: endorsing and withdrawing, per person and skill, the way
 * `<peer-kudos>` gives kudos (issue 11, "Endorse"):
 *
 * - optimistic: `view()` shows the person's latest choice at once (pressed, count ±1);
 * - however fast the clicks (a double click), at most one request per person and skill is in
 *   flight, and the element ends in the state the person chose last;
 * - a refused change rolls back to what the server has, with a failure the view shows and a
 *   `retry()` that sends the same change with the same idempotency key (never doubled);
 * - a change the server confirmed calls `onConfirmed` (announce, event, statement).
 *
 * The server's answer (`Endorsement.endorsements`) is the count from then on, over the count
 * the card was loaded with.
 */
import type { ReactiveControllerHost } from 'lit';
import { skillKey, toPeerError, type Expert, type PeerClient, type PeerError } from '@peerkit/core';

export interface EndorseState {
  /** The signed-in person endorses it (as the person last chose). */
  mine: boolean;
  count: number;
  /** A change is on its way to the server. */
  pending: boolean;
  /** The last change was refused (rolled back); `retry()` sends it again. */
  failed?: { mine: boolean; error: PeerError };
}

interface Intent {
  mine: boolean;
  key: string;
}

export interface EndorseOptions {
  client: () => PeerClient | undefined;
  onConfirmed: (person: Expert, skill: string, mine: boolean, count: number) => void;
  onFailed: (person: Expert, skill: string, mine: boolean, error: PeerError) => void;
}

const keyOf = (personId: string, skill: string) => `${personId}\n${skillKey(skill)}`;

/** Not a lifecycle controller: it only asks its host to update. */
export class EndorseController {
  /** What the server confirmed, by person and skill. */
  readonly #confirmed = new Map<string, { mine: boolean; count: number }>();
  readonly #intents = new Map<string, Intent>();
  readonly #inFlight = new Set<string>();
  readonly #failures = new Map<string, { intent: Intent; error: PeerError }>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EndorseOptions,
  ) {}

  /** Forgets everything (a new person signed in). */
  reset(): void {
    this.#confirmed.clear();
    this.#intents.clear();
    this.#failures.clear();
    this.host.requestUpdate();
  }

  /** The skill as the person sees it now. */
  view(person: Expert, skill: string): EndorseState {
    const k = keyOf(person.id, skill);
    const base = this.#base(person, skill);
    const intent = this.#intents.get(k);
    const failure = this.#failures.get(k);
    const failed = failure ? { mine: failure.intent.mine, error: failure.error } : undefined;
    if (!intent || intent.mine === base.mine)
      return { ...base, pending: this.#inFlight.has(k), failed };
    const count = Math.max(0, base.count + (intent.mine ? 1 : -1));
    return { mine: intent.mine, count, pending: true, failed };
  }

  /** Endorses or withdraws, whichever the skill's state is not. */
  toggle(person: Expert, skill: string): void {
    const k = keyOf(person.id, skill);
    const mine = !this.view(person, skill).mine;
    this.#failures.delete(k);
    this.#intents.set(k, { mine, key: crypto.randomUUID() });
    this.host.requestUpdate();
    void this.#sync(person, skill);
  }

  /** Sends a refused change again, with its idempotency key. */
  retry(person: Expert, skill: string): void {
    const k = keyOf(person.id, skill);
    const failure = this.#failures.get(k);
    if (!failure) return;
    this.#failures.delete(k);
    this.#intents.set(k, failure.intent);
    this.host.requestUpdate();
    void this.#sync(person, skill);
  }

  /** Retries every refused change that failed for want of a network (back online). */
  retryAll(people: readonly Expert[]): void {
    for (const person of people)
      for (const s of person.skills)
        if (this.#failures.get(keyOf(person.id, s.name))?.error.retryable)
          this.retry(person, s.name);
  }

  #base(person: Expert, skill: string): { mine: boolean; count: number } {
    const confirmed = this.#confirmed.get(keyOf(person.id, skill));
    if (confirmed) return confirmed;
    const s = person.skills.find((x) => skillKey(x.name) === skillKey(skill));
    return { mine: s?.endorsedByMe ?? false, count: s?.endorsements ?? 0 };
  }

  /** One request at a time per person and skill, until the server agrees with the person. */
  async #sync(person: Expert, skill: string): Promise<void> {
    const k = keyOf(person.id, skill);
    const client = this.options.client();
    const intent = this.#intents.get(k);
    if (this.#inFlight.has(k) || !client || !intent) return;
    const before = this.#base(person, skill);
    if (intent.mine === before.mine) {
      this.#intents.delete(k);
      this.host.requestUpdate();
      return;
    }
    this.#inFlight.add(k);
    try {
      const answer = intent.mine
        ? await client.endorse(person.id, { skill }, { idempotencyKey: intent.key })
        : await client.withdrawEndorsement(person.id, skill, { idempotencyKey: intent.key });
      this.#confirmed.set(k, { mine: intent.mine, count: answer.endorsements });
      if (this.#intents.get(k) === intent) this.#intents.delete(k);
      this.options.onConfirmed(person, answer.skill, intent.mine, answer.endorsements);
    } catch (error) {
      const peerError = toPeerError(error);
      if (this.#intents.get(k) === intent) {
        this.#intents.delete(k);
        this.#failures.set(k, { intent, error: peerError });
        this.options.onFailed(person, skill, intent.mine, peerError);
      }
    } finally {
      this.#inFlight.delete(k);
      this.host.requestUpdate();
    }
    if (this.#intents.has(k)) void this.#sync(person, skill);
  }
}

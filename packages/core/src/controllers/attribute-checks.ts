/**
 * `AttributeChecks`: keeps a widget's attributes usable, driven by a table of rules, the way
 * DESIGN.md §3 asks ("Bad input gives a clear message in the widget and a `peer-error`
 * event, never a blank box"):
 *
 * - a value a rule refuses gives way to the rule's `fallback` (written to the property), and
 *   the host hears of it once per bad value: one visible, localised notice line
 *   (`render()`, or `lines()` for a widget that draws it itself) and one `peer-error` of kind
 *   `config` whose `details.problem` is `{ type: 'peerkit:config/<attribute>', attribute,
 *   value, fallback }`; the same bad value written again is not news;
 * - a number above the rule's `max` is capped, with a console warning only (the host meant
 *   something sensible);
 * - a removed attribute (`null`/`undefined`) quietly means the default;
 * - the notice line goes when the host writes the attribute again (even to the value in use),
 *   when the property gets a usable value, or on `clear(attribute)` (the person chose).
 *
 * A rule without `fallback` leaves the property as it is: the widget asks `has(attribute)`
 * and shows itself unavailable (kudos' `values`).
 *
 * It runs before the host renders (in `hostUpdate`, after `willUpdate`): add it before any
 * controller that reads the checked properties. The host must be a `PeerElement`, which
 * tells it of attribute writes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PeerError } from '../client/types.js';
import { PeerErrorEvent } from '../events.js';
import { hostHooks } from '../element.js';
import { renderNotice } from '../notice.js';

export interface AttributeRule {
  /** The attribute as the host writes it (`page-size`). */
  attribute: string;
  /** The host's property (`pageSize`). */
  property: string;
  /** Whether a (non-null) property value can be used. */
  valid: (value: unknown) => boolean;
  /** What a bad value gives way to; without it the property keeps the bad value. */
  fallback?: unknown;
  /** The most a usable number may be; above it the value is capped with a console warning. */
  max?: number;
  /** The localised notice line for a bad value, given as the host wrote it (`"ten"`). */
  message: (given: string) => string;
}

/** A rule for an attribute that takes one of a list of words; `fallback` defaults to the first. */
export function oneOf(
  attribute: string,
  property: string,
  values: readonly string[],
  message: (given: string) => string,
  fallback: string = values[0]!,
): AttributeRule {
  return { attribute, property, valid: (v) => values.includes(v as string), fallback, message };
}

/** A rule for a whole number from `min`, capped at `max`. */
export function wholeNumber(
  attribute: string,
  property: string,
  range: { min: number; max?: number; fallback: number },
  message: (given: string) => string,
): AttributeRule {
  return {
    attribute,
    property,
    valid: (v) => Number.isInteger(v) && (v as number) >= range.min,
    fallback: range.fallback,
    max: range.max,
    message,
  };
}

type Host = ReactiveControllerHost & HTMLElement;

export class AttributeChecks implements ReactiveController {
  readonly rules: readonly AttributeRule[];
  // `#` members: the minifier shortens them (this class is on every widget's first paint).
  readonly #host: Host;
  /** Attributes holding a value the element cannot use, with that value as given. */
  readonly #bad = new Map<string, string>();
  /** The property values last checked, to tell a new value from the one in use. */
  readonly #last = new Map<string, unknown>();
  /** Attributes whose fallback is being reflected back by this update (not the host's write). */
  readonly #writing = new Set<string>();
  readonly #onAttribute = (name: string, _old: string | null, value: string | null) => {
    if (!this.#writing.has(name) && this.#bad.has(name) && this.#bad.get(name) !== value)
      this.clear(name);
  };

  constructor(host: Host, rules: readonly AttributeRule[]) {
    this.#host = host;
    this.rules = rules;
    host.addController(this);
  }

  hostConnected(): void {
    hostHooks(this.#host).attribute.add(this.#onAttribute);
  }

  hostDisconnected(): void {
    hostHooks(this.#host).attribute.delete(this.#onAttribute);
  }

  hostUpdate(): void {
    const errors = this.rules.map((rule) => this.#check(rule)).filter((e) => e !== undefined);
    // After this update, so a host that answers by changing an attribute starts a new one.
    if (errors.length)
      void this.#host.updateComplete.then(() => {
        for (const error of errors) this.#host.dispatchEvent(new PeerErrorEvent({ error }));
      });
  }

  hostUpdated(): void {
    this.#writing.clear();
  }

  /** Whether `attribute` holds a value the element could not use. */
  has(attribute: string): boolean {
    return this.#bad.has(attribute);
  }

  /** Drops the notice about `attribute` (the person chose a value in the widget). */
  clear(attribute: string): void {
    if (this.#bad.delete(attribute)) this.#host.requestUpdate();
  }

  /** The notice lines, in the rules' order. */
  lines(): string[] {
    return this.rules
      .filter((r) => this.#bad.has(r.attribute))
      .map((r) => r.message(this.#bad.get(r.attribute)!));
  }

  /** The notice (`.notice.status.config`, `role="status"`), or nothing when all is well. */
  render(part?: string) {
    const lines = this.lines();
    return lines.length
      ? renderNotice({ kind: 'status', name: 'config', message: lines, part })
      : undefined;
  }

  /** Checks one rule; returns the error to dispatch when a new bad value was found. */
  #check(rule: AttributeRule): PeerError | undefined {
    const { attribute, property, fallback, max } = rule;
    const host = this.#host as unknown as Record<string, unknown>;
    const value = host[property];
    const fresh = !Object.is(this.#last.get(property), value) || !this.#last.has(property);
    let error: PeerError | undefined;
    let use = value;
    if (value == null) {
      this.#bad.delete(attribute);
      use = fallback;
    } else if (!rule.valid(value)) {
      // As the host wrote it (`"ten"`, not `NaN`).
      const written = this.#host.getAttribute(attribute);
      const given =
        written !== null && (written === String(value) || Object.is(Number(written), value))
          ? written
          : String(value);
      if (this.#bad.get(attribute) !== given) {
        this.#bad.set(attribute, given);
        const text = rule.message(given);
        error = new PeerError('config', text, {
          problem: {
            type: `peerkit:config/${attribute}`,
            title: text,
            status: 0,
            attribute,
            value: given,
            ...(fallback !== undefined ? { fallback: String(fallback) } : {}),
          },
        });
      }
      use = fallback;
    } else if (fresh) {
      this.#bad.delete(attribute);
      if (max !== undefined && (value as number) > max) {
        console.warn(
          `<${this.#host.localName}>: ${attribute}="${String(value)}" is above the maximum of ${max}; using ${max}.`,
        );
        use = max;
      }
    }
    if (use !== undefined && !Object.is(use, value)) {
      this.#writing.add(attribute);
      host[property] = use;
    }
    this.#last.set(property, host[property]);
    return error;
  }
}

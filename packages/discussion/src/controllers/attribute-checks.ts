/**
 * Keeps `sort`, `page-size` and `max-depth` usable (rules in `model/config.ts`): a value the
 * element cannot use gives way to the default, and the host hears of it once per bad value
 * (a notice in the widget and a `peer-error` of kind `config`); a value above the maximum
 * is capped with a console warning only. The notice stays until the host writes the
 * attribute again or the person picks a sort.
 */
import type { PropertyValues, ReactiveController } from 'lit';
import { PeerError } from '@peerkit/core';
import { messages } from '../messages.js';
import {
  CONFIG_ATTRS,
  CONFIG_RULES,
  given,
  type ConfigAttr,
  type ConfigRule,
} from '../model/config.js';
import type { DiscussionHost } from './context.js';

type Checked = DiscussionHost & Record<ConfigRule['prop'], unknown>;

export class AttributeChecks implements ReactiveController {
  /** Attributes holding a value the element cannot use, with that value as written. */
  bad = new Map<ConfigAttr, string>();
  /** Set while a fallback is written back, so its reflection is not taken for the host's. */
  private writing = false;

  constructor(
    private readonly host: Checked,
    private readonly fail: (error: PeerError) => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.writing = false;
  }

  /** The notices to draw, in attribute order. */
  get notices(): string[] {
    return CONFIG_ATTRS.filter((a) => this.bad.has(a)).map((a) =>
      messages.config(a, this.bad.get(a)!),
    );
  }

  /** Call from `willUpdate`: judges every rule's value and applies fallbacks and caps. */
  check(changed: PropertyValues): void {
    const bad = new Map(this.bad);
    const errors: PeerError[] = [];
    for (const rule of CONFIG_RULES) {
      const value = this.host[rule.prop];
      const verdict = rule.judge(value);
      if (verdict.kind === 'absent' || verdict.kind === 'bad') {
        if (verdict.kind === 'absent') bad.delete(rule.attr);
        else {
          const written = rule.reflects
            ? String(value)
            : given(this.host.getAttribute(rule.attr), value);
          if (bad.get(rule.attr) !== written) {
            bad.set(rule.attr, written);
            errors.push(configError(rule, written));
          }
        }
        if (rule.reflects) this.writing = true;
        this.host[rule.prop] = rule.fallback;
      } else if (changed.has(rule.prop)) {
        bad.delete(rule.attr);
        if (verdict.kind === 'cap') {
          console.warn(
            `<peer-discussion>: ${rule.attr}="${String(value)}" is above the maximum of ${verdict.to}; using ${verdict.to}.`,
          );
          this.host[rule.prop] = verdict.to;
        }
      }
    }
    if (bad.size !== this.bad.size || [...bad].some(([k, v]) => this.bad.get(k) !== v))
      this.bad = bad;
    // After this update, so a host that answers by changing an attribute starts a new one.
    if (errors.length)
      void this.host.updateComplete.then(() => {
        for (const error of errors) this.fail(error);
      });
  }

  /**
   * The host wrote a checked attribute again (call from `attributeChangedCallback`): its
   * notice goes (`check` brings it back if the new value is bad too). This catches a fix
   * that equals the fallback (`page-size="ten"`, then `page-size="20"`).
   */
  written(name: string, value: string | null): void {
    const attr = name as ConfigAttr;
    if (!this.writing && this.bad.has(attr) && this.bad.get(attr) !== value) this.forget(attr);
  }

  /** The person chose a value themselves (the sort menu): the notice has nothing left to say. */
  forget(attr: ConfigAttr): void {
    if (!this.bad.has(attr)) return;
    const next = new Map(this.bad);
    next.delete(attr);
    this.bad = next;
    this.host.requestUpdate();
  }
}

function configError(rule: ConfigRule, value: string): PeerError {
  const text = messages.config(rule.attr, value);
  return new PeerError('config', text, {
    problem: {
      type: `peerkit:config/${rule.attr}`,
      title: text,
      status: 0,
      attribute: rule.attr,
      value,
      fallback: String(rule.fallback),
    },
  });
}

/**
 * The card's shared view, loaded when `show-shared` is first set (a chunk of its own): my
 * team's and the public reflections on the activity (`GET /reflections?scope=shared`),
 * read-only with author, date and answers (a team reflection's entries each with its
 * author), paged; the compact lessons list (the "what we learned" answers, `lessonsOf`,
 * docs/decisions.md §13); and "Promote to discussion", which posts a lesson to the activity's
 * thread (quoting it and linking back to the reflection), fires `peer-lesson-promoted` and
 * records the post's `commented` with the reflection as a related activity.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  formatDateTime,
  msg,
  str,
  type Page,
  type PeerClient,
  type PeerError,
  type Reflection,
} from '@peerkit/core';
import { lessonsOf, type Lesson } from '@peerkit/core/contract';
import { LoadController } from '@peerkit/core/controllers';
import type { CardContext } from './controllers/context.js';
import { PeerLessonPromotedEvent } from './events.js';
import { promotedStatement } from './xapi.js';

export const sharedMessages = {
  heading: () => msg('What others reflected', { id: 'reflection.shared' }),
  none: () => msg('Nobody has shared a reflection on this yet.', { id: 'reflection.shared.none' }),
  lessons: () => msg('Lessons for next time', { id: 'reflection.lessons' }),
  byOn: (name: string, date: string) => msg(str`${name}, ${date}`, { id: 'reflection.by-on' }),
  failed: () => msg('Shared reflections could not be loaded.', { id: 'reflection.shared.failed' }),
  promote: () => msg('Promote to discussion', { id: 'reflection.promote' }),
  promoted: () => msg('Posted to the discussion.', { id: 'reflection.promoted' }),
  inDiscussion: () => msg('In the discussion', { id: 'reflection.in-discussion' }),
  promoteFailed: () =>
    msg('The lesson could not be posted to the discussion.', { id: 'reflection.promote.failed' }),
  source: (name: string) =>
    msg(str`From a reflection by ${name}`, { id: 'reflection.promote.source' }),
  more: () => msg('Show more', { id: 'reflection.shared.more' }),
  retry: () => msg('Retry', { id: 'reflection.shared.retry' }),
};
const t = sharedMessages;

/** Shared reflections per page. */
const PAGE = 10;

/** The post a lesson becomes: the lesson quoted, then a link back to its reflection. */
export function lessonPost(lesson: Lesson, source: string): string {
  const quote = lesson.text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const label = source.replace(/[[\]\\]/g, '\\$&');
  return `${quote}\n\n[${label}](${lesson.activity}#reflection-${lesson.reflectionId})`;
}

const lessonKey = (l: Lesson) => `${l.reflectionId}|${l.entryId ?? ''}`;

export class SharedView {
  more: Reflection[] = [];
  next: string | null = null;
  moreError: PeerError | null = null;
  /** Lessons posted (by key), and the one being posted. */
  readonly promoted = new Set<string>();
  promoting: string | null = null;
  readonly load: LoadController<Page<Reflection>, readonly [PeerClient, string]>;

  constructor(
    private readonly ctx: CardContext,
    private readonly canPromote: () => boolean,
  ) {
    this.load = new LoadController(ctx.host, {
      args: () => {
        const client = ctx.client();
        return client ? ([client, ctx.activity()] as const) : undefined;
      },
      task: ([client, activity], { signal }) =>
        client.listReflections({ activity, scope: 'shared', limit: PAGE }, { signal }),
      onComplete: (page) => {
        this.more = [];
        this.next = page.nextCursor;
      },
    });
  }

  get items(): Reflection[] {
    return [...(this.load.value?.items ?? []), ...this.more];
  }

  /** Takes in a reflection the card just saved or heard of (shared ones only). */
  upsert(r: Reflection): void {
    const page = this.load.value;
    if (!page || r.visibility === 'private') return;
    const at = page.items.findIndex((x) => x.id === r.id);
    if (at >= 0) page.items[at] = r;
    this.ctx.host.requestUpdate();
  }

  async loadMore(): Promise<void> {
    const client = this.ctx.client();
    if (!client || !this.next) return;
    this.moreError = null;
    try {
      const page = await client.listReflections({
        activity: this.ctx.activity(),
        scope: 'shared',
        limit: PAGE,
        cursor: this.next,
      });
      this.more = [...this.more, ...page.items];
      this.next = page.nextCursor;
    } catch (error) {
      this.moreError = this.ctx.fail(error);
    }
    this.ctx.host.requestUpdate();
  }

  async promote(lesson: Lesson): Promise<void> {
    const client = this.ctx.client();
    const key = lessonKey(lesson);
    if (!client || this.promoting || this.promoted.has(key)) return;
    this.promoting = key;
    this.ctx.host.requestUpdate();
    try {
      const post = await client.createPost({
        activity: lesson.activity,
        body: lessonPost(lesson, t.source(lesson.author.name)),
      });
      this.promoted.add(key);
      this.ctx.announce(t.promoted());
      const reflection = this.items.find((r) => r.id === lesson.reflectionId)!;
      this.ctx.host.dispatchEvent(
        new PeerLessonPromotedEvent({ reflection, lesson: lesson.text, post }),
      );
      this.ctx
        .recorder()
        ?.record(promotedStatement(post, lesson.reflectionId, lesson.activity))
        .catch((error: unknown) => this.ctx.fail(error));
    } catch (error) {
      this.ctx.fail(error);
      this.ctx.announce(t.promoteFailed());
    } finally {
      this.promoting = null;
      this.ctx.host.requestUpdate();
    }
  }

  render(uid: string): TemplateResult {
    const body = this.load.render<TemplateResult>({
      initial: () => html`<div class="skeleton"></div>`,
      pending: () => (this.load.value ? this.#list(uid) : html`<div class="skeleton"></div>`),
      complete: () => this.#list(uid),
      error: () =>
        html`<div class="notice error" part="shared-notice">
          <p>${t.failed()}</p>
          <button type="button" class="retry" @click=${() => this.load.retry()}>
            ${t.retry()}
          </button>
        </div>`,
    });
    return html`<section part="shared" aria-labelledby="${uid}-shared">
      <h3 id="${uid}-shared">${t.heading()}</h3>
      ${body}
    </section>`;
  }

  #list(uid: string): TemplateResult {
    const items = this.items;
    if (!items.length) return html`<p class="hint">${t.none()}</p>`;
    const locale = this.ctx.locale();
    return html`${this.#lessons(uid, lessonsOf(items), locale)}
      <ul class="list">
        ${items.map((r) => renderShared(r, locale))}
      </ul>
      ${this.moreError ? html`<p class="notice error" role="alert">${t.failed()}</p>` : nothing}
      ${
        this.next
          ? html`<button type="button" class="button" @click=${() => void this.loadMore()}>
              ${t.more()}
            </button>`
          : nothing
      }`;
  }

  #lessons(uid: string, lessons: Lesson[], locale: string): TemplateResult | typeof nothing {
    if (!lessons.length) return nothing;
    const can = this.canPromote();
    return html`<h4 id="${uid}-lessons">${t.lessons()}</h4>
      <ul class="list" part="lessons" aria-labelledby="${uid}-lessons">
        ${lessons.map((l) => {
          const key = lessonKey(l);
          const done = this.promoted.has(key);
          return html`<li part="lesson" data-reflection=${l.reflectionId}>
            <blockquote dir="auto">${l.text}</blockquote>
            <span class="hint">${t.byOn(l.author.name, formatDateTime(l.updatedAt, locale))}</span>
            ${
              can
                ? done
                  ? html`<span class="hint">${t.inDiscussion()}</span>`
                  : html`<button
                      type="button"
                      class="link"
                      part="promote"
                      aria-disabled=${this.promoting === key ? 'true' : 'false'}
                      @click=${() => void this.promote(l)}
                    >
                      ${t.promote()}
                    </button>`
                : nothing
            }
          </li>`;
        })}
      </ul>`;
  }
}

/** One shared reflection, read-only: who, when, and the answers (a team's entries each attributed). */
function renderShared(r: Reflection, locale: string): TemplateResult {
  return html`<li part="shared-reflection" id="reflection-${r.id}">
    <span class="hint"
      >${t.byOn(r.team ?? r.author.name, formatDateTime(r.updatedAt, locale))}</span
    >
    <dl>
      ${r.answers.map((a) => {
        const entries = (a.entries ?? []).filter((e) => e.text.trim());
        if (!a.answer.trim() && !entries.length) return nothing;
        return html`<dt>${a.prompt}</dt>
          ${a.answer.trim() ? html`<dd dir="auto">${a.answer}</dd>` : nothing}
          ${entries.map(
            (e) => html`<dd dir="auto">${e.text} <span class="hint">— ${e.author.name}</span></dd>`,
          )}`;
      })}
    </dl>
  </li>`;
}

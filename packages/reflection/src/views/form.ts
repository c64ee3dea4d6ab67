/**
 * The writing form as plain functions of typed props (no `this`): one labelled `textarea` per
 * prompt with its hint, who can read it (a radio group with a plain-language line), and the
 * save status (announced by the card's `Announcer`, drawn here).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Visibility } from '@peerkit/core';
import type { SaveStatus } from '../controllers/autosave.js';
import type { Answers } from '../model/drafts.js';
import type { Prompt } from '../model/prompts.js';
import { messages as t } from '../messages.js';

export const VISIBILITIES: readonly Visibility[] = ['private', 'team', 'public'];

export interface FormProps {
  /** Prefix of the ids in the form. */
  uid: string;
  prompts: readonly Prompt[];
  answers: Answers;
  visibility: Visibility;
  status: SaveStatus;
  statusText: string;
  /** Another tab's edit is shown. */
  elsewhere: boolean;
  clashes: Answers;
  /** "Editing your reflection of …" when an earlier one is open, else `null`. */
  editing: string | null;
  /** A saved reflection is open: offer a new one. */
  canStartNew: boolean;
  /** Who added each answer, by prompt id (team card); none on a personal card. */
  authors?: Record<string, string>;
  /** Draw the visibility choice (a team card's is the team's). */
  showVisibility: boolean;
}

export interface FormHandlers {
  input(prompt: string, text: string): void;
  blur(): void;
  visibility(v: Visibility): void;
  retry(): void;
  settle(prompt: string, useOther: boolean): void;
  startNew(): void;
}

export function renderForm(p: FormProps, on: FormHandlers): TemplateResult {
  return html`<form part="form" @submit=${(e: Event) => e.preventDefault()} novalidate>
    ${p.editing ? html`<p part="editing">${p.editing}</p>` : nothing}
    ${p.elsewhere ? html`<p part="elsewhere" class="note">${t.elsewhere()}</p>` : nothing}
    ${p.prompts.map((prompt) => renderPrompt(p, prompt, on))}
    ${p.showVisibility ? renderVisibility(p, on) : nothing}
    <div class="toolbar">
      ${renderStatus(p, on)}
      ${
        p.canStartNew
          ? html`<button type="button" class="button" part="new" @click=${on.startNew}>
              ${t.startNew()}
            </button>`
          : nothing
      }
    </div>
  </form>`;
}

function renderPrompt(p: FormProps, prompt: Prompt, on: FormHandlers): TemplateResult {
  const id = `${p.uid}-${prompt.id}`;
  const clash = p.clashes[prompt.id];
  const by = p.authors?.[prompt.id];
  return html`<div class="prompt" part="prompt" data-prompt=${prompt.id}>
    <label for=${id} part="question">${prompt.text}</label>
    ${prompt.hint ? html`<p class="hint" id="${id}-hint" part="hint">${prompt.hint}</p>` : nothing}
    <textarea
      id=${id}
      part="answer"
      dir="auto"
      rows="3"
      aria-describedby=${prompt.hint ? `${id}-hint` : nothing}
      .value=${p.answers[prompt.id] ?? ''}
      @input=${(e: Event) => on.input(prompt.id, (e.target as HTMLTextAreaElement).value)}
      @blur=${on.blur}
    ></textarea>
    ${by ? html`<p class="hint" part="authors">${by}</p>` : nothing}
    ${
      clash !== undefined
        ? html`<div class="clash" part="clash">
            <p>${t.clash()}</p>
            <blockquote dir="auto">${clash}</blockquote>
            <button type="button" class="button" @click=${() => on.settle(prompt.id, true)}>
              ${t.useOther()}
            </button>
            <button type="button" class="button" @click=${() => on.settle(prompt.id, false)}>
              ${t.keepMine()}
            </button>
          </div>`
        : nothing
    }
  </div>`;
}

const LABEL = { private: t.private, team: t.team, public: t.public };
const LINE = { private: t.privateLine, team: t.teamLine, public: t.publicLine };

function renderVisibility(p: FormProps, on: FormHandlers): TemplateResult {
  return html`<fieldset part="visibility" aria-describedby="${p.uid}-who">
    <legend>${t.visibility()}</legend>
    ${VISIBILITIES.map(
      (v) =>
        html`<label class="choice">
          <input
            type="radio"
            name="${p.uid}-visibility"
            value=${v}
            .checked=${p.visibility === v}
            @change=${() => on.visibility(v)}
          />
          ${LABEL[v]()}
        </label>`,
    )}
    <p id="${p.uid}-who" class="hint" part="who">${LINE[p.visibility]()}</p>
  </fieldset>`;
}

/** The save status line (not a live region: the card's announcer says it). */
export function renderStatus(
  p: Pick<FormProps, 'status' | 'statusText'>,
  on: Pick<FormHandlers, 'retry'>,
): TemplateResult {
  const failed = p.status === 'failed';
  return html`<p part="status" class="status ${p.status}" data-status=${p.status}>
    ${p.statusText}
    ${
      failed
        ? html`<button type="button" class="link" part="retry" @click=${on.retry}>
            ${t.retry()}
          </button>`
        : nothing
    }
  </p>`;
}

/**
 * My earlier reflections on the activity: newest first, expandable, editable, deletable
 * through a confirm dialog, paged; and the card by keyboard alone and in a right-to-left page.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaos, signIn, SEED, uniqueActivity } from '../support/server.js';
import {
  $,
  $$,
  atServer,
  field,
  mount,
  saveAs,
  seen,
  statusIs,
  typeInto,
  unmountAll,
  type PeerReflectionCard,
  until,
} from './helpers.js';

const answers = (text: string) => [
  { id: 'achieved', prompt: 'What did we achieve?', answer: text },
  { id: 'differently', prompt: 'What would we do differently?', answer: '' },
  { id: 'learned', prompt: 'What did we learn that others can use next time?', answer: '' },
];

async function seed(activity: string, n: number) {
  const token = await signIn(SEED.member);
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = crypto.randomUUID();
    await saveAs(token, id, {
      activity,
      visibility: 'private',
      answers: answers(`Reflection ${i}`),
    });
    ids.push(id);
  }
  return ids.reverse(); // newest first
}

const focused = (el: PeerReflectionCard) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<peer-reflection-card> earlier reflections', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('lists mine newest first, five at a time, expandable', async () => {
    const activity = uniqueActivity('earlier');
    const ids = await seed(activity, 7);
    const { el } = await mount({ activity });
    await until(() => seen(el).earlier.length === 5);
    expect(seen(el).earlier).to.deep.equal(ids.slice(0, 5));
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await until(() => seen(el).earlier.length === 7, 'the second page');
    expect(seen(el).earlier).to.deep.equal(ids);
    const toggle = $<HTMLButtonElement>(el, `[data-id="${ids[0]}"] button[aria-expanded]`)!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, `[data-id="${ids[0]}"] dd`)!.textContent).to.equal('Reflection 7');
    await expect(el).to.be.accessible();
  });

  it('says when "Show more" fails, and the button tries again', async () => {
    const activity = uniqueActivity('earlier-more-failed');
    const ids = await seed(activity, 7);
    const proxy = await chaos([]);
    try {
      const { el } = await mount({ activity, endpoint: proxy.endpoint });
      await until(() => seen(el).earlier.length === 5);
      await proxy.set([{ match: { path: '^/reflections$' }, action: 'drop', times: -1 }]);
      $<HTMLButtonElement>(el, '[part~="more"]')!.click();
      const failed = () =>
        $(el, '[part~="earlier"] .notice.error[role="alert"]')?.textContent?.trim() ?? '';
      await until(() => failed() !== '', 'the failure said');
      expect(failed()).to.equal('Your earlier reflections could not be loaded.');
      expect(seen(el).earlier).to.deep.equal(ids.slice(0, 5));
      await expect(el).to.be.accessible();
      await proxy.set([]);
      $<HTMLButtonElement>(el, '[part~="more"]')!.click();
      await until(() => seen(el).earlier.length === 7, 'the second page');
      expect(failed(), 'gone once the page came').to.equal('');
    } finally {
      await proxy.clear();
    }
  });

  it('edits an earlier reflection in the form and saves it as the same reflection', async () => {
    const activity = uniqueActivity('earlier-edit');
    const [id] = await seed(activity, 1);
    const { el, token } = await mount({ activity });
    await until(() => seen(el).earlier.length === 1);
    $<HTMLButtonElement>(el, '[part~="edit"]')!.click();
    await el.updateComplete;
    expect(seen(el).answers.achieved).to.equal('Reflection 1');
    expect(focused(el)).to.equal(field(el, 'achieved'));
    await typeInto(el, 'achieved', ' and more');
    await statusIs(el, 'saved');
    const all = await atServer(activity, token!);
    expect(all.map((r) => r.id)).to.deep.equal([id]);
    expect(all[0]!.answers[0]!.answer).to.equal('Reflection 1 and more');
  });

  it('deletes one after a confirm dialog that starts on Cancel', async () => {
    const activity = uniqueActivity('earlier-delete');
    const [newest, older] = await seed(activity, 2);
    const { el, token } = await mount({ activity });
    await until(() => seen(el).earlier.length === 2);
    $<HTMLButtonElement>(el, `[data-delete="${newest}"]`)!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog#delete')!;
    expect(dialog.open).to.equal(true);
    expect(focused(el)?.textContent?.trim()).to.equal('Cancel');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, 'dialog#delete')).to.equal(null);
    expect(focused(el)).to.equal($(el, `[data-delete="${newest}"]`));
    $<HTMLButtonElement>(el, `[data-delete="${newest}"]`)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog#delete .danger')!.click();
    await until(() => seen(el).earlier.length === 1, 'gone from the list');
    expect(seen(el).earlier).to.deep.equal([older]);
    expect((await atServer(activity, token!)).map((r) => r.id)).to.deep.equal([older]);
  });

  it('exports my reflections on this page, or all of them, as JSON and as Markdown', async () => {
    const here = uniqueActivity('export-here');
    const elsewhere = uniqueActivity('export-elsewhere');
    await seed(here, 2);
    await seed(elsewhere, 1);
    const files: { name: string; text: string }[] = [];
    const { createObjectURL } = URL;
    const { click } = HTMLAnchorElement.prototype;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const url = createObjectURL(b);
      blobs.set(url, b as Blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) void blob.text().then((text) => files.push({ name: this.download, text }));
    };
    try {
      const { el } = await mount({ activity: here });
      $<HTMLButtonElement>(el, '[part~="export"] [data-format="json"]')!.click();
      await until(() => files.length === 1, 'the JSON file');
      expect(files[0]!.name).to.match(/^reflections-\d{4}-\d{2}-\d{2}\.json$/);
      const json = JSON.parse(files[0]!.text) as { reflections: { activity: string }[] };
      expect(json.reflections.map((r) => r.activity)).to.deep.equal([here, here]);
      const which = $<HTMLSelectElement>(el, '[part~="export"] select')!;
      which.value = 'all';
      which.dispatchEvent(new Event('change'));
      $<HTMLButtonElement>(el, '[part~="export"] [data-format="markdown"]')!.click();
      await until(() => files.length === 2, 'the Markdown file');
      expect(files[1]!.name).to.match(/\.md$/);
      expect(files[1]!.text).to.contain('# My reflections');
      expect(files[1]!.text).to.contain(`## ${elsewhere}`);
      expect(files[1]!.text).to.contain('### What did we achieve?\n\nReflection 2');
      expect(seen(el).announcement).to.equal('Your reflections are downloaded.');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('works by keyboard alone: type, choose who reads it with the arrow keys, save on leaving', async () => {
    const { el, activity, token } = await mount();
    field(el, 'achieved').focus();
    await sendKeys({ type: 'By keyboard' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(field(el, 'differently'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect((focused(el) as HTMLInputElement).type).to.equal('radio');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(seen(el).who).to.equal('You and the people in your team can read this reflection.');
    await statusIs(el, 'saved');
    const [r] = await atServer(activity, token!);
    expect(r!.answers[0]!.answer).to.equal('By keyboard');
    expect(r!.visibility).to.equal('team');
  });

  it('in a right-to-left page, lays out right-to-left and gives answers their own direction', async () => {
    const holder = document.createElement('div');
    holder.dir = 'rtl';
    holder.lang = 'ar';
    document.body.append(holder);
    try {
      const { el } = await mount();
      holder.append(el.closest('div')!);
      await typeInto(el, 'achieved', 'שלום עולם');
      expect(getComputedStyle($(el, '[part~="base"]')!).direction).to.equal('rtl');
      expect(field(el, 'achieved').getAttribute('dir')).to.equal('auto');
      expect(field(el, 'achieved').matches(':dir(rtl)')).to.equal(true);
      const [question] = $$(el, '[part~="question"]');
      expect(question!.getBoundingClientRect().right).to.be.closeTo(
        $(el, '[part~="form"]')!.getBoundingClientRect().right,
        2,
      );
      await expect(el).to.be.accessible();
    } finally {
      holder.remove();
    }
  });
});

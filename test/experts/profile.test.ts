/**
 * Your own card in `<peer-expert-finder>`: "Edit" over `GET/PATCH /me/profile` with
 * `If-Match`; a change made elsewhere meanwhile (412) shows the profile as it is now without
 * losing the edit. Against the real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { API, signAs } from '../support/server.js';
import { $, announced, mount, unmountAll } from './helpers.js';
import { untilSaid } from '../support/announced.js';

async function fresh() {
  const id = `profile-${crypto.randomUUID().slice(0, 8)}`;
  return { id, token: await signAs({ id, name: 'Pia Profile' }) };
}

async function profileAt(token: string) {
  const res = await fetch(`${API}/me/profile`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as {
    askMeAbout: string[];
    availability: string;
    mentor: boolean;
    listed: boolean;
    version: number;
  };
}

const own = (el: Element) => $(el, '[part~="own"]');
const field = <T extends HTMLElement>(el: Element, sel: string) => own(el)!.querySelector<T>(sel)!;
function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

describe('<peer-expert-finder> your own profile', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('shows your card with Edit; saving changes what colleagues see', async () => {
    const me = await fresh();
    const { el } = await mount({ token: me.token });
    await waitUntil(() => own(el), 'your card');
    expect(own(el)!.querySelector('[part~="name"]')!.textContent!.trim()).to.equal('Pia Profile');
    expect(!!own(el)!.querySelector('[part~="ask"]'), 'no Ask on your own card').to.equal(false);
    field<HTMLButtonElement>(el, '[part~="edit"]').click();
    await el.updateComplete;
    setValue(field(el, 'select'), 'busy');
    setValue(field(el, 'input[id$="-ask"]'), 'onboarding, SQL reviews');
    field<HTMLInputElement>(el, 'input[type="checkbox"]').click(); // can mentor
    await expect(el).to.be.accessible();
    field<HTMLButtonElement>(el, '[part~="save"]').click();
    await waitUntil(() => !own(el)!.querySelector('form'), 'the form closes');
    await untilSaid(() => announced(el), 'Your profile was saved.');
    const p = await profileAt(me.token);
    expect(p.availability).to.equal('busy');
    expect(p.mentor).to.equal(true);
    expect(p.askMeAbout).to.deep.equal(['onboarding', 'SQL reviews']);
    await waitUntil(
      () => own(el)!.querySelector('[part~="availability"]')!.textContent!.trim() === 'Busy',
      'Busy',
    );
    expect(own(el)!.querySelector('[part~="topics"]')!.textContent).to.contain('SQL reviews');
  });

  it('a change made elsewhere meanwhile (412) shows the profile as it is now and keeps the edit', async () => {
    const me = await fresh();
    const { el } = await mount({ token: me.token });
    await waitUntil(() => own(el), 'your card');
    field<HTMLButtonElement>(el, '[part~="edit"]').click();
    await el.updateComplete;
    setValue(field(el, 'select'), 'away');
    // Another tab changes the topics first.
    const before = await profileAt(me.token);
    const res = await fetch(`${API}/me/profile`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${me.token}`,
        'Content-Type': 'application/json',
        'If-Match': `"${before.version}"`,
      },
      body: JSON.stringify({ askMeAbout: ['from the other tab'] }),
    });
    expect(res.status).to.equal(200);
    field<HTMLButtonElement>(el, '[part~="save"]').click();
    await waitUntil(
      () => own(el)!.textContent!.includes('Your profile changed elsewhere.'),
      'the conflict',
    );
    expect(
      own(el)!.querySelector('[part~="topics"]')!.textContent,
      'the profile as it is now',
    ).to.contain('from the other tab');
    expect(field<HTMLSelectElement>(el, 'select').value, 'the edit kept').to.equal('away');
    expect((await profileAt(me.token)).availability, 'nothing overwritten').to.not.equal('away');
    await expect(el).to.be.accessible();
    field<HTMLButtonElement>(el, '[part~="save"]').click();
    await waitUntil(() => !own(el)!.querySelector('form'), 'saved on the second try');
    const after = await profileAt(me.token);
    expect(after.availability).to.equal('away');
    expect(after.askMeAbout).to.deep.equal(['from the other tab']);
  });
});

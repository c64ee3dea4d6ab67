import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { configure } from '@peerkit/core';
import '@peerkit/kudos/define';
import { atServer, button, loaded, seen } from './helpers.js';
import { API, SEED, signIn, uniqueActivity, until } from '../support/server.js';

// A page-wide provider (what a CMS that cannot wrap markup uses). It is global to the page,
// so it lives in a test file of its own.
describe('<peer-kudos> with configure() instead of <peer-provider>', () => {
  failOnLitWarnings();

  it('gets its configuration from the page-wide provider, and follows a change of person', async () => {
    const activity = uniqueActivity('configure');
    const el = document.createElement('peer-kudos');
    el.setAttribute('activity', activity);
    document.body.append(el);
    const ana = await signIn(SEED.member);
    configure({ endpoint: API, token: ana });
    await loaded(el);
    expect(seen(el)).to.include({ button: true, pressed: 'false', count: '0' });

    const given = oneEvent(el, 'peer-kudos-given');
    button(el)!.click();
    await given;
    expect(await atServer(activity, ana)).to.include({ count: 1, mine: true });

    // Another person signs in on the same page: the element shows their view.
    configure({ token: await signIn(SEED.colleague) });
    await loaded(el);
    await until(() => seen(el).pressed === 'false' && seen(el).count === '1', "Ben's view");
    expect(seen(el)).to.include({ pressed: 'false', count: '1' });
    await expect(el).to.be.accessible();
    el.remove();
  });
});

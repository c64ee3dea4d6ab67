import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { PeerElement, RestClient, configure, define, type PeerErrorEvent } from '@peerkit/core';
import '@peerkit/core/define';
import { API, SEED, signIn, until } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

class PageWidget extends PeerElement {
  override render() {
    return litHtml`<p>${this.peer?.me?.name ?? '…'}</p>`;
  }
  get context() {
    return this.peer;
  }
}
define('page-widget', PageWidget);

// configure() is page-wide, so it has a test file (a page) of its own.
describe('configure()', () => {
  failOnLitWarnings();

  it('reaches widgets that were on the page before it was called', async () => {
    const widget = await fixture<PageWidget>(html`<page-widget></page-widget>`);
    expect(widget.context).to.equal(undefined);
    configure({ endpoint: API, token: await signIn(SEED.member) });
    await until(() => widget.context?.me, 'the page-wide configuration');
    expect(widget.context!.client).to.be.instanceOf(RestClient);
    expect(widget.shadowRoot!.textContent).to.contain('Ana Ruiz');
  });

  it('reaches widgets added later, and merges later calls (a new token)', async () => {
    const widget = await fixture<PageWidget>(html`<page-widget></page-widget>`);
    await until(() => widget.context?.me?.id === SEED.member, 'the first person');
    configure({ token: await signIn(SEED.colleague) });
    await until(() => widget.context?.me?.id === SEED.colleague, 'the new token');
  });

  it('gives way to a nearer <peer-provider>', async () => {
    const el = await fixture(
      html`<peer-provider endpoint=${API} locale="fr"><page-widget></page-widget></peer-provider>`,
    );
    const widget = el.querySelector('page-widget') as PageWidget;
    await until(() => widget.context?.locale === 'fr', 'the nearer provider');
  });

  it('reports a bad configuration on the document', async () => {
    const seen: PeerErrorEvent[] = [];
    const listener = (e: PeerErrorEvent) => seen.push(e);
    document.addEventListener('peer-error', listener);
    try {
      configure({ endpoint: 'ftp://files.example/api' });
      expect(seen.map((e) => e.detail.error.kind)).to.deep.equal(['config']);
    } finally {
      document.removeEventListener('peer-error', listener);
      configure({ endpoint: API });
    }
  });
});

/** The drawn window's arithmetic, without an element: which posts are in the DOM. */
import { expect } from '@open-wc/testing';
import {
  FULL_WINDOW,
  WINDOW_MAX,
  earlier,
  grow,
  range,
  reveal,
} from '../../../packages/discussion/src/model/window.js';

const posts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));

describe('drawn window (model/window.ts)', () => {
  it('draws from the top at most WINDOW_MAX posts of a long thread', () => {
    expect(range(posts(500), FULL_WINDOW)).to.deep.equal({ start: 0, end: WINDOW_MAX });
    expect(range(posts(3), FULL_WINDOW)).to.deep.equal({ start: 0, end: 3 });
  });

  it('stays on its first post when posts are inserted above it', () => {
    const list = posts(300);
    const win = grow(list, 100, 50);
    expect(win.start).to.equal('p100');
    const moved = [{ id: 'new' }, ...list];
    expect(range(moved, win)).to.deep.equal({ start: 101, end: 151 });
  });

  it('a vanished first post means the top', () => {
    expect(range(posts(10), { start: 'gone', size: 5 })).to.deep.equal({ start: 0, end: 5 });
  });

  it('growing past WINDOW_MAX moves the top down, keeping the newest drawn', () => {
    const list = posts(400);
    const win = grow(list, 0, WINDOW_MAX + 20);
    expect(win).to.deep.equal({ start: 'p20', size: WINDOW_MAX });
  });

  it('"Show earlier" draws a step more above and focuses the post just above the old top', () => {
    const list = posts(400);
    const { window, focus } = earlier(list, { start: 'p200', size: WINDOW_MAX }, 20);
    expect(window).to.deep.equal({ start: 'p180', size: WINDOW_MAX });
    expect(focus).to.equal('p199');
    expect(earlier(list, { start: 'p10', size: 20 }, 20).window).to.deep.equal({
      start: null,
      size: 30,
    });
  });

  it('revealing a post below moves the window to end with it; above moves the top to it', () => {
    const list = posts(400);
    expect(reveal(list, FULL_WINDOW, 'p300')).to.deep.equal({ start: 'p151', size: WINDOW_MAX });
    expect(reveal(list, { start: 'p200', size: 50 }, 'p120')).to.deep.equal({
      start: 'p120',
      size: 50,
    });
    expect(reveal(list, FULL_WINDOW, 'p5')).to.equal(FULL_WINDOW);
    expect(reveal(list, FULL_WINDOW, 'missing')).to.equal(FULL_WINDOW);
  });

  it('a post inserted at the end of a short window gets one more slot', () => {
    const list = posts(11);
    expect(reveal(list, { start: null, size: 10 }, 'p9')).to.deep.equal({ start: null, size: 10 });
    expect(reveal(posts(5), { start: null, size: 10 }, 'p4')).to.deep.equal({
      start: null,
      size: 11,
    });
  });
});

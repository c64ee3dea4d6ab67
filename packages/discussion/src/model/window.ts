/**
 * The drawn window: which slice of the loaded thread is in the DOM. A long thread keeps at
 * most `WINDOW_MAX` post elements; older ones give way to a "Show earlier posts" button.
 *
 * The window is anchored on a post id (not an index), so posts inserted above it (a live
 * post, a sort that puts new posts first) do not shift what the reader sees. Every function
 * here is pure: it takes the thread in reading order and returns the next window.
 */

/** Most post elements drawn at once. */
export const WINDOW_MAX = 150;

/** The first post drawn (`null`: from the top of the thread) and how many are drawn. */
export interface DrawnWindow {
  readonly start: string | null;
  readonly size: number;
}

type Listed = readonly { readonly id: string }[];

/** The window of a freshly loaded thread: from the top, as many as fit. */
export const FULL_WINDOW: DrawnWindow = { start: null, size: WINDOW_MAX };

/** The window starting at index `first` with `size` posts. */
function at(list: Listed, first: number, size: number): DrawnWindow {
  return { start: first > 0 ? (list[first]?.id ?? null) : null, size };
}

/** The drawn slice as indexes into `list`: `[start, end)`. A vanished anchor means the top. */
export function range(list: Listed, win: DrawnWindow): { start: number; end: number } {
  let start = 0;
  if (win.start) {
    const i = list.findIndex((p) => p.id === win.start);
    start = i < 0 ? 0 : i;
  }
  return { start, end: Math.min(list.length, start + win.size) };
}

/** Draws `size` posts from index `start`, moving the top down when more than `WINDOW_MAX`. */
export function grow(list: Listed, start: number, size: number): DrawnWindow {
  if (size <= WINDOW_MAX) return at(list, start, size);
  return at(list, start + (size - WINDOW_MAX), WINDOW_MAX);
}

/**
 * "Show earlier posts": `step` more posts above the window, keeping at most `WINDOW_MAX`.
 * Returns the new window and the post just above the old top (where focus goes).
 */
export function earlier(
  list: Listed,
  win: DrawnWindow,
  step: number,
): { window: DrawnWindow; focus: string | null } {
  const { start, end } = range(list, win);
  const first = Math.max(0, start - step);
  return {
    window: at(list, first, Math.min(WINDOW_MAX, end - first)),
    focus: list[start - 1]?.id ?? null,
  };
}

/**
 * The window that draws the post with id `id` (already in `list`): unchanged when it is
 * drawn (one more slot when it was just inserted at the bottom), moved up to it when it is
 * above, moved down to end with it when it is below.
 */
export function reveal(list: Listed, win: DrawnWindow, id: string): DrawnWindow {
  const i = list.findIndex((p) => p.id === id);
  if (i < 0) return win;
  const { start, end } = range(list, win);
  if (i >= start && i < end) {
    return end - start < win.size ? { ...win, size: Math.min(WINDOW_MAX, win.size + 1) } : win;
  }
  if (i < start) return { ...win, start: i > 0 ? list[i]!.id : null };
  const first = Math.max(0, i + 1 - WINDOW_MAX, Math.min(start, i));
  return at(list, first, Math.min(WINDOW_MAX, i + 1 - first));
}

/**
 * The order a page of a thread is drawn in: pure, no database, unit-tested on its own
 * (`test/server/thread-order.test.ts`).
 */

/** What ordering needs of a post: its id and its parent's. */
export interface Threaded {
  id: string;
  parent_id: string | null;
}

/**
 * Roots in the order given, each followed by its descendants depth first, siblings in the
 * order given (the caller reads them oldest first). A post whose parent is not among `rows`
 * is left out (it belongs to another page). Answers each post with its number of direct
 * replies among `rows`.
 */
export function treeOrder<R extends Threaded>(rows: readonly R[]): { row: R; replies: number }[] {
  const children = new Map<string, R[]>();
  const roots: R[] = [];
  for (const row of rows) {
    if (row.parent_id === null) roots.push(row);
    else {
      const list = children.get(row.parent_id);
      if (list) list.push(row);
      else children.set(row.parent_id, [row]);
    }
  }
  const out: { row: R; replies: number }[] = [];
  // An explicit stack rather than recursion: a reply chain thousands deep must not overflow.
  const stack: R[] = [...roots].reverse();
  while (stack.length) {
    const row = stack.pop()!;
    const kids = children.get(row.id) ?? [];
    out.push({ row, replies: kids.length });
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** An id usable inside an IDREF list (no white space): `domId('p', id)` for a post's article. */
export const domId = (prefix: string, id: string): string =>
  `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

/** The page's own IRI: its canonical URL, else its address without the hash. */
export function pageIri(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  if (canonical?.href) return canonical.href;
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
}

/**
 * Static files: the demo page (`demo/` at `/`) and the one-script-tag bundle
 * (`packages/peerkit/dist/cdn/` at `/cdn/`). Missing files answer a clean 404; paths never
 * leave their folder. HTML goes out with the strict Content-Security-Policy the kit is
 * built to live under (Trusted Types for `lit-html` and `peerkit`).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export const DEMO_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'self'"],
  requireTrustedTypesFor: ["'script'"],
  trustedTypes: ['lit-html', 'peerkit'],
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const UP_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Peerkit server</title></head>
<body>
<main>
<h1>The Peerkit server is up</h1>
<p>The demo page appears here once <code>demo/index.html</code> exists.</p>
<ul>
<li><a href="/api/health">Health</a></li>
<li><a href="/api/openapi.json">OpenAPI document</a></li>
<li><a href="/api/demo/people">Demo people</a></li>
</ul>
</main>
</body>
</html>
`;

/** Answers a static file for `pathname` under `root`, or `undefined` when there is none. */
export async function serveFile(root: string, pathname: string): Promise<Response | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  let file = resolve(join(base, decoded));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return undefined;
    const body = await readFile(file);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, {
      headers: {
        'content-type': type,
        'cache-control': 'no-cache',
        'last-modified': info.mtime.toUTCString(),
      },
    });
  } catch {
    return undefined;
  }
}

export function upPage(): Response {
  return new Response(UP_PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

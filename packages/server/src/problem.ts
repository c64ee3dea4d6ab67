/**
 * Errors as RFC 9457 problem details. Handlers throw `HttpError`; the app's error handler
 * turns it (and anything unexpected, without its stack) into `application/problem+json`.
 */
import type { Problem } from '@peerkit/core/contract';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly extra: {
      errors?: { path: string; message: string }[];
      headers?: Record<string, string>;
      type?: string;
      /** More members of the problem object (a 412's `current`). */
      members?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? TITLES[status] ?? 'Error');
  }
}

export function problemBody(
  status: number,
  detail?: string,
  extra: {
    errors?: { path: string; message: string }[];
    type?: string;
    members?: Record<string, unknown>;
  } = {},
): Problem {
  return {
    ...extra.members,
    type: extra.type ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
}

export function problemResponse(
  status: number,
  detail?: string,
  extra: HttpError['extra'] = {},
): Response {
  return new Response(JSON.stringify(problemBody(status, detail, extra)), {
    status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
  });
}

/** Turns zod issues into the `errors` list of a 400. */
export function issuesToErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): { path: string; message: string }[] {
  return issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

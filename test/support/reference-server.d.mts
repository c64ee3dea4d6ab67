// Types for reference-server.mjs (plain JS: web-test-runner.config.mjs loads it before any
// TypeScript transform), for the TypeScript tests that import it.

export declare const TEST_JWT_SECRET: string;
export declare const TEST_XAPI_KEY: string;
export declare const TEST_XAPI_SECRET: string;
export declare const TEST_SERVER_ENV: Readonly<Record<string, string>>;

export interface ReferenceServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
}

export declare function startReferenceServer(options?: {
  timeoutMs?: number;
  env?: Record<string, string>;
}): Promise<ReferenceServer>;

export declare function referenceServerMiddleware(
  getOrigin: () => Promise<string>,
): (ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>;

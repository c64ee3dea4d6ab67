/**
 * One small database interface over two drivers: embedded PostgreSQL (PGlite) and real
 * PostgreSQL (`pg`). Every query of the server is plain PostgreSQL that runs unchanged
 * on both; the differences (int8 parsing, transactions, LISTEN) are settled here.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import pg from 'pg';

// PGlite returns int8 as a number, `pg` as a string: make them agree (our bigints are
// sequence values and counts, far below 2^53).
pg.types.setTypeParser(20, (v: string) => Number(v));
// NUMERIC too (averages, sums).
pg.types.setTypeParser(1700, (v: string) => Number(v));

export type Row = Record<string, unknown>;

/** What a query can run on: the database or an open transaction. */
export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * `query` as a named prepared statement, parsed once per connection and then only bound
   * and run (PostgreSQL may keep a generic plan after five runs: no planning either). For
   * the hot reads whose text is fixed (the expert search, docs/decisions.md §12); the
   * database offers it, a transaction does not (`queryPrepared` falls back to `query`).
   */
  prepared?<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** `q.prepared` where `q` offers it, else `q.query`: same rows either way. */
export function queryPrepared<T = Row>(q: Queryable, sql: string, params: unknown[]) {
  return q.prepared ? q.prepared<T>(sql, params) : q.query<T>(sql, params);
}

/** A statement's name: a hash of its text, so one text is one statement per connection. */
const statementName = (sql: string) =>
  `pk_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves with the function that unsubscribes. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (a snapshot to start from later). */
  dump?(): Promise<Blob>;
}

export interface DbOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Directory for the embedded database; `undefined` keeps it in memory. */
  dataDir?: string;
  /** A `dumpDataDir` tarball to start the in-memory database from (fast test starts). */
  snapshot?: string;
}

export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options);
}

async function openPglite(options: DbOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  // The contrib extensions the migrations create (the same SQL as on PostgreSQL).
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const loadDataDir =
    !options.dataDir && options.snapshot ? new Blob([await readFile(options.snapshot)]) : undefined;
  const db = await PGlite.create({
    extensions: { pg_trgm },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await db.query<T>(sql, params);
      return r.rows;
    },
    prepared: await pglitePrepared(db),
    tx<T>(fn: (q: Queryable) => Promise<T>) {
      return db.transaction(async (t) =>
        fn({
          async query<R>(sql: string, params: unknown[] = []) {
            return (await t.query<R>(sql, params)).rows;
          },
        }),
      );
    },
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async close() {
      if (!db.closed) await db.close();
    },
    async dump() {
      return db.dumpDataDir('none');
    },
  };
}

type PGliteDb = Awaited<ReturnType<(typeof import('@electric-sql/pglite'))['PGlite']['create']>>;

/**
 * `Queryable.prepared` on PGlite, which has no API for it: the statement is parsed once
 * (Parse, Describe), then each run is one Bind, Describe, Execute, Sync in a single call
 * into the database, where `PGlite.query` parses, describes and plans the text anew in six.
 * Parameters are serialised and rows parsed as `PGlite.query` does (its own serialisers and
 * parsers), under the same two locks, so it never runs inside another caller's transaction.
 */
async function pglitePrepared(db: PGliteDb) {
  const { protocol, parse } = await import('@electric-sql/pglite');
  const { serialize } = protocol;
  const statements = new Map<string, { name: string; types: number[] }>();
  const call = async (messages: Uint8Array[]) => {
    const buffer = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
    messages.reduce((at, m) => (buffer.set(m, at), at + m.length), 0);
    return (await db.execProtocol(buffer, { syncToFs: false })).messages;
  };
  const statement = async (sql: string) => {
    let known = statements.get(sql);
    if (!known) {
      const name = statementName(sql);
      const described = await call([
        serialize.parse({ name, text: sql }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]);
      known = { name, types: parse.parseDescribeStatementResults(described) };
      statements.set(sql, known);
    }
    return known;
  };
  return <T>(sql: string, params: unknown[] = []) =>
    db._runExclusiveTransaction(() =>
      db._runExclusiveQuery(async () => {
        const { name, types } = await statement(sql);
        const values = params.map((v, i) => {
          if (v === null || v === undefined) return null;
          const serializer = db.serializers[types[i]!];
          return serializer ? serializer(v) : String(v);
        });
        const messages = await call([
          serialize.bind({ statement: name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]);
        return (parse.parseResults(messages, db.parsers)[0]?.rows ?? []) as T[];
      }),
    );
}

/** `fn` in one transaction on one client of the pool: committed, or rolled back on error. */
async function poolTx<T>(pool: pg.Pool, fn: (q: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn({
      async query<R>(sql: string, params: unknown[] = []) {
        return (await client.query(sql, params as unknown[])).rows as R[];
      },
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that dies (server restart) must not crash the process.
  pool.on('error', () => {});
  let listener: pg.PoolClient | undefined;
  let closed = false;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;
  const ensureListener = async (): Promise<pg.PoolClient> => {
    if (listener) return listener;
    const client = await pool.connect();
    client.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    client.on('error', () => {
      // The LISTEN connection broke (database restart, network): reconnect and LISTEN
      // again, or live streams and cache invalidation would silently stop.
      if (listener !== client) return;
      listener = undefined;
      client.release(true);
      const retry = () => {
        if (closed || listener) return;
        ensureListener().catch(() => setTimeout(retry, 1_000).unref());
      };
      setTimeout(retry, 100).unref();
    });
    for (const channel of handlers.keys()) await client.query(`LISTEN ${quote(channel)}`);
    listener = client;
    return client;
  };
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await pool.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async prepared<T>(sql: string, params: unknown[] = []) {
      const r = await pool.query({ name: statementName(sql), text: sql, values: params });
      return r.rows as T[];
    },
    tx: (fn) => poolTx(pool, fn),
    async listen(channel, onPayload) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        const hadListener = !!listener;
        const client = await ensureListener();
        // A new listener LISTENs to every known channel itself.
        if (hadListener) await client.query(`LISTEN ${quote(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      closed = true;
      if (listener) {
        listener.release();
        listener = undefined;
      }
      await pool.end();
    },
  };
}

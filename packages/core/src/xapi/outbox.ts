/**
 * The durable outbox: statements wait in IndexedDB (through `idb`) until the LRS has them.
 * One database per page origin, shared by every tab and recorder; each entry names the
 * statements URL it is for (`target`), so recorders for different LRSs keep apart.
 * Statements the LRS refused (a 400 on their own) move to the `dead` store.
 *
 * When IndexedDB will not open or refuses a write (private browsing, a policy, a version
 * clash with another page's database of the same name, a full quota), the outbox keeps
 * working in memory for the life of the page (docs/decisions.md §7): statements are still delivered,
 * they just do not survive a reload. The failure goes to `onFallback` (the recorder reports it
 * once per page: `storageFailed`, a `PeerError` of kind `'storage'`); what IndexedDB already
 * held stays there for the next page that can open it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Statement } from '../contract.js';

export interface OutboxEntry {
  id: string;
  target: string;
  /** Order of queueing (ms since epoch on the server's clock, times 1,000, plus a counter). */
  seq: number;
  statement: Statement;
}

export interface DeadEntry extends OutboxEntry {
  status: number;
  reason: string;
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byTarget: [string, number] } };
  dead: { key: string; value: DeadEntry; indexes: { byTarget: [string, number] } };
}

/** What the outbox does, in IndexedDB or in memory. */
interface Store {
  add(entry: OutboxEntry): Promise<void>;
  count(): Promise<number>;
  peek(limit: number): Promise<OutboxEntry[]>;
  remove(ids: string[]): Promise<void>;
  bury(entry: OutboxEntry, status: number, reason: string): Promise<void>;
  dead(): Promise<DeadEntry[]>;
  close(): Promise<void>;
}

let counter = 0;

class IdbStore implements Store {
  constructor(
    private readonly db: IDBPDatabase<OutboxDb>,
    private readonly target: string,
  ) {}

  static async open(name: string, target: string): Promise<IdbStore> {
    const db = await openDB<OutboxDb>(name, 1, {
      upgrade(db) {
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byTarget', [
          'target',
          'seq',
        ]);
        db.createObjectStore('dead', { keyPath: 'id' }).createIndex('byTarget', ['target', 'seq']);
      },
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
      },
    });
    return new IdbStore(db, target);
  }

  private range() {
    return IDBKeyRange.bound([this.target, -Infinity], [this.target, Infinity]);
  }

  async add(entry: OutboxEntry): Promise<void> {
    await this.db.put('outbox', entry);
  }

  count(): Promise<number> {
    return this.db.countFromIndex('outbox', 'byTarget', this.range());
  }

  peek(limit: number): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'byTarget', this.range(), limit);
  }

  async remove(ids: string[]): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  async bury(entry: OutboxEntry, status: number, reason: string): Promise<void> {
    const tx = this.db.transaction(['outbox', 'dead'], 'readwrite');
    await Promise.all([
      tx.objectStore('dead').put({ ...entry, status, reason }),
      tx.objectStore('outbox').delete(entry.id),
      tx.done,
    ]);
  }

  dead(): Promise<DeadEntry[]> {
    return this.db.getAllFromIndex('dead', 'byTarget', this.range());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** The outbox for the life of the page, when IndexedDB will not do. */
class MemoryStore implements Store {
  private readonly waiting = new Map<string, OutboxEntry>();
  private readonly refused = new Map<string, DeadEntry>();

  async add(entry: OutboxEntry): Promise<void> {
    this.waiting.set(entry.id, entry);
  }

  async count(): Promise<number> {
    return this.waiting.size;
  }

  async peek(limit: number): Promise<OutboxEntry[]> {
    return [...this.waiting.values()].sort((a, b) => a.seq - b.seq).slice(0, limit);
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.waiting.delete(id);
  }

  async bury(entry: OutboxEntry, status: number, reason: string): Promise<void> {
    this.waiting.delete(entry.id);
    this.refused.set(entry.id, { ...entry, status, reason });
  }

  async dead(): Promise<DeadEntry[]> {
    return [...this.refused.values()];
  }

  async close(): Promise<void> {}
}

export class Outbox {
  private store?: Promise<Store>;
  private memory?: MemoryStore;

  constructor(
    readonly name: string,
    readonly target: string,
    /** Told once IndexedDB failed and the outbox moved to memory (what the browser threw). */
    private readonly onFallback: (cause: unknown) => void = () => {},
  ) {}

  /** IndexedDB, or memory once IndexedDB has failed on this outbox. */
  private open(): Promise<Store> {
    return (this.store ??= IdbStore.open(this.name, this.target).catch((e: unknown) =>
      this.fallBack(e),
    ));
  }

  private fallBack(cause: unknown): MemoryStore {
    if (!this.memory) this.onFallback(cause);
    this.memory ??= new MemoryStore();
    this.store = Promise.resolve(this.memory);
    return this.memory;
  }

  /** Runs `op` on the store; an IndexedDB failure moves the outbox to memory and runs it there. */
  private async use<T>(op: (store: Store) => Promise<T>): Promise<T> {
    const store = await this.open();
    try {
      return await op(store);
    } catch (e) {
      if (store === this.memory) throw e;
      void store.close().catch(() => {});
      return op(this.fallBack(e));
    }
  }

  add(statement: Statement): Promise<void> {
    // The queue's order and a batch's age are this browser's own business: its clock, which
    // the server-clock estimate (which starts at 0 and may be corrected) must not reorder.
    // The statement's `timestamp` is the server's (statement.ts).
    const seq = Date.now() * 1000 + (counter++ % 1000);
    return this.use((s) => s.add({ id: statement.id, target: this.target, seq, statement }));
  }

  count(): Promise<number> {
    return this.use((s) => s.count());
  }

  /** The oldest `limit` entries. */
  peek(limit: number): Promise<OutboxEntry[]> {
    return this.use((s) => s.peek(limit));
  }

  remove(ids: string[]): Promise<void> {
    return this.use((s) => s.remove(ids));
  }

  /** Moves an entry the LRS refused to the dead-letter store. */
  bury(entry: OutboxEntry, status: number, reason: string): Promise<void> {
    return this.use((s) => s.bury(entry, status, reason));
  }

  dead(): Promise<DeadEntry[]> {
    return this.use((s) => s.dead());
  }

  async close(): Promise<void> {
    const store = await this.store?.catch(() => undefined);
    if (store !== this.memory) await store?.close();
    this.store = this.memory ? Promise.resolve(this.memory) : undefined;
  }
}

/**
 * The durable outbox: statements wait in IndexedDB (through `idb`) until the LRS has them.
 * One database per page origin, shared by every tab and recorder; each entry names the
 * statements URL it is for (`target`), so recorders for different LRSs keep apart.
 * Statements the LRS refused (a 400 on their own) move to the `dead` store.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Statement } from '../contract.js';

export interface OutboxEntry {
  id: string;
  target: string;
  /** Order of queueing (ms since epoch plus a counter). */
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

let counter = 0;

export class Outbox {
  private db?: Promise<IDBPDatabase<OutboxDb>>;

  constructor(
    readonly name: string,
    readonly target: string,
  ) {}

  private open(): Promise<IDBPDatabase<OutboxDb>> {
    return (this.db ??= openDB<OutboxDb>(this.name, 1, {
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
    }));
  }

  private range() {
    return IDBKeyRange.bound([this.target, -Infinity], [this.target, Infinity]);
  }

  async add(statement: Statement): Promise<void> {
    const db = await this.open();
    const seq = Date.now() * 1000 + (counter++ % 1000);
    await db.put('outbox', { id: statement.id, target: this.target, seq, statement });
  }

  async count(): Promise<number> {
    const db = await this.open();
    return db.countFromIndex('outbox', 'byTarget', this.range());
  }

  /** The oldest `limit` entries. */
  async peek(limit: number): Promise<OutboxEntry[]> {
    const db = await this.open();
    return db.getAllFromIndex('outbox', 'byTarget', this.range(), limit);
  }

  async remove(ids: string[]): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  /** Moves an entry the LRS refused to the dead-letter store. */
  async bury(entry: OutboxEntry, status: number, reason: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['outbox', 'dead'], 'readwrite');
    await Promise.all([
      tx.objectStore('dead').put({ ...entry, status, reason }),
      tx.objectStore('outbox').delete(entry.id),
      tx.done,
    ]);
  }

  async dead(): Promise<DeadEntry[]> {
    const db = await this.open();
    return db.getAllFromIndex('dead', 'byTarget', this.range());
  }

  async close(): Promise<void> {
    const db = await this.db?.catch(() => undefined);
    db?.close();
    this.db = undefined;
  }
}

import type { ActivityTypeName, VerbName } from './vocabulary.js';

/** What a widget tells the recorder; the recorder builds the full statement. */
export interface StatementInput {
  verb: VerbName;
  object: {
    /** The activity IRI (a post, a thread, a person, a page). */
    id: string;
    type: ActivityTypeName;
    /** A human name for LRS reports, in the page's language. */
    name?: string;
  };
  result?: { response?: string; success?: boolean; extensions?: Record<string, unknown> };
  /**
   * The parent activity. Defaults to the page (canonical URL, else `location.href` without
   * the hash). A reply names its parent post here, with the thread as grouping.
   */
  parent?: { id: string; type: ActivityTypeName; name?: string };
  grouping?: { id: string; type: ActivityTypeName; name?: string }[];
  /** Activities the statement is related to otherwise (`context.contextActivities.other`). */
  other?: { id: string; type: ActivityTypeName; name?: string }[];
  extensions?: Record<string, unknown>;
}

/** The recorder widgets get through context. */
export interface Recorder {
  /** Queues a statement in the durable outbox and schedules a batch; resolves once queued. */
  record(input: StatementInput): Promise<void>;
  /** Sends what is queued now. */
  flush(): Promise<void>;
}

/**
 * Versioned SQL migrations, run in order at start on PGlite and PostgreSQL alike. A
 * migration is never edited once released: add a new one. Each runs in its own
 * transaction together with its row in `schema_migrations`, and an advisory lock keeps
 * two instances starting at once on one PostgreSQL from racing.
 *
 * Every query path has its index; the comment above each names the query it serves.
 */
import type { Db } from './db.js';
import { RANKING_MIGRATION } from './ranking-migration.js';

export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  title TEXT,
  team TEXT,
  roles TEXT[] NOT NULL DEFAULT '{}',
  ask_me_about TEXT[] NOT NULL DEFAULT '{}',
  mentor BOOLEAN NOT NULL DEFAULT FALSE,
  demo BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- demo people list
CREATE INDEX people_demo ON people (demo, name);

CREATE TABLE person_skills (
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  skill TEXT NOT NULL,
  skill_key TEXT NOT NULL,
  level INT NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (person_id, skill_key)
);
-- people by skill, skill suggestions
CREATE INDEX person_skills_by_skill ON person_skills (skill_key, person_id);

CREATE TABLE endorsements (
  person_id TEXT NOT NULL,
  skill_key TEXT NOT NULL,
  endorser_id TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, skill_key, endorser_id),
  FOREIGN KEY (person_id, skill_key) REFERENCES person_skills(person_id, skill_key) ON DELETE CASCADE
);

CREATE TABLE posts (
  seq BIGSERIAL UNIQUE,
  id TEXT PRIMARY KEY,
  activity TEXT NOT NULL,
  parent_id TEXT REFERENCES posts(id),
  root_id TEXT NOT NULL,
  depth INT NOT NULL,
  author_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  edited_at TIMESTAMPTZ,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  -- a deleted post without replies left: gone from every answer
  removed BOOLEAN NOT NULL DEFAULT FALSE,
  hidden BOOLEAN NOT NULL DEFAULT FALSE,
  kudos INT NOT NULL DEFAULT 0
);
-- thread page, sort oldest/newest: root posts of an activity by seq
CREATE INDEX posts_roots ON posts (activity, seq) WHERE parent_id IS NULL AND NOT removed;
-- thread page, sort top
CREATE INDEX posts_roots_top ON posts (activity, kudos, seq) WHERE parent_id IS NULL AND NOT removed;
-- the descendants of a page of roots
CREATE INDEX posts_by_root ON posts (root_id, seq);
-- thread total
CREATE INDEX posts_by_activity ON posts (activity) WHERE NOT removed;
-- reply counts, pruning deleted placeholders
CREATE INDEX posts_by_parent ON posts (parent_id) WHERE NOT removed;
-- activity of a person on an activity (expert ranking)
CREATE INDEX posts_by_author ON posts (author_id, activity);

CREATE TABLE kudos (
  seq BIGSERIAL UNIQUE,
  activity TEXT NOT NULL,
  giver_id TEXT NOT NULL,
  recipient_id TEXT,
  post_id TEXT,
  value TEXT,
  message TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (activity, giver_id)
);
-- givers of an activity, newest first (counts use the primary key)
CREATE INDEX kudos_givers ON kudos (activity, seq);
-- kudos received by a person (expert ranking)
CREATE INDEX kudos_by_recipient ON kudos (recipient_id);

CREATE TABLE reports (
  seq BIGSERIAL UNIQUE,
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts(id),
  reporter_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_by TEXT,
  resolved_at TIMESTAMPTZ,
  UNIQUE (post_id, reporter_id)
);
-- the moderators' queue
CREATE INDEX reports_queue ON reports (status, seq);

CREATE TABLE reflections (
  seq BIGSERIAL UNIQUE,
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL,
  activity TEXT NOT NULL,
  visibility TEXT NOT NULL,
  answers JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- scope mine
CREATE INDEX reflections_mine ON reflections (author_id, activity, seq);
-- scopes team and public
CREATE INDEX reflections_shared ON reflections (activity, visibility, seq);

-- live thread events: SSE resume from Last-Event-ID
CREATE TABLE post_events (
  seq BIGSERIAL PRIMARY KEY,
  activity TEXT NOT NULL,
  type TEXT NOT NULL,
  payload JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX post_events_by_activity ON post_events (activity, seq);

CREATE TABLE idempotency (
  person_id TEXT NOT NULL,
  key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status INT,
  response TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, key)
);
CREATE INDEX idempotency_age ON idempotency (created_at);

CREATE TABLE rate_limits (
  person_id TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  count INT NOT NULL,
  PRIMARY KEY (person_id, window_start)
);
`,
  },
  {
    version: 2,
    name: 'statements (LRS) and the forwarding queue',
    sql: `
CREATE TABLE statements (
  seq BIGSERIAL UNIQUE,
  id TEXT PRIMARY KEY,
  statement JSONB NOT NULL,
  verb_id TEXT NOT NULL,
  object_id TEXT,
  agents TEXT[] NOT NULL DEFAULT '{}',
  related_agents TEXT[] NOT NULL DEFAULT '{}',
  related_activities TEXT[] NOT NULL DEFAULT '{}',
  registration TEXT,
  voids TEXT,
  stored TIMESTAMPTZ NOT NULL,
  voided BOOLEAN NOT NULL DEFAULT FALSE
);
-- the filters of GET /xapi/statements, each ordered by stored
CREATE INDEX statements_stored ON statements (stored, seq);
CREATE INDEX statements_verb ON statements (verb_id, stored);
CREATE INDEX statements_object ON statements (object_id, stored);
CREATE INDEX statements_registration ON statements (registration, stored);
CREATE INDEX statements_agents ON statements USING GIN (agents);
CREATE INDEX statements_related_agents ON statements USING GIN (related_agents);
CREATE INDEX statements_related_activities ON statements USING GIN (related_activities);
-- voiding statements that arrived before their target
CREATE INDEX statements_voids ON statements (voids) WHERE voids IS NOT NULL;

CREATE TABLE lrs_outbox (
  seq BIGSERIAL PRIMARY KEY,
  statement_id TEXT NOT NULL UNIQUE,
  statement JSONB NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  lease_until TIMESTAMPTZ,
  sent_at TIMESTAMPTZ,
  last_error TEXT
);
-- what is due
CREATE INDEX lrs_outbox_due ON lrs_outbox (next_attempt_at, seq) WHERE sent_at IS NULL;
`,
  },
  {
    version: 3,
    name: 'statements: StatementRef targets and re-derivable filter columns',
    sql: `
ALTER TABLE statements ADD COLUMN object_ref TEXT;
-- the columns the filters read were derived by an older server: derived again at start
ALTER TABLE statements ADD COLUMN index_version INT NOT NULL DEFAULT 0;
-- GET /xapi/statements: statements that target another (StatementRef chains)
CREATE INDEX statements_object_ref ON statements (object_ref) WHERE object_ref IS NOT NULL;
-- start: rows whose filter columns an older server derived
CREATE INDEX statements_index_version ON statements (index_version);
`,
  },
  {
    version: 4,
    name: 'versions for If-Match (posts, reflections, profiles) and the profile fields',
    sql: `
ALTER TABLE posts ADD COLUMN version INT NOT NULL DEFAULT 1;
ALTER TABLE reflections ADD COLUMN version INT NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN wants_to_learn TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE people ADD COLUMN availability TEXT;
ALTER TABLE people ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE people ADD COLUMN profile_version INT NOT NULL DEFAULT 1;
`,
  },
  {
    version: 5,
    name: 'skill tags on posts (docs/decisions.md §11)',
    sql: `
CREATE TABLE post_tags (
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  -- as shown: the vocabulary's spelling when the skill exists
  skill TEXT NOT NULL,
  -- lower(skill), as person_skills.skill_key
  skill_key TEXT NOT NULL,
  -- the order the tags were written in
  position INT NOT NULL,
  PRIMARY KEY (post_id, skill_key)
);
-- GET /posts?tag=, an activity's skills, accepted answers per skill
CREATE INDEX post_tags_by_skill ON post_tags (skill_key, post_id);
`,
  },
  {
    version: 6,
    name: 'profile availability as an enum (the free text kept as a note)',
    sql: `
ALTER TABLE people ADD COLUMN availability_note TEXT;
-- a stored free-text availability that is not one of the values becomes the note
UPDATE people SET availability_note = availability
  WHERE availability IS NOT NULL AND lower(btrim(availability)) NOT IN ('available', 'busy', 'away', 'unknown');
UPDATE people SET availability = CASE
  WHEN lower(btrim(availability)) IN ('available', 'busy', 'away') THEN lower(btrim(availability))
  ELSE 'unknown' END;
ALTER TABLE people ALTER COLUMN availability SET DEFAULT 'unknown';
ALTER TABLE people ALTER COLUMN availability SET NOT NULL;
ALTER TABLE people ADD CONSTRAINT people_availability
  CHECK (availability IN ('available', 'busy', 'away', 'unknown'));
`,
  },
  {
    version: 7,
    name: 'team reflections: team, closed, members entries, live events',
    sql: `
ALTER TABLE reflections ADD COLUMN team TEXT;
ALTER TABLE reflections ADD COLUMN closed BOOLEAN NOT NULL DEFAULT FALSE;
-- one open team reflection per team and activity (PUT answers 409 with it)
CREATE UNIQUE INDEX reflections_team_open ON reflections (team, activity)
  WHERE team IS NOT NULL AND NOT closed;
-- team= and scope team: a team's team reflections on an activity, newest first
CREATE INDEX reflections_by_team ON reflections (team, activity, seq) WHERE team IS NOT NULL;
-- scope mine without an activity (the export)
CREATE INDEX reflections_mine_all ON reflections (author_id, seq);

CREATE TABLE reflection_entries (
  seq BIGSERIAL UNIQUE,
  id TEXT PRIMARY KEY,
  reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
  prompt TEXT NOT NULL,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  version INT NOT NULL DEFAULT 1,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- the entries of a page of reflections, oldest first
CREATE INDEX reflection_entries_by_reflection ON reflection_entries (reflection_id, seq);
-- scope mine: the team reflections a person wrote in
CREATE INDEX reflection_entries_by_author ON reflection_entries (author_id, reflection_id);

-- live team reflection events: SSE resume from Last-Event-ID (stream = [team, activity])
CREATE TABLE reflection_events (
  seq BIGSERIAL PRIMARY KEY,
  stream TEXT NOT NULL,
  type TEXT NOT NULL,
  payload JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX reflection_events_by_stream ON reflection_events (stream, seq);
-- housekeeping: events older than a day
CREATE INDEX reflection_events_age ON reflection_events (created_at);
`,
  },
  {
    version: 8,
    name: 'LRS documents (state, activity and agent profiles) and statement attachments',
    sql: `
CREATE TABLE xapi_documents (
  kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  agent TEXT NOT NULL,
  registration TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  content BYTEA NOT NULL,
  content_type TEXT NOT NULL,
  etag TEXT NOT NULL,
  updated TIMESTAMPTZ NOT NULL,
  -- GET one document, and the ids of a set (the primary key's prefix)
  PRIMARY KEY (kind, activity_id, agent, registration, doc_id)
);

CREATE TABLE xapi_attachments (
  sha2 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  content BYTEA NOT NULL
);
`,
  },
  {
    // Numbered per docs/decisions.md §13: this branch's migrations are 5, 9, 13, 17.
    version: 9,
    name: 'mentions in posts (docs/decisions.md §10)',
    sql: `
CREATE TABLE post_mentions (
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  -- the order of first appearance in the body
  position INT NOT NULL,
  PRIMARY KEY (post_id, person_id)
);
-- the posts that mention a person
CREATE INDEX post_mentions_by_person ON post_mentions (person_id, post_id);
`,
  },
  {
    version: 10,
    name: 'expert search: trigram indexes, person text, recency',
    sql: `
-- pg_trgm: bundled with PostgreSQL (a trusted extension since 13) and loaded by PGlite
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- GET /people?q=: what free text matches (name, title, team, ask-me-about topics). IMMUTABLE
-- so it can be indexed (array_to_string of text[] does not depend on settings), and so the
-- planner keeps it whole and matches the index.
CREATE FUNCTION peerkit_person_text(name TEXT, title TEXT, team TEXT, topics TEXT[])
  RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT name || ' ' || COALESCE(title, '') || ' ' || COALESCE(team, '') || ' ' || array_to_string(topics, ' ') $$;
-- GET /people?q=: people by name, title, team or topic (listed people only are searched)
CREATE INDEX people_search ON people
  USING GIN (peerkit_person_text(name, title, team, ask_me_about) gin_trgm_ops) WHERE listed;
-- GET /people?q=, GET /skills?q=: skills by name
CREATE INDEX person_skills_search ON person_skills USING GIN (skill gin_trgm_ops);
-- expert ranking: a person's last readable post (recency), their thanked posts
CREATE INDEX posts_by_author_recent ON posts (author_id, created_at)
  WHERE NOT deleted AND NOT removed AND NOT hidden;
`,
  },
  {
    version: 13,
    name: 'questions, accepted answers and highlights (docs/decisions.md §18)',
    sql: `
-- a direct reply accepted as an answer: when, and by whom (NULL: not accepted)
ALTER TABLE posts ADD COLUMN accepted_at TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN accepted_by TEXT;
-- a root post: its first direct reply by someone else, its first acceptance, its accepted answers now
ALTER TABLE posts ADD COLUMN first_answered_at TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN first_accepted_at TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN accepted_count INT NOT NULL DEFAULT 0;
-- highlighted by a moderator: when, and by whom
ALTER TABLE posts ADD COLUMN highlighted_at TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN highlighted_by TEXT;
-- thread page, sort unanswered, filters unanswered / answered and the open count
CREATE INDEX posts_roots_open ON posts (activity, (accepted_count > 0), seq)
  WHERE parent_id IS NULL AND NOT removed;
-- filter mine
CREATE INDEX posts_roots_by_author ON posts (activity, author_id, seq)
  WHERE parent_id IS NULL AND NOT removed;
-- filter highlighted
CREATE INDEX posts_highlighted ON posts (root_id) WHERE highlighted_at IS NOT NULL;
-- accepted answers per person (expert ranking)
CREATE INDEX posts_accepted_by_author ON posts (author_id) WHERE accepted_at IS NOT NULL;
`,
  },
  {
    version: 14,
    name: 'expert search: the free text in a column, counters the ranking reads, a people notification',
    sql: `
-- migration 10 indexed a function per row; the column below replaces it
DROP INDEX people_search;
DROP FUNCTION peerkit_person_text(TEXT, TEXT, TEXT, TEXT[]);
-- recency reads people.last_post_at (below) instead
DROP INDEX posts_by_author_recent;
-- GET /people?q=: what free text matches (name, title, team, ask-me-about topics), kept in
-- a column by a trigger so the trigram index and the ranking read it directly.
ALTER TABLE people ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE FUNCTION peerkit_search_text() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_text := NEW.name || ' ' || COALESCE(NEW.title, '') || ' ' || COALESCE(NEW.team, '') || ' ' || array_to_string(NEW.ask_me_about, ' '); RETURN NEW; END $$;
CREATE TRIGGER people_search_text BEFORE INSERT OR UPDATE OF name, title, team, ask_me_about
  ON people FOR EACH ROW EXECUTE FUNCTION peerkit_search_text();
UPDATE people SET name = name;
-- GET /people?q=: people by name, title, team or topic (only listed people are searched)
CREATE INDEX people_search_text ON people USING GIN (search_text gin_trgm_ops) WHERE listed;

-- Counters the ranking reads instead of counting per candidate, kept by triggers so every
-- writer (endorsements, kudos, posts) keeps them right.
ALTER TABLE person_skills ADD COLUMN endorsements INT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN endorsements INT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN kudos_received INT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN last_post_at TIMESTAMPTZ;
UPDATE person_skills s SET endorsements = (SELECT count(*) FROM endorsements e
  WHERE e.person_id = s.person_id AND e.skill_key = s.skill_key);
UPDATE people p SET endorsements = (SELECT count(*) FROM endorsements e WHERE e.person_id = p.id),
  kudos_received = (SELECT count(*) FROM kudos k WHERE k.recipient_id = p.id),
  last_post_at = (SELECT max(po.created_at) FROM posts po WHERE po.author_id = p.id);

CREATE FUNCTION peerkit_count_endorsement() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE d INT := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END; r endorsements := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END; BEGIN UPDATE person_skills SET endorsements = endorsements + d WHERE person_id = r.person_id AND skill_key = r.skill_key; UPDATE people SET endorsements = endorsements + d WHERE id = r.person_id; RETURN NULL; END $$;
CREATE TRIGGER endorsements_count AFTER INSERT OR DELETE ON endorsements
  FOR EACH ROW EXECUTE FUNCTION peerkit_count_endorsement();

CREATE FUNCTION peerkit_count_kudos() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'DELETE' AND NEW.recipient_id IS NOT NULL THEN UPDATE people SET kudos_received = kudos_received + 1 WHERE id = NEW.recipient_id; END IF; IF TG_OP <> 'INSERT' AND OLD.recipient_id IS NOT NULL THEN UPDATE people SET kudos_received = kudos_received - 1 WHERE id = OLD.recipient_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER kudos_count AFTER INSERT OR DELETE OR UPDATE OF recipient_id ON kudos
  FOR EACH ROW EXECUTE FUNCTION peerkit_count_kudos();

CREATE FUNCTION peerkit_last_post() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE people SET last_post_at = GREATEST(last_post_at, NEW.created_at) WHERE id = NEW.author_id; RETURN NULL; END $$;
CREATE TRIGGER posts_last_post AFTER INSERT ON posts
  FOR EACH ROW EXECUTE FUNCTION peerkit_last_post();

-- Every change that can move a ranking tells every instance to drop its cached people
-- answers (cache.ts; identical notifications of one transaction are sent once).
CREATE FUNCTION peerkit_notify_people() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('peerkit_people', ''); RETURN NULL; END $$;
CREATE TRIGGER people_changed AFTER INSERT OR UPDATE OR DELETE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION peerkit_notify_people();
CREATE TRIGGER person_skills_changed AFTER INSERT OR UPDATE OR DELETE ON person_skills
  FOR EACH STATEMENT EXECUTE FUNCTION peerkit_notify_people();
CREATE TRIGGER post_tags_changed AFTER INSERT OR UPDATE OR DELETE ON post_tags
  FOR EACH STATEMENT EXECUTE FUNCTION peerkit_notify_people();

-- recommendations: the organisation's most thanked helpers
CREATE INDEX people_top_helpers ON people (kudos_received DESC) WHERE listed AND kudos_received > 0;
`,
  },
  {
    version: 17,
    name: 'the webhook queue',
    sql: `
-- events for PEERKIT_WEBHOOK_URL, queued in the transaction of the write (webhooks/events.ts)
CREATE TABLE webhook_outbox (
  seq BIGSERIAL PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  -- the JSON body, sent byte for byte the same on every retry
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  lease_until TIMESTAMPTZ,
  sent_at TIMESTAMPTZ,
  last_error TEXT
);
-- what is due
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at, seq) WHERE sent_at IS NULL;
-- housekeeping: sent events older than a week
CREATE INDEX webhook_outbox_sent ON webhook_outbox (sent_at) WHERE sent_at IS NOT NULL;
`,
  },
  // The ranking's stored scores (its own file: ranking-migration.ts).
  RANKING_MIGRATION,
];

export async function migrate(db: Db): Promise<void> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INT PRIMARY KEY,
       name TEXT NOT NULL,
       applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
     )`,
  );
  for (const m of MIGRATIONS) {
    await db.tx(async (q) => {
      // Serialise concurrent starts of several instances on one PostgreSQL.
      await q.query('SELECT pg_advisory_xact_lock(8787001)');
      const done = await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.length) return;
      for (const statement of splitSql(m.sql)) await q.query(statement);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    });
  }
}

/** Splits a migration into statements (ours hold no semicolons inside literals). */
function splitSql(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}

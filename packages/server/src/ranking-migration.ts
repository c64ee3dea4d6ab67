/**
 * Migration 20 (`migrations.ts` lists it): the expert ranking's scores, stored and kept by
 * triggers in the transaction of every write that moves them, so `GET /people?skill=` is an
 * index scan on `(skill_key, score DESC)` and `?q=` reads people in order of their stored
 * base (docs/decisions.md §12, "Stored scores"). What is stored is the time-free part of the
 * score; recency (0 … 3) is added when a page is read (`data/ranking-fast.ts`).
 *
 * - `people.search_key` (generated): `search_text` lower-cased, matched with `LIKE lower(q)`
 *   (what `ILIKE` does, without lower-casing every row it tests; trigram index).
 * - `people.accepted`: their readable accepted answers. `people.rank_person` (generated):
 *   `2 × kudos_received + 4 × accepted + 1 if mentor`; `people.rank_base` (generated): that
 *   `+ 3 × endorsements` (the `?q=` score before the match terms).
 * - `person_skills.thanked` / `.accepted`: kudos on the person's readable posts, and their
 *   readable accepted answers, in threads tagged with this skill (a post's thread: its own
 *   tags and its root's). `person_score`, `person_endorsements`, `listed`: copies of the
 *   person's `rank_person`, `endorsements`, `listed`. `score` (generated): `10 × level + 3 ×
 *   endorsements + 3 × thanked + 4 × accepted + person_score` (a one-skill search's score
 *   before recency); `q_score` (generated): `10 × level + 3 × person_endorsements +
 *   person_score` (a `?q=` match through this skill, before the text match and recency).
 * - `skill_keys`: every listed skill key and how many people list it (`?q=` finds the keys
 *   it matches here, among a few hundred, not among every person's skills).
 *
 * The backfill recomputes all of it from the rows, so it also repairs a database whose
 * stored figures were lost. Writes stay correct with no VACUUM: nothing here depends on it.
 */
export const RANKING_MIGRATION = {
  version: 20,
  name: 'expert ranking: stored per-(person, skill) scores kept by triggers',
  sql: `
ALTER TABLE people ADD COLUMN accepted INT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN rank_person INT GENERATED ALWAYS AS
  (2 * kudos_received + 4 * accepted + CASE WHEN mentor THEN 1 ELSE 0 END) STORED;
ALTER TABLE people ADD COLUMN rank_base INT GENERATED ALWAYS AS
  (3 * endorsements + 2 * kudos_received + 4 * accepted + CASE WHEN mentor THEN 1 ELSE 0 END) STORED;
-- the free text lower-cased: ILIKE lower-cases every row it tests, LIKE on this does not
ALTER TABLE people ADD COLUMN search_key TEXT GENERATED ALWAYS AS (lower(search_text)) STORED;
ALTER TABLE person_skills ADD COLUMN thanked INT NOT NULL DEFAULT 0;
ALTER TABLE person_skills ADD COLUMN accepted INT NOT NULL DEFAULT 0;
ALTER TABLE person_skills ADD COLUMN person_score INT NOT NULL DEFAULT 0;
ALTER TABLE person_skills ADD COLUMN person_endorsements INT NOT NULL DEFAULT 0;
ALTER TABLE person_skills ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE person_skills ADD COLUMN score INT GENERATED ALWAYS AS
  (10 * level + 3 * endorsements + 3 * thanked + 4 * accepted + person_score) STORED;
ALTER TABLE person_skills ADD COLUMN q_score INT GENERATED ALWAYS AS
  (10 * level + 3 * person_endorsements + person_score) STORED;
CREATE TABLE skill_keys (
  skill_key TEXT PRIMARY KEY,
  people INT NOT NULL
);

-- A person's post figures, recomputed from their posts (readable ones, with kudos or accepted).
CREATE FUNCTION peerkit_rank_refresh(author TEXT) RETURNS void LANGUAGE plpgsql AS $$ BEGIN
  WITH f AS (
    SELECT t.skill_key, COALESCE(sum(po.kudos), 0)::int AS thanked,
      (count(*) FILTER (WHERE po.accepted_at IS NOT NULL))::int AS accepted
    FROM posts po
    JOIN LATERAL (SELECT DISTINCT pt.skill_key FROM post_tags pt
      WHERE pt.post_id IN (po.id, po.root_id)) t ON TRUE
    WHERE po.author_id = author AND NOT po.deleted AND NOT po.removed AND NOT po.hidden
      AND (po.kudos > 0 OR po.accepted_at IS NOT NULL)
    GROUP BY t.skill_key
  ), n AS (
    SELECT s.skill_key, COALESCE(f.thanked, 0) AS thanked, COALESCE(f.accepted, 0) AS accepted
    FROM person_skills s LEFT JOIN f ON f.skill_key = s.skill_key WHERE s.person_id = author
  )
  UPDATE person_skills s SET thanked = n.thanked, accepted = n.accepted FROM n
  WHERE s.person_id = author AND s.skill_key = n.skill_key
    AND (s.thanked, s.accepted) IS DISTINCT FROM (n.thanked, n.accepted); UPDATE people p
  SET accepted = (SELECT count(*) FROM posts po WHERE po.author_id = author
    AND po.accepted_at IS NOT NULL AND NOT po.deleted AND NOT po.removed AND NOT po.hidden)
  WHERE p.id = author AND p.accepted IS DISTINCT FROM (SELECT count(*) FROM posts po
    WHERE po.author_id = author AND po.accepted_at IS NOT NULL
      AND NOT po.deleted AND NOT po.removed AND NOT po.hidden); END $$;

-- kudos, acceptance, readability or authorship of a post with figures changed
CREATE FUNCTION peerkit_rank_post() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM peerkit_rank_refresh(OLD.author_id); IF TG_OP = 'UPDATE'
  AND NEW.author_id IS DISTINCT FROM OLD.author_id THEN
  PERFORM peerkit_rank_refresh(NEW.author_id); END IF; RETURN NULL; END $$;
CREATE TRIGGER posts_rank AFTER UPDATE ON posts FOR EACH ROW
  WHEN ((OLD.kudos > 0 OR OLD.accepted_at IS NOT NULL OR NEW.kudos > 0 OR NEW.accepted_at IS NOT NULL)
    AND (OLD.kudos, OLD.accepted_at, OLD.deleted, OLD.removed, OLD.hidden, OLD.author_id)
      IS DISTINCT FROM (NEW.kudos, NEW.accepted_at, NEW.deleted, NEW.removed, NEW.hidden, NEW.author_id))
  EXECUTE FUNCTION peerkit_rank_post();
CREATE TRIGGER posts_rank_gone AFTER DELETE ON posts FOR EACH ROW
  WHEN (OLD.kudos > 0 OR OLD.accepted_at IS NOT NULL)
  EXECUTE FUNCTION peerkit_rank_post();

-- a tag added to or taken from a post: the authors of it and of its replies with figures
CREATE FUNCTION peerkit_rank_tag() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE a TEXT; BEGIN
  FOR a IN SELECT DISTINCT po.author_id FROM posts po
    WHERE (po.id = COALESCE(NEW.post_id, OLD.post_id) OR po.root_id = COALESCE(NEW.post_id, OLD.post_id))
      AND (po.kudos > 0 OR po.accepted_at IS NOT NULL)
  LOOP PERFORM peerkit_rank_refresh(a); END LOOP; RETURN NULL; END $$;
CREATE TRIGGER post_tags_rank AFTER INSERT OR DELETE ON post_tags FOR EACH ROW
  EXECUTE FUNCTION peerkit_rank_tag();

-- a skill listed: its post figures, the person's copies, the vocabulary
CREATE FUNCTION peerkit_rank_skill_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  SELECT p.rank_person, p.endorsements, p.listed INTO NEW.person_score, NEW.person_endorsements, NEW.listed
  FROM people p WHERE p.id = NEW.person_id; SELECT COALESCE(sum(po.kudos), 0)::int,
    (count(*) FILTER (WHERE po.accepted_at IS NOT NULL))::int INTO NEW.thanked, NEW.accepted
  FROM posts po WHERE po.author_id = NEW.person_id
    AND NOT po.deleted AND NOT po.removed AND NOT po.hidden
    AND (po.kudos > 0 OR po.accepted_at IS NOT NULL)
    AND EXISTS (SELECT 1 FROM post_tags pt WHERE pt.post_id IN (po.id, po.root_id)
      AND pt.skill_key = NEW.skill_key); RETURN NEW; END $$;
CREATE TRIGGER person_skills_rank BEFORE INSERT OR UPDATE OF person_id, skill_key ON person_skills
  FOR EACH ROW EXECUTE FUNCTION peerkit_rank_skill_new();
CREATE FUNCTION peerkit_skill_keys() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP <> 'INSERT' THEN UPDATE skill_keys SET people = people - 1 WHERE skill_key = OLD.skill_key; DELETE FROM skill_keys WHERE skill_key = OLD.skill_key AND people <= 0; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO skill_keys VALUES (NEW.skill_key, 1) ON CONFLICT (skill_key) DO UPDATE SET people = skill_keys.people + 1; END IF; RETURN NULL; END $$;
CREATE TRIGGER person_skills_vocabulary AFTER INSERT OR DELETE OR UPDATE OF skill_key ON person_skills
  FOR EACH ROW EXECUTE FUNCTION peerkit_skill_keys();

-- the person's part of every skill score: kudos received, accepted answers, mentor,
-- endorsements (for ?q=) and whether they are listed
CREATE FUNCTION peerkit_rank_person() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE person_skills SET person_score = NEW.rank_person,
    person_endorsements = NEW.endorsements, listed = NEW.listed
  WHERE person_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER people_rank AFTER UPDATE ON people FOR EACH ROW
  WHEN ((OLD.kudos_received, OLD.accepted, OLD.mentor, OLD.endorsements, OLD.listed)
    IS DISTINCT FROM (NEW.kudos_received, NEW.accepted, NEW.mentor, NEW.endorsements, NEW.listed))
  EXECUTE FUNCTION peerkit_rank_person();

-- the backfill
INSERT INTO skill_keys SELECT skill_key, count(*) FROM person_skills GROUP BY skill_key;
SELECT peerkit_rank_refresh(a.author_id) FROM (SELECT DISTINCT author_id FROM posts
  WHERE kudos > 0 OR accepted_at IS NOT NULL) a;
UPDATE person_skills s SET person_score = p.rank_person, person_endorsements = p.endorsements,
  listed = p.listed FROM people p WHERE p.id = s.person_id;

-- GET /people?skill= (one skill): the listed people with it, best stored score first
CREATE INDEX person_skills_ranked ON person_skills (skill_key, score DESC) WHERE listed;
-- GET /people?q=: the listed people with a skill matching q, best first
CREATE INDEX person_skills_q_ranked ON person_skills (skill_key, q_score DESC) WHERE listed;
-- GET /people?q=: people by name, title, team or topic, lower-cased (LIKE lower(q))
CREATE INDEX people_search_key ON people USING GIN (search_key gin_trgm_ops) WHERE listed;
-- GET /people?q=: the listed people whose text matches q, best stored base first, among
-- those who never posted (their final order) and those who did (recency to add)
CREATE INDEX people_rank_never ON people (rank_base DESC, name, id) WHERE listed AND last_post_at IS NULL;
CREATE INDEX people_rank_posted ON people (rank_base DESC) WHERE listed AND last_post_at IS NOT NULL;
`,
};

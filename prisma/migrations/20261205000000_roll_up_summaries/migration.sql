-- CreateTable
CREATE TABLE "TargetPostSummary" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "postId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "targets" INTEGER NOT NULL DEFAULT 0,
    "progressSum" DECIMAL(20,6) NOT NULL DEFAULT 0,

    CONSTRAINT "TargetPostSummary_pkey" PRIMARY KEY ("organisationId","year","postId","category")
);

-- CreateTable
CREATE TABLE "TargetUnitSummary" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unitId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "targets" INTEGER NOT NULL DEFAULT 0,
    "progressSum" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "posts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TargetUnitSummary_pkey" PRIMARY KEY ("organisationId","year","unitId","category")
);

-- CreateTable
CREATE TABLE "TargetDueSummary" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "targets" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TargetDueSummary_pkey" PRIMARY KEY ("organisationId","year","dueDate","bucket")
);

-- CreateIndex
CREATE INDEX "Target_organisationId_year_dueDate_progress_id_idx" ON "Target"("organisationId", "year", "dueDate", "progress", "id");


-- Hand-written below (docs/performance.md, section "Indexes, query shapes and roll-up design").

ALTER TABLE "TargetPostSummary"
  ADD CONSTRAINT "TargetPostSummary_category" CHECK ("category" IN ('IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT', 'ALL'));
ALTER TABLE "TargetUnitSummary"
  ADD CONSTRAINT "TargetUnitSummary_category" CHECK ("category" IN ('IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT', 'ALL'));
ALTER TABLE "TargetDueSummary" ADD CONSTRAINT "TargetDueSummary_bucket" CHECK ("bucket" BETWEEN 0 AND 100);

-- One change of the summaries: an active target leaving (sign -1) or entering (sign +1) a year.
CREATE TYPE zeren_target_delta AS (
  "organisationId" uuid,
  "year" integer,
  "ownerPostId" uuid,
  "category" text,
  "dueDate" date,
  "progress" double precision,
  "sign" integer
);

-- Applies deltas to the three summaries in one statement each, rows in key order (so two writers
-- lock summary rows in the same order). Additive updates under the row lock are exact under
-- concurrency; progress sums are numeric, so they equal a fresh sum of the same values.
CREATE FUNCTION zeren_apply_target_delta(d zeren_target_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(d), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "TargetDueSummary" AS s ("organisationId", "year", "dueDate", "bucket", "targets")
  SELECT x."organisationId", x."year", x."dueDate", least(100, greatest(0, floor(x."progress")))::smallint,
         sum(x."sign")::int
    FROM unnest(d) AS x
   GROUP BY 1, 2, 3, 4
  HAVING sum(x."sign") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organisationId", "year", "dueDate", "bucket")
  DO UPDATE SET "targets" = s."targets" + EXCLUDED."targets";

  WITH x AS (
    SELECT u."organisationId", u."year", u."ownerPostId" AS "postId", c."category",
           sum(u."sign")::int AS n, sum(u."sign" * u."progress"::numeric) AS psum
      FROM unnest(d) AS u CROSS JOIN LATERAL (VALUES (u."category"), ('ALL')) AS c("category")
     WHERE u."ownerPostId" IS NOT NULL
     GROUP BY 1, 2, 3, 4
    HAVING sum(u."sign") <> 0 OR sum(u."sign" * u."progress"::numeric) <> 0
  ),
  ps AS (
    INSERT INTO "TargetPostSummary" AS s ("organisationId", "year", "postId", "category", "targets", "progressSum")
    SELECT x."organisationId", x."year", x."postId", x."category", x.n, x.psum FROM x ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organisationId", "year", "postId", "category")
    DO UPDATE SET "targets" = s."targets" + EXCLUDED."targets",
                  "progressSum" = s."progressSum" + EXCLUDED."progressSum"
    RETURNING s."organisationId", s."year", s."postId", s."category", s."targets"
  ),
  ud AS (
    SELECT ps."organisationId", ps."year", p."unitId", ps."category", sum(x.n)::int AS n, sum(x.psum) AS psum,
           sum((ps."targets" > 0)::int - ((ps."targets" - x.n) > 0)::int)::int AS posts
      FROM ps
      JOIN x ON x."organisationId" = ps."organisationId" AND x."year" = ps."year"
            AND x."postId" = ps."postId" AND x."category" = ps."category"
      JOIN "Post" p ON p."id" = ps."postId" AND p."archivedAt" IS NULL
     GROUP BY 1, 2, 3, 4
  )
  INSERT INTO "TargetUnitSummary" AS s ("organisationId", "year", "unitId", "category", "targets", "progressSum", "posts")
  SELECT ud."organisationId", ud."year", ud."unitId", ud."category", ud.n, ud.psum, ud.posts FROM ud ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organisationId", "year", "unitId", "category")
  DO UPDATE SET "targets" = s."targets" + EXCLUDED."targets",
                "progressSum" = s."progressSum" + EXCLUDED."progressSum",
                "posts" = s."posts" + EXCLUDED."posts";
END $$;

CREATE FUNCTION zeren_target_summary_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zeren_apply_target_delta(ARRAY(
    SELECT ROW(n."organisationId", n."year", n."ownerPostId", n."category"::text, n."dueDate", n."progress", 1)::zeren_target_delta
      FROM new_rows n WHERE n."status" = 'ACTIVE'));
  RETURN NULL;
END $$;

CREATE FUNCTION zeren_target_summary_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zeren_apply_target_delta(ARRAY(
    WITH moved AS (
      SELECT o."organisationId" AS o_org, o."year" AS o_year, o."ownerPostId" AS o_post, o."category"::text AS o_cat,
             o."dueDate" AS o_due, o."progress" AS o_progress, o."status" = 'ACTIVE' AS o_active,
             n."organisationId" AS n_org, n."year" AS n_year, n."ownerPostId" AS n_post, n."category"::text AS n_cat,
             n."dueDate" AS n_due, n."progress" AS n_progress, n."status" = 'ACTIVE' AS n_active
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."status", o."organisationId", o."year", o."ownerPostId", o."category", o."dueDate", o."progress")
             IS DISTINCT FROM
             (n."status", n."organisationId", n."year", n."ownerPostId", n."category", n."dueDate", n."progress")
    )
    SELECT ROW(o_org, o_year, o_post, o_cat, o_due, o_progress, -1)::zeren_target_delta FROM moved WHERE o_active
    UNION ALL
    SELECT ROW(n_org, n_year, n_post, n_cat, n_due, n_progress, 1)::zeren_target_delta FROM moved WHERE n_active));
  RETURN NULL;
END $$;

CREATE FUNCTION zeren_target_summary_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zeren_apply_target_delta(ARRAY(
    SELECT ROW(o."organisationId", o."year", o."ownerPostId", o."category"::text, o."dueDate", o."progress", -1)::zeren_target_delta
      FROM old_rows o WHERE o."status" = 'ACTIVE'));
  RETURN NULL;
END $$;

CREATE TRIGGER "Target_summary_insert" AFTER INSERT ON "Target"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_target_summary_insert();
CREATE TRIGGER "Target_summary_update" AFTER UPDATE ON "Target"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_target_summary_update();
CREATE TRIGGER "Target_summary_delete" AFTER DELETE ON "Target"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_target_summary_delete();

-- A post moving to another unit, archived or restored: its targets move with it in the unit summary.
CREATE FUNCTION zeren_post_summary_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TargetUnitSummary" AS s ("organisationId", "year", "unitId", "category", "targets", "progressSum", "posts")
  SELECT x."organisationId", x."year", x."unitId", x."category", sum(x.n)::int, sum(x.psum), sum(x.posts)::int
    FROM (
      SELECT ps."organisationId", ps."year", OLD."unitId" AS "unitId", ps."category",
             -ps."targets" AS n, -ps."progressSum" AS psum, -1 AS posts
        FROM "TargetPostSummary" ps
       WHERE OLD."archivedAt" IS NULL AND ps."organisationId" = OLD."organisationId" AND ps."postId" = OLD."id"
         AND ps."targets" > 0
      UNION ALL
      SELECT ps."organisationId", ps."year", NEW."unitId", ps."category", ps."targets", ps."progressSum", 1
        FROM "TargetPostSummary" ps
       WHERE NEW."archivedAt" IS NULL AND ps."organisationId" = NEW."organisationId" AND ps."postId" = NEW."id"
         AND ps."targets" > 0
    ) x
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organisationId", "year", "unitId", "category")
  DO UPDATE SET "targets" = s."targets" + EXCLUDED."targets",
                "progressSum" = s."progressSum" + EXCLUDED."progressSum",
                "posts" = s."posts" + EXCLUDED."posts";
  RETURN NULL;
END $$;

CREATE TRIGGER "Post_target_summary" AFTER UPDATE OF "unitId", "archivedAt" ON "Post" FOR EACH ROW
  WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR (OLD."archivedAt" IS NULL) <> (NEW."archivedAt" IS NULL))
  EXECUTE FUNCTION zeren_post_summary_move();

-- Rebuilds one organisation year of the summaries from the targets (backfill below; bulk writers
-- that bypass triggers; the tests compare it with what the triggers maintained).
CREATE FUNCTION zeren_recompute_target_summaries(org uuid, yr integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "TargetDueSummary" WHERE "organisationId" = org AND "year" = yr;
  DELETE FROM "TargetPostSummary" WHERE "organisationId" = org AND "year" = yr;
  DELETE FROM "TargetUnitSummary" WHERE "organisationId" = org AND "year" = yr;
  INSERT INTO "TargetDueSummary" ("organisationId", "year", "dueDate", "bucket", "targets")
  SELECT org, yr, t."dueDate", least(100, greatest(0, floor(t."progress")))::smallint, count(*)::int
    FROM "Target" t
   WHERE t."organisationId" = org AND t."year" = yr AND t."status" = 'ACTIVE'
   GROUP BY 3, 4;
  INSERT INTO "TargetPostSummary" ("organisationId", "year", "postId", "category", "targets", "progressSum")
  SELECT org, yr, t."ownerPostId", c."category", count(*)::int, sum(t."progress"::numeric)
    FROM "Target" t CROSS JOIN LATERAL (VALUES (t."category"::text), ('ALL')) AS c("category")
   WHERE t."organisationId" = org AND t."year" = yr AND t."status" = 'ACTIVE' AND t."ownerPostId" IS NOT NULL
   GROUP BY 3, 4;
  INSERT INTO "TargetUnitSummary" ("organisationId", "year", "unitId", "category", "targets", "progressSum", "posts")
  SELECT org, yr, p."unitId", ps."category", sum(ps."targets")::int, sum(ps."progressSum"), count(*)::int
    FROM "TargetPostSummary" ps JOIN "Post" p ON p."id" = ps."postId" AND p."archivedAt" IS NULL
   WHERE ps."organisationId" = org AND ps."year" = yr AND ps."targets" > 0
   GROUP BY 3, 4;
END $$;

SELECT zeren_recompute_target_summaries(y."organisationId", y."year")
  FROM (SELECT DISTINCT "organisationId", "year" FROM "Target") y;

-- Locks the roots above the changed targets (in id order, as before), then reads the roll-up
-- frontier: one round trip. Inside a function each statement takes a fresh snapshot, so the read
-- after the lock sees every update committed under that root before.
CREATE FUNCTION zeren_lock_roll_up_frontier(org uuid, changed uuid[], recorded uuid)
RETURNS TABLE ("id" text, "parentId" text, "weight" double precision, "progress" double precision,
               "latestValue" double precision, "measureKind" text, "baseline" double precision,
               "goal" double precision, "isOnPath" boolean, "lastRecordedAt" timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('rollup:' || r.id::text, 0))
     FROM (
       WITH RECURSIVE up(id, "parentId") AS (
         SELECT t.id, t."parentId" FROM "Target" t WHERE t."organisationId" = org AND t.id = ANY(changed)
         UNION
         SELECT p.id, p."parentId" FROM "Target" p JOIN up ON p.id = up."parentId"
       )
       SELECT up.id FROM up WHERE up."parentId" IS NULL ORDER BY up.id
     ) r;
  RETURN QUERY
    WITH RECURSIVE up(id, "parentId") AS (
      SELECT t.id, t."parentId" FROM "Target" t WHERE t."organisationId" = org AND t.id = ANY(changed)
      UNION
      SELECT p.id, p."parentId" FROM "Target" p JOIN up ON p.id = up."parentId"
    )
    SELECT t.id::text, t."parentId"::text, t.weight::float8, t.progress, t."latestValue"::float8,
           t."measureKind"::text, t.baseline::float8, t.goal::float8, (t.id IN (SELECT up.id FROM up)),
           CASE WHEN t.id = recorded
                THEN (SELECT max(pu."recordedAt") FROM "ProgressUpdate" pu WHERE pu."targetId" = t.id)
           END::timestamptz
      FROM "Target" t
     WHERE t."organisationId" = org
       AND (t.id IN (SELECT up.id FROM up)
            OR (t."parentId" IN (SELECT up.id FROM up) AND t.status = 'ACTIVE'));
END $$;

-- Appends one audit entry in one round trip: takes the chain lock of the organisation (the same
-- advisory lock key as before), reads the last hash after the lock (fresh snapshot), and stores
-- sha256(previous hash || canonical JSON of the entry). The application builds the canonical JSON
-- (RFC 8785), so the verifier recomputes exactly this hash.
CREATE FUNCTION zeren_audit_append(org uuid, actor uuid, act text, entity_type text, entity_id text,
                                   before_json jsonb, after_json jsonb, at_time timestamptz, canonical text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  prev text;
  new_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(org::text, '-'), 0));
  IF org IS NULL THEN
    SELECT a.hash INTO prev FROM "AuditEntry" a WHERE a."organisationId" IS NULL ORDER BY a.id DESC LIMIT 1;
  ELSE
    SELECT a.hash INTO prev FROM "AuditEntry" a WHERE a."organisationId" = org ORDER BY a.id DESC LIMIT 1;
  END IF;
  prev := coalesce(prev, repeat('0', 64));
  INSERT INTO "AuditEntry" ("organisationId", "actorUserId", "action", "entityType", "entityId", "before", "after",
                            "at", "prevHash", "hash")
  VALUES (org, actor, act, entity_type, entity_id, before_json, after_json, at_time, prev,
          encode(sha256(convert_to(prev || canonical, 'UTF8')), 'hex'))
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

-- CreateTable
CREATE TABLE "EvaluationResultSummary" (
    "cycleId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "evaluees" INTEGER NOT NULL DEFAULT 0,
    "excellent" INTEGER NOT NULL DEFAULT 0,
    "competent" INTEGER NOT NULL DEFAULT 0,
    "basicallyCompetent" INTEGER NOT NULL DEFAULT 0,
    "incompetent" INTEGER NOT NULL DEFAULT 0,
    "quotaCut" INTEGER NOT NULL DEFAULT 0,
    "vetoed" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvaluationResultSummary_pkey" PRIMARY KEY ("cycleId")
);

-- DropIndex
DROP INDEX "EvaluationResult_cycleId_rank_idx";

-- DropIndex
DROP INDEX "EvaluationResult_cycleId_grade_rank_idx";

-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_rank_id_idx" ON "EvaluationResult"("cycleId", "rank", "id");

-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_grade_rank_id_idx" ON "EvaluationResult"("cycleId", "grade", "rank", "id");

-- CreateIndex
CREATE INDEX "Amendment_organisationId_resultId_idx" ON "Amendment"("organisationId", "resultId");


-- Hand-written below (docs/performance.md, section "Hot reads").
-- The figures of the results page per cycle, kept by a statement-level trigger in the transaction
-- of every write to "EvaluationResult": the page reads one row instead of counting the cycle.
-- Results are written rarely (computing, publishing, correcting), so each writing statement
-- recounts the cycles it touched. Writers of one cycle queue on its summary row, and the count
-- runs after the lock at a fresh snapshot (READ COMMITTED), so it includes whatever the previous
-- holder committed; cycles are taken in id order, so two writers never wait on each other in a cycle.

CREATE FUNCTION zeren_refresh_result_summaries(cycle_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c uuid;
BEGIN
  FOR c IN SELECT DISTINCT x FROM unnest(cycle_ids) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
    INSERT INTO "EvaluationResultSummary" ("cycleId", "organisationId")
    SELECT cy.id, cy."organisationId" FROM "EvaluationCycle" cy WHERE cy.id = c
    ON CONFLICT ("cycleId") DO NOTHING;
    PERFORM 1 FROM "EvaluationResultSummary" s WHERE s."cycleId" = c FOR UPDATE;
    UPDATE "EvaluationResultSummary" s
       SET "evaluees" = x.evaluees, "excellent" = x.excellent, "competent" = x.competent,
           "basicallyCompetent" = x.basic, "incompetent" = x.incompetent, "quotaCut" = x.cut,
           "vetoed" = x.vetoed, "computedAt" = x.at
      FROM (SELECT count(*)::int AS evaluees,
                   (count(*) FILTER (WHERE r.grade = 'EXCELLENT'))::int AS excellent,
                   (count(*) FILTER (WHERE r.grade = 'COMPETENT'))::int AS competent,
                   (count(*) FILTER (WHERE r.grade = 'BASICALLY_COMPETENT'))::int AS basic,
                   (count(*) FILTER (WHERE r.grade = 'INCOMPETENT'))::int AS incompetent,
                   (count(*) FILTER (WHERE r."isQuotaCut"))::int AS cut,
                   (count(*) FILTER (WHERE r."isVetoed"))::int AS vetoed,
                   max(r."computedAt") AS at
              FROM "EvaluationResult" r WHERE r."cycleId" = c) x
     WHERE s."cycleId" = c;
  END LOOP;
END $$;

CREATE FUNCTION zeren_result_summary_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM zeren_refresh_result_summaries(ARRAY(SELECT DISTINCT n."cycleId" FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM zeren_refresh_result_summaries(ARRAY(SELECT DISTINCT o."cycleId" FROM old_rows o));
  ELSE
    PERFORM zeren_refresh_result_summaries(
      ARRAY(SELECT o."cycleId" FROM old_rows o UNION SELECT n."cycleId" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "EvaluationResult_summary_insert" AFTER INSERT ON "EvaluationResult"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_result_summary_after_write();
CREATE TRIGGER "EvaluationResult_summary_update" AFTER UPDATE ON "EvaluationResult"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_result_summary_after_write();
CREATE TRIGGER "EvaluationResult_summary_delete" AFTER DELETE ON "EvaluationResult"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_result_summary_after_write();

-- Backfill: every cycle that has results.
INSERT INTO "EvaluationResultSummary" ("cycleId", "organisationId", "evaluees", "excellent", "competent",
                                       "basicallyCompetent", "incompetent", "quotaCut", "vetoed", "computedAt")
SELECT r."cycleId", r."organisationId", count(*)::int,
       (count(*) FILTER (WHERE r.grade = 'EXCELLENT'))::int,
       (count(*) FILTER (WHERE r.grade = 'COMPETENT'))::int,
       (count(*) FILTER (WHERE r.grade = 'BASICALLY_COMPETENT'))::int,
       (count(*) FILTER (WHERE r.grade = 'INCOMPETENT'))::int,
       (count(*) FILTER (WHERE r."isQuotaCut"))::int,
       (count(*) FILTER (WHERE r."isVetoed"))::int,
       max(r."computedAt")
  FROM "EvaluationResult" r
 GROUP BY r."cycleId", r."organisationId";

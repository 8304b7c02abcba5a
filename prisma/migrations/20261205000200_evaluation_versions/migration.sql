-- CreateTable
CREATE TABLE "EvaluationVersion" (
    "organisationId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "EvaluationVersion_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "EvaluationSummaryCache" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "EvaluationSummaryCache_pkey" PRIMARY KEY ("organisationId","year")
);


-- Hand-written below (docs/performance.md, section "Indexes, query shapes and roll-up design").
-- Whatever the bureau evaluation figures read bumps the organisation version in the writing
-- transaction; stored figures are used only while their version is still the current one.

CREATE FUNCTION zeren_evaluation_version_bump_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EvaluationVersion" AS g ("organisationId", "version")
  SELECT x."organisationId", 1 FROM (SELECT DISTINCT n."organisationId" FROM new_rows n) x
   WHERE x."organisationId" IS NOT NULL ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION zeren_evaluation_version_bump_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EvaluationVersion" AS g ("organisationId", "version")
  SELECT x."organisationId", 1 FROM (SELECT DISTINCT o."organisationId" FROM old_rows o) x
   WHERE x."organisationId" IS NOT NULL ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION zeren_evaluation_version_bump_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EvaluationVersion" AS g ("organisationId", "version")
  SELECT x."organisationId", 1 FROM (SELECT o."organisationId" FROM old_rows o UNION SELECT n."organisationId" FROM new_rows n) x
   WHERE x."organisationId" IS NOT NULL ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Score_evaluation_version_insert" AFTER INSERT ON "Score"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "Score_evaluation_version_update" AFTER UPDATE ON "Score"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "Score_evaluation_version_delete" AFTER DELETE ON "Score"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "EvaluationResult_evaluation_version_insert" AFTER INSERT ON "EvaluationResult"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "EvaluationResult_evaluation_version_update" AFTER UPDATE ON "EvaluationResult"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "EvaluationResult_evaluation_version_delete" AFTER DELETE ON "EvaluationResult"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "EvaluationCycle_evaluation_version_insert" AFTER INSERT ON "EvaluationCycle"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "EvaluationCycle_evaluation_version_update" AFTER UPDATE ON "EvaluationCycle"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "EvaluationCycle_evaluation_version_delete" AFTER DELETE ON "EvaluationCycle"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "EvaluationExclusion_evaluation_version_insert" AFTER INSERT ON "EvaluationExclusion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "EvaluationExclusion_evaluation_version_update" AFTER UPDATE ON "EvaluationExclusion"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "EvaluationExclusion_evaluation_version_delete" AFTER DELETE ON "EvaluationExclusion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "OrganisationSettings_evaluation_version_insert" AFTER INSERT ON "OrganisationSettings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "OrganisationSettings_evaluation_version_update" AFTER UPDATE ON "OrganisationSettings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "OrganisationSettings_evaluation_version_delete" AFTER DELETE ON "OrganisationSettings"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "AssessmentGroupMember_evaluation_version_insert" AFTER INSERT ON "AssessmentGroupMember"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "AssessmentGroupMember_evaluation_version_update" AFTER UPDATE ON "AssessmentGroupMember"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "AssessmentGroupMember_evaluation_version_delete" AFTER DELETE ON "AssessmentGroupMember"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "Person_evaluation_version_insert" AFTER INSERT ON "Person"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "Person_evaluation_version_update" AFTER UPDATE ON "Person"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "Person_evaluation_version_delete" AFTER DELETE ON "Person"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "Holding_evaluation_version_insert" AFTER INSERT ON "Holding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "Holding_evaluation_version_update" AFTER UPDATE ON "Holding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "Holding_evaluation_version_delete" AFTER DELETE ON "Holding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

CREATE TRIGGER "Post_evaluation_version_insert" AFTER INSERT ON "Post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_new();
CREATE TRIGGER "Post_evaluation_version_update" AFTER UPDATE ON "Post"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_both();
CREATE TRIGGER "Post_evaluation_version_delete" AFTER DELETE ON "Post"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_evaluation_version_bump_old();

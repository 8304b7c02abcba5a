-- CreateTable
CREATE TABLE "DashboardVersion" (
    "organisationId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardVersion_pkey" PRIMARY KEY ("organisationId")
);


-- Hand-written below (docs/performance.md, section "Tier-1 dashboard").
-- Every transaction that writes a row the tier-1 dashboard reads bumps its organisation version once,
-- at commit: a deferred constraint trigger per table queues one event per transaction and
-- organisation (the WHEN condition, checked as each row is written, lets only the first through),
-- and that event bumps the version as the last act of the transaction. The version row is thus
-- locked only while the transaction commits and always after every other lock the transaction
-- takes (the audit chain lock included), so writers never wait on it for long and never deadlock
-- on it; and a reader that sees the commit sees the new version.

-- True for the first row of an organisation a transaction writes; remembered in a transaction-local
-- setting, which a rolled-back savepoint undoes together with the events queued inside it.
CREATE FUNCTION zeren_dashboard_version_first(org uuid) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  seen text := coalesce(current_setting('zeren.dashboard_version_orgs', true), '');
BEGIN
  IF org IS NULL OR strpos(seen, org::text) > 0 THEN
    RETURN false;
  END IF;
  PERFORM set_config('zeren.dashboard_version_orgs', seen || org::text || ',', true);
  RETURN true;
END $$;

CREATE FUNCTION zeren_dashboard_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashboardVersion" AS v ("organisationId", "version")
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD."organisationId" ELSE NEW."organisationId" END, 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = v."version" + 1;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Target_dashboard_version" AFTER INSERT OR UPDATE ON "Target"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "Target_dashboard_version_delete" AFTER DELETE ON "Target"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "ProgressUpdate_dashboard_version" AFTER INSERT OR UPDATE ON "ProgressUpdate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "ProgressUpdate_dashboard_version_delete" AFTER DELETE ON "ProgressUpdate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "TargetYear_dashboard_version" AFTER INSERT OR UPDATE ON "TargetYear"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "TargetYear_dashboard_version_delete" AFTER DELETE ON "TargetYear"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "OrgUnit_dashboard_version" AFTER INSERT OR UPDATE ON "OrgUnit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "OrgUnit_dashboard_version_delete" AFTER DELETE ON "OrgUnit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "Post_dashboard_version" AFTER INSERT OR UPDATE ON "Post"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "Post_dashboard_version_delete" AFTER DELETE ON "Post"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "Holding_dashboard_version" AFTER INSERT OR UPDATE ON "Holding"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "Holding_dashboard_version_delete" AFTER DELETE ON "Holding"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "Person_dashboard_version" AFTER INSERT OR UPDATE ON "Person"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "Person_dashboard_version_delete" AFTER DELETE ON "Person"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "GapWaiver_dashboard_version" AFTER INSERT OR UPDATE ON "GapWaiver"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "GapWaiver_dashboard_version_delete" AFTER DELETE ON "GapWaiver"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "EvaluationCycle_dashboard_version" AFTER INSERT OR UPDATE ON "EvaluationCycle"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "EvaluationCycle_dashboard_version_delete" AFTER DELETE ON "EvaluationCycle"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "Score_dashboard_version" AFTER INSERT OR UPDATE ON "Score"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "Score_dashboard_version_delete" AFTER DELETE ON "Score"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "Adjustment_dashboard_version" AFTER INSERT OR UPDATE ON "Adjustment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "Adjustment_dashboard_version_delete" AFTER DELETE ON "Adjustment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "EvaluationResult_dashboard_version" AFTER INSERT OR UPDATE ON "EvaluationResult"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "EvaluationResult_dashboard_version_delete" AFTER DELETE ON "EvaluationResult"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "EvaluationExclusion_dashboard_version" AFTER INSERT OR UPDATE ON "EvaluationExclusion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "EvaluationExclusion_dashboard_version_delete" AFTER DELETE ON "EvaluationExclusion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "AssessmentGroupMember_dashboard_version" AFTER INSERT OR UPDATE ON "AssessmentGroupMember"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "AssessmentGroupMember_dashboard_version_delete" AFTER DELETE ON "AssessmentGroupMember"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

CREATE CONSTRAINT TRIGGER "OrganisationSettings_dashboard_version" AFTER INSERT OR UPDATE ON "OrganisationSettings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(NEW."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();
CREATE CONSTRAINT TRIGGER "OrganisationSettings_dashboard_version_delete" AFTER DELETE ON "OrganisationSettings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (zeren_dashboard_version_first(OLD."organisationId")) EXECUTE FUNCTION zeren_dashboard_version_bump();

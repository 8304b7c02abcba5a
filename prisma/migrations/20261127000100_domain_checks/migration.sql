-- Rules of ../shared/DOMAIN.md that the database can keep by itself, beyond keys.
-- The Prisma schema language cannot express these; they are written by hand.

-- Rule 1–2: tiers and the reporting chain.
ALTER TABLE "Post"
  ADD CONSTRAINT "Post_tier_range" CHECK ("tier" BETWEEN 1 AND 4),
  ADD CONSTRAINT "Post_lines_not_empty" CHECK (cardinality("lines") >= 1),
  ADD CONSTRAINT "Post_tier_one_reports_to_nobody"
    CHECK ("tier" <> 1 OR ("adminSuperiorId" IS NULL AND "partySuperiorId" IS NULL)),
  ADD CONSTRAINT "Post_reports_in_admin_line" CHECK ("tier" = 1 OR "adminSuperiorId" IS NOT NULL),
  ADD CONSTRAINT "Post_party_superior_needs_party_line"
    CHECK ("partySuperiorId" IS NULL OR 'PARTY' = ANY ("lines")),
  ADD CONSTRAINT "Post_not_own_superior"
    CHECK ("adminSuperiorId" <> "id" AND "partySuperiorId" <> "id"),
  ADD CONSTRAINT "Post_title_not_blank" CHECK (length(btrim("title")) > 0);

-- A superior always has a smaller tier number. Because tiers strictly decrease up the chain, this
-- alone rules out cycles and guarantees every chain reaches tier 1.
CREATE FUNCTION zeren_check_post_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."adminSuperiorId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "Post" s WHERE s."id" = NEW."adminSuperiorId" AND s."tier" < NEW."tier"
  ) THEN
    RAISE EXCEPTION 'post % must report (administrative line) to a post of a smaller tier', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Post_superior_tier_smaller';
  END IF;
  IF NEW."partySuperiorId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "Post" s WHERE s."id" = NEW."partySuperiorId" AND s."tier" < NEW."tier"
  ) THEN
    RAISE EXCEPTION 'post % must report (party line) to a post of a smaller tier', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Post_superior_tier_smaller';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."tier" <> OLD."tier" AND EXISTS (
    SELECT 1 FROM "Post" c
    WHERE (c."adminSuperiorId" = NEW."id" OR c."partySuperiorId" = NEW."id") AND c."tier" <= NEW."tier"
  ) THEN
    RAISE EXCEPTION 'post % has subordinates whose tier would not be larger than its own', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Post_superior_tier_smaller';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Post_chain" BEFORE INSERT OR UPDATE OF "tier", "adminSuperiorId", "partySuperiorId"
  ON "Post" FOR EACH ROW EXECUTE FUNCTION zeren_check_post_chain();

ALTER TABLE "Holding" ADD CONSTRAINT "Holding_dates" CHECK ("endedOn" IS NULL OR "endedOn" >= "startedOn");

-- Rule 3 and 5: targets and progress.
ALTER TABLE "Target"
  ADD CONSTRAINT "Target_weight_range" CHECK ("weight" >= 0 AND "weight" <= 100),
  ADD CONSTRAINT "Target_progress_range" CHECK ("progress" >= 0 AND "progress" <= 100),
  ADD CONSTRAINT "Target_year_range" CHECK ("year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "Target_title_not_blank" CHECK (length(btrim("title")) > 0),
  ADD CONSTRAINT "Target_not_own_parent" CHECK ("parentId" <> "id"),
  ADD CONSTRAINT "Target_version_positive" CHECK ("version" >= 1);

ALTER TABLE "ProgressUpdate"
  ADD CONSTRAINT "ProgressUpdate_note_not_blank" CHECK (length(btrim("note")) > 0),
  ADD CONSTRAINT "ProgressUpdate_normalised_range" CHECK ("normalised" >= 0 AND "normalised" <= 100);

ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_size" CHECK ("sizeBytes" > 0 AND "sizeBytes" <= 10485760);

ALTER TABLE "GapWaiver" ADD CONSTRAINT "GapWaiver_reason_not_blank" CHECK (length(btrim("reason")) > 0);

-- Rules 6–9: evaluation.
ALTER TABLE "OrganisationSettings"
  ADD CONSTRAINT "Settings_weights_sum_100"
    CHECK ("weightIdeological" + "weightBusiness" + "weightManagement" = 100),
  ADD CONSTRAINT "Settings_weights_range"
    CHECK ("weightIdeological" >= 0 AND "weightBusiness" >= 0 AND "weightManagement" >= 0),
  ADD CONSTRAINT "Settings_thresholds_ordered"
    CHECK ("thresholdExcellent" > "thresholdCompetent" AND "thresholdCompetent" > "thresholdBasic"
           AND "thresholdBasic" >= 0 AND "thresholdExcellent" <= 100),
  ADD CONSTRAINT "Settings_shares_range"
    CHECK ("targetShare" BETWEEN 0 AND 1 AND "excellentQuota" BETWEEN 0 AND 1),
  ADD CONSTRAINT "Settings_caps_range" CHECK ("bonusCap" >= 0 AND "deductionCap" >= 0);

ALTER TABLE "EvaluationCycle"
  ADD CONSTRAINT "Cycle_window_ordered" CHECK ("windowEnd" IS NULL OR "windowStart" < "windowEnd"),
  ADD CONSTRAINT "Cycle_open_has_window"
    CHECK ("status" = 'DRAFT' OR ("windowStart" IS NOT NULL AND "windowEnd" IS NOT NULL)),
  ADD CONSTRAINT "Cycle_year_range" CHECK ("year" BETWEEN 2000 AND 2100);

ALTER TABLE "EvaluationExclusion" ADD CONSTRAINT "Exclusion_reason_not_blank" CHECK (length(btrim("reason")) > 0);

ALTER TABLE "Score"
  ADD CONSTRAINT "Score_value_range" CHECK ("value" >= 0 AND "value" <= 100),
  ADD CONSTRAINT "Score_no_self_scoring" CHECK ("evaluatorId" <> "evalueeId");

ALTER TABLE "Adjustment"
  ADD CONSTRAINT "Adjustment_no_self_scoring" CHECK ("evaluatorId" <> "evalueeId"),
  ADD CONSTRAINT "Adjustment_reason_not_blank" CHECK (length(btrim("reason")) > 0),
  ADD CONSTRAINT "Adjustment_amount_by_kind"
    CHECK (("kind" = 'VETO' AND "amount" IS NULL) OR ("kind" <> 'VETO' AND "amount" > 0 AND "amount" <= 100));

ALTER TABLE "EvaluationResult"
  ADD CONSTRAINT "Result_scores_range" CHECK (
    "scoreIdeological" BETWEEN 0 AND 100 AND "scoreBusiness" BETWEEN 0 AND 100
    AND "scoreManagement" BETWEEN 0 AND 100 AND "bonusTotal" >= 0 AND "deductionTotal" >= 0),
  ADD CONSTRAINT "Result_rank_positive" CHECK ("rank" >= 1),
  ADD CONSTRAINT "Result_quota_cut_has_reason" CHECK (NOT "isQuotaCut" OR "quotaCutReason" IS NOT NULL),
  ADD CONSTRAINT "Result_veto_is_lowest_grade" CHECK (NOT "isVetoed" OR "grade" = 'INCOMPETENT');

ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_reason_not_blank" CHECK (length(btrim("reason")) > 0);

-- Rule 10 and rule 5: append-only tables refuse UPDATE and DELETE in the database itself.
CREATE FUNCTION zeren_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION zeren_refuse_change();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION zeren_refuse_change();
CREATE TRIGGER "ProgressUpdate_append_only" BEFORE UPDATE OR DELETE ON "ProgressUpdate"
  FOR EACH ROW EXECUTE FUNCTION zeren_refuse_change();
CREATE TRIGGER "Amendment_append_only" BEFORE UPDATE OR DELETE ON "Amendment"
  FOR EACH ROW EXECUTE FUNCTION zeren_refuse_change();

-- CreateTable
CREATE TABLE "GapVersion" (
    "organisationId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "GapVersion_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "GapCountCache" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "rows" JSONB NOT NULL,

    CONSTRAINT "GapCountCache_pkey" PRIMARY KEY ("organisationId","year")
);


-- Hand-written below (docs/performance.md, section "Indexes, query shapes and roll-up design").
-- Whatever the chain gaps depend on bumps the organisation version in the writing transaction;
-- stored gap counts are used only while their version is still the current one.

CREATE FUNCTION zeren_gap_version_bump_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GapVersion" AS g ("organisationId", "version")
  SELECT DISTINCT n."organisationId", 1 FROM new_rows n WHERE n."organisationId" IS NOT NULL ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION zeren_gap_version_bump_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GapVersion" AS g ("organisationId", "version")
  SELECT DISTINCT o."organisationId", 1 FROM old_rows o WHERE o."organisationId" IS NOT NULL ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION zeren_gap_version_bump_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GapVersion" AS g ("organisationId", "version")
  SELECT x."organisationId", 1
    FROM (SELECT o."organisationId" FROM old_rows o UNION SELECT n."organisationId" FROM new_rows n) x
   WHERE x."organisationId" IS NOT NULL ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

-- A target update bumps only when more than its progress moved (progress writes stay cheap).
CREATE FUNCTION zeren_gap_version_bump_target_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GapVersion" AS g ("organisationId", "version")
  SELECT DISTINCT n."organisationId", 1
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
   WHERE (o."status", o."parentId", o."ownerPostId", o."year", o."category", o."line", o."weight", o."organisationId")
         IS DISTINCT FROM
         (n."status", n."parentId", n."ownerPostId", n."year", n."category", n."line", n."weight", n."organisationId")
   ORDER BY 1
  ON CONFLICT ("organisationId") DO UPDATE SET "version" = g."version" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Target_gap_version_insert" AFTER INSERT ON "Target"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_new();
CREATE TRIGGER "Target_gap_version_update" AFTER UPDATE ON "Target"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION zeren_gap_version_bump_target_update();
CREATE TRIGGER "Target_gap_version_delete" AFTER DELETE ON "Target"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_old();

CREATE TRIGGER "Post_gap_version_insert" AFTER INSERT ON "Post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_new();
CREATE TRIGGER "Post_gap_version_update" AFTER UPDATE ON "Post"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_both();
CREATE TRIGGER "Post_gap_version_delete" AFTER DELETE ON "Post"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_old();

CREATE TRIGGER "Holding_gap_version_insert" AFTER INSERT ON "Holding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_new();
CREATE TRIGGER "Holding_gap_version_update" AFTER UPDATE ON "Holding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_both();
CREATE TRIGGER "Holding_gap_version_delete" AFTER DELETE ON "Holding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_old();

CREATE TRIGGER "GapWaiver_gap_version_insert" AFTER INSERT ON "GapWaiver"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_new();
CREATE TRIGGER "GapWaiver_gap_version_update" AFTER UPDATE ON "GapWaiver"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_both();
CREATE TRIGGER "GapWaiver_gap_version_delete" AFTER DELETE ON "GapWaiver"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zeren_gap_version_bump_old();

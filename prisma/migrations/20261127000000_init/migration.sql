-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Line" AS ENUM ('ADMINISTRATIVE', 'PARTY');

-- CreateEnum
CREATE TYPE "TargetCategory" AS ENUM ('IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('LEADERSHIP', 'SECTION', 'PARTY_BRANCH', 'PARTY_GROUP', 'UNION', 'YOUTH_LEAGUE', 'WOMENS_FEDERATION', 'ASSESSMENT_GROUP');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('PERCENTAGE', 'NUMBER', 'MILESTONE', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "TargetStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "TargetYearStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CycleKind" AS ENUM ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ScoreStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "AdjustmentKind" AS ENUM ('BONUS', 'DEDUCTION', 'VETO');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationSettings" (
    "organisationId" UUID NOT NULL,
    "weightIdeological" DECIMAL(5,2) NOT NULL DEFAULT 30,
    "weightBusiness" DECIMAL(5,2) NOT NULL DEFAULT 50,
    "weightManagement" DECIMAL(5,2) NOT NULL DEFAULT 20,
    "targetShare" DECIMAL(4,3) NOT NULL DEFAULT 0.30,
    "useTrimmedMean" BOOLEAN NOT NULL DEFAULT true,
    "bonusCap" DECIMAL(5,2) NOT NULL DEFAULT 5,
    "deductionCap" DECIMAL(5,2) NOT NULL DEFAULT 20,
    "thresholdExcellent" DECIMAL(5,2) NOT NULL DEFAULT 90,
    "thresholdCompetent" DECIMAL(5,2) NOT NULL DEFAULT 70,
    "thresholdBasic" DECIMAL(5,2) NOT NULL DEFAULT 60,
    "excellentQuota" DECIMAL(4,3) NOT NULL DEFAULT 0.20,
    "barOwnUnitScoring" BOOLEAN NOT NULL DEFAULT false,
    "annualQuarterWeights" JSONB,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganisationSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "GradeConsequence" (
    "organisationId" UUID NOT NULL,
    "grade" "Grade" NOT NULL,
    "bonusCoefficient" DECIMAL(4,2) NOT NULL,
    "commendation" TEXT,
    "talk" TEXT,

    CONSTRAINT "GradeConsequence_pkey" PRIMARY KEY ("organisationId","grade")
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" UUID,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "employeeNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT,
    "isPartyMember" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserAccount" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "tier" SMALLINT NOT NULL,
    "lines" "Line"[],
    "adminSuperiorId" UUID,
    "partySuperiorId" UUID,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holding" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "startedOn" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedOn" DATE,

    CONSTRAINT "Holding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentGroupMember" (
    "organisationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentGroupMember_pkey" PRIMARY KEY ("organisationId","personId")
);

-- CreateTable
CREATE TABLE "TargetYear" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "TargetYearStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,

    CONSTRAINT "TargetYear_pkey" PRIMARY KEY ("organisationId","year")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "parentId" UUID,
    "ownerPostId" UUID,
    "year" INTEGER NOT NULL,
    "category" "TargetCategory" NOT NULL,
    "line" "Line" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "weight" DECIMAL(5,2) NOT NULL,
    "measureKind" "MeasureKind" NOT NULL,
    "measureUnit" TEXT,
    "baseline" DECIMAL(14,4) NOT NULL DEFAULT 0,
    "goal" DECIMAL(14,4) NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "TargetStatus" NOT NULL DEFAULT 'ACTIVE',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latestValue" DECIMAL(14,4),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "normalised" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "evidenceFileId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GapWaiver" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "gapKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "waivedById" UUID NOT NULL,
    "waivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GapWaiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationCycle" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "CycleKind" NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'DRAFT',
    "windowStart" TIMESTAMPTZ(3),
    "windowEnd" TIMESTAMPTZ(3),
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationExclusion" (
    "organisationId" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationExclusion_pkey" PRIMARY KEY ("cycleId","personId")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "evaluatorId" UUID NOT NULL,
    "evalueeId" UUID NOT NULL,
    "category" "TargetCategory" NOT NULL,
    "value" DECIMAL(5,2) NOT NULL,
    "status" "ScoreStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adjustment" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "evaluatorId" UUID NOT NULL,
    "evalueeId" UUID NOT NULL,
    "kind" "AdjustmentKind" NOT NULL,
    "amount" DECIMAL(5,2),
    "reason" TEXT NOT NULL,
    "status" "ScoreStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "evalueeId" UUID NOT NULL,
    "scoreIdeological" DECIMAL(5,2) NOT NULL,
    "scoreBusiness" DECIMAL(5,2) NOT NULL,
    "scoreManagement" DECIMAL(5,2) NOT NULL,
    "bonusTotal" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "deductionTotal" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "total" DECIMAL(6,2) NOT NULL,
    "rank" INTEGER NOT NULL,
    "grade" "Grade" NOT NULL,
    "isQuotaCut" BOOLEAN NOT NULL DEFAULT false,
    "quotaCutReason" TEXT,
    "isVetoed" BOOLEAN NOT NULL DEFAULT false,
    "vetoReason" TEXT,
    "bonusCoefficient" DECIMAL(4,2),
    "consequence" TEXT,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Amendment" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "resultId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" JSONB NOT NULL,
    "newValue" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "amendedById" UUID NOT NULL,
    "amendedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "organisationId" UUID,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_organisationId_id_key" ON "OrgUnit"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_organisationId_name_key" ON "OrgUnit"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organisationId_id_key" ON "Person"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organisationId_employeeNo_key" ON "Person"("organisationId", "employeeNo");

-- CreateIndex
CREATE UNIQUE INDEX "UserAccount_personId_key" ON "UserAccount"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "UserAccount_username_key" ON "UserAccount"("username");

-- CreateIndex
CREATE UNIQUE INDEX "UserAccount_organisationId_id_key" ON "UserAccount"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "UserAccount_organisationId_personId_key" ON "UserAccount"("organisationId", "personId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Post_organisationId_adminSuperiorId_idx" ON "Post"("organisationId", "adminSuperiorId");

-- CreateIndex
CREATE INDEX "Post_organisationId_partySuperiorId_idx" ON "Post"("organisationId", "partySuperiorId");

-- CreateIndex
CREATE INDEX "Post_organisationId_unitId_idx" ON "Post"("organisationId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_organisationId_id_key" ON "Post"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Post_organisationId_code_key" ON "Post"("organisationId", "code");

-- CreateIndex
CREATE INDEX "Holding_organisationId_postId_idx" ON "Holding"("organisationId", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "Holding_personId_postId_key" ON "Holding"("personId", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentGroupMember_personId_key" ON "AssessmentGroupMember"("personId");

-- CreateIndex
CREATE INDEX "Target_organisationId_year_ownerPostId_idx" ON "Target"("organisationId", "year", "ownerPostId");

-- CreateIndex
CREATE INDEX "Target_organisationId_parentId_idx" ON "Target"("organisationId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_organisationId_id_key" ON "Target"("organisationId", "id");

-- CreateIndex
CREATE INDEX "ProgressUpdate_targetId_recordedAt_idx" ON "ProgressUpdate"("targetId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "GapWaiver_organisationId_year_gapKey_key" ON "GapWaiver"("organisationId", "year", "gapKey");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCycle_organisationId_id_key" ON "EvaluationCycle"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCycle_organisationId_year_kind_key" ON "EvaluationCycle"("organisationId", "year", "kind");

-- CreateIndex
CREATE INDEX "Score_cycleId_evalueeId_idx" ON "Score"("cycleId", "evalueeId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_cycleId_evaluatorId_evalueeId_category_key" ON "Score"("cycleId", "evaluatorId", "evalueeId", "category");

-- CreateIndex
CREATE INDEX "Adjustment_cycleId_evalueeId_idx" ON "Adjustment"("cycleId", "evalueeId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResult_organisationId_id_key" ON "EvaluationResult"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResult_cycleId_evalueeId_key" ON "EvaluationResult"("cycleId", "evalueeId");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_id_idx" ON "AuditEntry"("organisationId", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_entityType_entityId_idx" ON "AuditEntry"("organisationId", "entityType", "entityId");

-- AddForeignKey
ALTER TABLE "OrganisationSettings" ADD CONSTRAINT "OrganisationSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeConsequence" ADD CONSTRAINT "GradeConsequence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_organisationId_parentId_fkey" FOREIGN KEY ("organisationId", "parentId") REFERENCES "OrgUnit"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAccount" ADD CONSTRAINT "UserAccount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAccount" ADD CONSTRAINT "UserAccount_organisationId_personId_fkey" FOREIGN KEY ("organisationId", "personId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "UserAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_organisationId_unitId_fkey" FOREIGN KEY ("organisationId", "unitId") REFERENCES "OrgUnit"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_organisationId_adminSuperiorId_fkey" FOREIGN KEY ("organisationId", "adminSuperiorId") REFERENCES "Post"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_organisationId_partySuperiorId_fkey" FOREIGN KEY ("organisationId", "partySuperiorId") REFERENCES "Post"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holding" ADD CONSTRAINT "Holding_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holding" ADD CONSTRAINT "Holding_organisationId_personId_fkey" FOREIGN KEY ("organisationId", "personId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holding" ADD CONSTRAINT "Holding_organisationId_postId_fkey" FOREIGN KEY ("organisationId", "postId") REFERENCES "Post"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentGroupMember" ADD CONSTRAINT "AssessmentGroupMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentGroupMember" ADD CONSTRAINT "AssessmentGroupMember_organisationId_personId_fkey" FOREIGN KEY ("organisationId", "personId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetYear" ADD CONSTRAINT "TargetYear_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_organisationId_parentId_fkey" FOREIGN KEY ("organisationId", "parentId") REFERENCES "Target"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_organisationId_ownerPostId_fkey" FOREIGN KEY ("organisationId", "ownerPostId") REFERENCES "Post"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_organisationId_targetId_fkey" FOREIGN KEY ("organisationId", "targetId") REFERENCES "Target"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GapWaiver" ADD CONSTRAINT "GapWaiver_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationCycle" ADD CONSTRAINT "EvaluationCycle_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationExclusion" ADD CONSTRAINT "EvaluationExclusion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationExclusion" ADD CONSTRAINT "EvaluationExclusion_organisationId_cycleId_fkey" FOREIGN KEY ("organisationId", "cycleId") REFERENCES "EvaluationCycle"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationExclusion" ADD CONSTRAINT "EvaluationExclusion_organisationId_personId_fkey" FOREIGN KEY ("organisationId", "personId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_organisationId_cycleId_fkey" FOREIGN KEY ("organisationId", "cycleId") REFERENCES "EvaluationCycle"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_organisationId_evaluatorId_fkey" FOREIGN KEY ("organisationId", "evaluatorId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_organisationId_evalueeId_fkey" FOREIGN KEY ("organisationId", "evalueeId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adjustment" ADD CONSTRAINT "Adjustment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adjustment" ADD CONSTRAINT "Adjustment_organisationId_cycleId_fkey" FOREIGN KEY ("organisationId", "cycleId") REFERENCES "EvaluationCycle"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adjustment" ADD CONSTRAINT "Adjustment_organisationId_evaluatorId_fkey" FOREIGN KEY ("organisationId", "evaluatorId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adjustment" ADD CONSTRAINT "Adjustment_organisationId_evalueeId_fkey" FOREIGN KEY ("organisationId", "evalueeId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_organisationId_cycleId_fkey" FOREIGN KEY ("organisationId", "cycleId") REFERENCES "EvaluationCycle"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_organisationId_evalueeId_fkey" FOREIGN KEY ("organisationId", "evalueeId") REFERENCES "Person"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_organisationId_cycleId_fkey" FOREIGN KEY ("organisationId", "cycleId") REFERENCES "EvaluationCycle"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_organisationId_resultId_fkey" FOREIGN KEY ("organisationId", "resultId") REFERENCES "EvaluationResult"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;


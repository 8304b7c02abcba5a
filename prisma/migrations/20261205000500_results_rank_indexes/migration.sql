-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_rank_idx" ON "EvaluationResult"("cycleId", "rank");

-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_grade_rank_idx" ON "EvaluationResult"("cycleId", "grade", "rank");


-- The computed sheet of an evaluation result (category breakdown, adjustments, grade reason),
-- kept with the result so a printed sheet adds up even after targets and scores move on.
ALTER TABLE "EvaluationResult" ADD COLUMN "sheet" JSONB;

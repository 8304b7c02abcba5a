-- CreateIndex
CREATE INDEX "Post_organisationId_tier_sortOrder_idx" ON "Post"("organisationId", "tier", "sortOrder");


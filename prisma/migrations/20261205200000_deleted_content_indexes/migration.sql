-- The tags list counts each tag's visible discussions and posts as all its rows minus the
-- few deleted, hidden or draft ones, found through these indexes instead of whole tables.
-- CreateIndex
CREATE INDEX "Discussion_deletedAt_idx" ON "Discussion"("deletedAt");

-- CreateIndex
CREATE INDEX "KnowledgePost_deletedAt_idx" ON "KnowledgePost"("deletedAt");


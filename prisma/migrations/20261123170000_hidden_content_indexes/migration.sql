-- The admins' "Hidden content" list finds hidden rows without reading whole tables.
-- CreateIndex
CREATE INDEX "Discussion_hiddenAt_idx" ON "Discussion"("hiddenAt");

-- CreateIndex
CREATE INDEX "Reply_hiddenAt_idx" ON "Reply"("hiddenAt");

-- CreateIndex
CREATE INDEX "KnowledgePost_hiddenAt_idx" ON "KnowledgePost"("hiddenAt");

-- CreateIndex
CREATE INDEX "PostComment_hiddenAt_idx" ON "PostComment"("hiddenAt");


-- CreateTable
CREATE TABLE "MemberActivity" (
    "userId" TEXT NOT NULL,
    "activeDays" DATE[],
    "contributionDays" DATE[],
    "contributionTotals" INTEGER[],
    "receivedDays" DATE[],
    "receivedTotals" INTEGER[],
    "lastHeardAt" TIMESTAMP(3),

    CONSTRAINT "MemberActivity_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ActivityRollup" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "rolledUntil" TIMESTAMP(3) NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reply_createdAt_idx" ON "Reply"("createdAt");

-- CreateIndex
CREATE INDEX "DiscussionReaction_createdAt_idx" ON "DiscussionReaction"("createdAt");

-- CreateIndex
CREATE INDEX "ReplyReaction_createdAt_idx" ON "ReplyReaction"("createdAt");

-- CreateIndex
CREATE INDEX "PostComment_createdAt_idx" ON "PostComment"("createdAt");

-- CreateIndex
CREATE INDEX "HelpfulVote_createdAt_idx" ON "HelpfulVote"("createdAt");

-- CreateIndex
CREATE INDEX "SessionRsvp_createdAt_idx" ON "SessionRsvp"("createdAt");

-- CreateIndex
CREATE INDEX "SessionFeedback_createdOn_idx" ON "SessionFeedback"("createdOn");

-- CreateIndex
CREATE INDEX "RecognitionApplause_createdAt_idx" ON "RecognitionApplause"("createdAt");

-- CreateIndex
CREATE INDEX "PairingCheckIn_createdAt_idx" ON "PairingCheckIn"("createdAt");

-- AddForeignKey
ALTER TABLE "MemberActivity" ADD CONSTRAINT "MemberActivity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


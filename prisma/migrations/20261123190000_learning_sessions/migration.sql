-- CreateEnum
CREATE TYPE "SessionFormat" AS ENUM ('LUNCH_AND_LEARN', 'WORKSHOP', 'GUEST_SPEAKER', 'BOOK_CLUB', 'CASE_STUDY', 'RETROSPECTIVE', 'TOWN_HALL');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'CANCELLED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('GOING', 'WAITLISTED', 'NOT_GOING');

-- CreateEnum
CREATE TYPE "TopicProposalStatus" AS ENUM ('OPEN', 'SCHEDULED', 'DECLINED');

-- CreateTable
CREATE TABLE "LearningSession" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "format" "SessionFormat" NOT NULL,
    "description" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "meetingUrl" TEXT,
    "capacity" INTEGER,
    "goingCount" INTEGER NOT NULL DEFAULT 0,
    "goals" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '',
    "openQuestions" TEXT NOT NULL DEFAULT '',
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "completedAt" TIMESTAMP(3),
    "scheduledById" TEXT,
    "summary" TEXT,
    "takeaways" TEXT,
    "recordingUrl" TEXT,
    "notesUpdatedAt" TIMESTAMP(3),
    "notesPostId" TEXT,
    "proposalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionHost" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SessionHost_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "SessionRsvp" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "RsvpStatus" NOT NULL,
    "waitlistedAt" TIMESTAMP(3),
    "attendedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionRsvp_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "SessionPreReading" (
    "sessionId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SessionPreReading_pkey" PRIMARY KEY ("sessionId","postId")
);

-- CreateTable
CREATE TABLE "SessionActionItem" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" DATE,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionFeedback" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "authorId" TEXT,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "createdOn" DATE NOT NULL,

    CONSTRAINT "SessionFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionFeedbackReceipt" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "SessionFeedbackReceipt_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TopicProposal" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "proposerId" TEXT NOT NULL,
    "willHost" BOOLEAN NOT NULL DEFAULT false,
    "status" "TopicProposalStatus" NOT NULL DEFAULT 'OPEN',
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicVote" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicVote_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LearningSession_notesPostId_key" ON "LearningSession"("notesPostId");

-- CreateIndex
CREATE UNIQUE INDEX "LearningSession_proposalId_key" ON "LearningSession"("proposalId");

-- CreateIndex
CREATE INDEX "LearningSession_startsAt_id_idx" ON "LearningSession"("startsAt", "id");

-- CreateIndex
CREATE INDEX "LearningSession_status_startsAt_id_idx" ON "LearningSession"("status", "startsAt", "id");

-- CreateIndex
CREATE INDEX "LearningSession_endsAt_id_idx" ON "LearningSession"("endsAt", "id");

-- CreateIndex
CREATE INDEX "SessionHost_userId_idx" ON "SessionHost"("userId");

-- CreateIndex
CREATE INDEX "SessionRsvp_sessionId_status_waitlistedAt_idx" ON "SessionRsvp"("sessionId", "status", "waitlistedAt");

-- CreateIndex
CREATE INDEX "SessionRsvp_userId_status_idx" ON "SessionRsvp"("userId", "status");

-- CreateIndex
CREATE INDEX "SessionPreReading_postId_idx" ON "SessionPreReading"("postId");

-- CreateIndex
CREATE INDEX "SessionActionItem_sessionId_createdAt_idx" ON "SessionActionItem"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "SessionActionItem_ownerId_doneAt_dueOn_idx" ON "SessionActionItem"("ownerId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "SessionFeedback_sessionId_idx" ON "SessionFeedback"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "TopicProposal_status_voteCount_id_idx" ON "TopicProposal"("status", "voteCount", "id");

-- CreateIndex
CREATE INDEX "TopicProposal_proposerId_idx" ON "TopicProposal"("proposerId");

-- CreateIndex
CREATE INDEX "TopicVote_userId_idx" ON "TopicVote"("userId");

-- AddForeignKey
ALTER TABLE "LearningSession" ADD CONSTRAINT "LearningSession_scheduledById_fkey" FOREIGN KEY ("scheduledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningSession" ADD CONSTRAINT "LearningSession_notesPostId_fkey" FOREIGN KEY ("notesPostId") REFERENCES "KnowledgePost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningSession" ADD CONSTRAINT "LearningSession_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "TopicProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionHost" ADD CONSTRAINT "SessionHost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionHost" ADD CONSTRAINT "SessionHost_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionRsvp" ADD CONSTRAINT "SessionRsvp_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionRsvp" ADD CONSTRAINT "SessionRsvp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionPreReading" ADD CONSTRAINT "SessionPreReading_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionPreReading" ADD CONSTRAINT "SessionPreReading_postId_fkey" FOREIGN KEY ("postId") REFERENCES "KnowledgePost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionActionItem" ADD CONSTRAINT "SessionActionItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionActionItem" ADD CONSTRAINT "SessionActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFeedbackReceipt" ADD CONSTRAINT "SessionFeedbackReceipt_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFeedbackReceipt" ADD CONSTRAINT "SessionFeedbackReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicProposal" ADD CONSTRAINT "TopicProposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicVote" ADD CONSTRAINT "TopicVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "TopicProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicVote" ADD CONSTRAINT "TopicVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateEnum
CREATE TYPE "AskStatus" AS ENUM ('ASKED', 'ANSWERED', 'PASSED', 'REDIRECTED');

-- CreateEnum
CREATE TYPE "KnowledgeRequestStatus" AS ENUM ('OPEN', 'FULFILLED', 'CLOSED');

-- CreateTable
CREATE TABLE "Ask" (
    "id" TEXT NOT NULL,
    "discussionId" TEXT,
    "requestId" TEXT,
    "askedMemberId" TEXT NOT NULL,
    "askedById" TEXT,
    "reasons" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "status" "AskStatus" NOT NULL DEFAULT 'ASKED',
    "suggestedMemberId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "Ask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeRequest" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "status" "KnowledgeRequestStatus" NOT NULL DEFAULT 'OPEN',
    "fulfilledByPostId" TEXT,
    "fulfilledAt" TIMESTAMP(3),
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeRequestTag" (
    "requestId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "KnowledgeRequestTag_pkey" PRIMARY KEY ("requestId","tagId")
);

-- CreateTable
CREATE TABLE "KnowledgeRequestVote" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeRequestVote_pkey" PRIMARY KEY ("requestId","userId")
);

-- CreateIndex
CREATE INDEX "Ask_askedMemberId_createdAt_idx" ON "Ask"("askedMemberId", "createdAt");

-- CreateIndex
CREATE INDEX "Ask_askedMemberId_status_idx" ON "Ask"("askedMemberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Ask_discussionId_askedMemberId_key" ON "Ask"("discussionId", "askedMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "Ask_requestId_askedMemberId_key" ON "Ask"("requestId", "askedMemberId");

-- CreateIndex
CREATE INDEX "KnowledgeRequest_status_voteCount_id_idx" ON "KnowledgeRequest"("status", "voteCount", "id");

-- CreateIndex
CREATE INDEX "KnowledgeRequest_status_createdAt_id_idx" ON "KnowledgeRequest"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "KnowledgeRequest_fulfilledByPostId_idx" ON "KnowledgeRequest"("fulfilledByPostId");

-- CreateIndex
CREATE INDEX "KnowledgeRequestTag_tagId_requestId_idx" ON "KnowledgeRequestTag"("tagId", "requestId");

-- CreateIndex
CREATE INDEX "KnowledgeRequestVote_userId_idx" ON "KnowledgeRequestVote"("userId");

-- AddForeignKey
ALTER TABLE "Ask" ADD CONSTRAINT "Ask_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ask" ADD CONSTRAINT "Ask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "KnowledgeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ask" ADD CONSTRAINT "Ask_askedMemberId_fkey" FOREIGN KEY ("askedMemberId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ask" ADD CONSTRAINT "Ask_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ask" ADD CONSTRAINT "Ask_suggestedMemberId_fkey" FOREIGN KEY ("suggestedMemberId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRequest" ADD CONSTRAINT "KnowledgeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRequest" ADD CONSTRAINT "KnowledgeRequest_fulfilledByPostId_fkey" FOREIGN KEY ("fulfilledByPostId") REFERENCES "KnowledgePost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRequestTag" ADD CONSTRAINT "KnowledgeRequestTag_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "KnowledgeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRequestTag" ADD CONSTRAINT "KnowledgeRequestTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRequestVote" ADD CONSTRAINT "KnowledgeRequestVote_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "KnowledgeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRequestVote" ADD CONSTRAINT "KnowledgeRequestVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A reply by an asked member answers the ask, whichever code path wrote the reply (the reply
-- service belongs to the discussions domain; this keeps the asks' state in step in the same
-- statement). Uses the unique index on ("discussionId", "askedMemberId").
CREATE FUNCTION ask_answered_by_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ask" SET "status" = 'ANSWERED', "respondedAt" = NEW."createdAt"
   WHERE "discussionId" = NEW."discussionId" AND "askedMemberId" = NEW."authorId"
     AND "status" <> 'ANSWERED';
  RETURN NULL;
END $$;

CREATE TRIGGER "Reply_answers_ask" AFTER INSERT ON "Reply"
  FOR EACH ROW EXECUTE FUNCTION ask_answered_by_reply();

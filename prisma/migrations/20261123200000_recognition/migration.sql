-- CreateEnum
CREATE TYPE "RecognitionKind" AS ENUM ('SHOUT_OUT', 'LEADER');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterEnum
ALTER TYPE "ReportTarget" ADD VALUE 'RECOGNITION';

-- CreateTable
CREATE TABLE "CompanyValue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "emoji" TEXT NOT NULL DEFAULT '',
    "colour" TEXT NOT NULL DEFAULT 'brand',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompanyValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recognition" (
    "id" TEXT NOT NULL,
    "kind" "RecognitionKind" NOT NULL DEFAULT 'SHOUT_OUT',
    "giverId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "teamId" TEXT,
    "discussionId" TEXT,
    "replyId" TEXT,
    "postId" TEXT,
    "sessionId" TEXT,
    "featuredAt" TIMESTAMP(3),
    "featuredById" TEXT,
    "applauseCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),

    CONSTRAINT "Recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecognitionRecipient" (
    "recognitionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "RecognitionRecipient_pkey" PRIMARY KEY ("recognitionId","userId")
);

-- CreateTable
CREATE TABLE "RecognitionApplause" (
    "recognitionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecognitionApplause_pkey" PRIMARY KEY ("recognitionId","userId")
);

-- CreateTable
CREATE TABLE "PrivateFeedback" (
    "id" TEXT NOT NULL,
    "giverId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "PrivateFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "recognitionId" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "lastStatus" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompanyValue_slug_key" ON "CompanyValue"("slug");

-- CreateIndex
CREATE INDEX "CompanyValue_archivedAt_position_idx" ON "CompanyValue"("archivedAt", "position");

-- CreateIndex
CREATE INDEX "Recognition_createdAt_id_idx" ON "Recognition"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Recognition_featuredAt_id_idx" ON "Recognition"("featuredAt", "id");

-- CreateIndex
CREATE INDEX "Recognition_valueId_createdAt_idx" ON "Recognition"("valueId", "createdAt");

-- CreateIndex
CREATE INDEX "Recognition_giverId_createdAt_idx" ON "Recognition"("giverId", "createdAt");

-- CreateIndex
CREATE INDEX "Recognition_teamId_createdAt_idx" ON "Recognition"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Recognition_hiddenAt_idx" ON "Recognition"("hiddenAt");

-- CreateIndex
CREATE INDEX "RecognitionRecipient_userId_recognitionId_idx" ON "RecognitionRecipient"("userId", "recognitionId");

-- CreateIndex
CREATE INDEX "RecognitionApplause_userId_idx" ON "RecognitionApplause"("userId");

-- CreateIndex
CREATE INDEX "PrivateFeedback_recipientId_createdAt_id_idx" ON "PrivateFeedback"("recipientId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PrivateFeedback_giverId_createdAt_id_idx" ON "PrivateFeedback"("giverId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_createdAt_id_idx" ON "WebhookDelivery"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "CompanyValue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_postId_fkey" FOREIGN KEY ("postId") REFERENCES "KnowledgePost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_featuredById_fkey" FOREIGN KEY ("featuredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecognitionRecipient" ADD CONSTRAINT "RecognitionRecipient_recognitionId_fkey" FOREIGN KEY ("recognitionId") REFERENCES "Recognition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecognitionRecipient" ADD CONSTRAINT "RecognitionRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecognitionApplause" ADD CONSTRAINT "RecognitionApplause_recognitionId_fkey" FOREIGN KEY ("recognitionId") REFERENCES "Recognition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecognitionApplause" ADD CONSTRAINT "RecognitionApplause_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrivateFeedback" ADD CONSTRAINT "PrivateFeedback_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrivateFeedback" ADD CONSTRAINT "PrivateFeedback_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_recognitionId_fkey" FOREIGN KEY ("recognitionId") REFERENCES "Recognition"("id") ON DELETE CASCADE ON UPDATE CASCADE;


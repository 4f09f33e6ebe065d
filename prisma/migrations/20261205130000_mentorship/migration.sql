-- CreateEnum
CREATE TYPE "MentorRequestStatus" AS ENUM ('WAITING', 'MATCHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PairingStatus" AS ENUM ('ACTIVE', 'PAUSED', 'COMPLETED', 'ENDED');

-- AlterTable
ALTER TABLE "Recognition" ADD COLUMN     "pairingId" TEXT;

-- CreateTable
CREATE TABLE "MentorshipProfile" (
    "userId" TEXT NOT NULL,
    "openToMentor" BOOLEAN NOT NULL DEFAULT false,
    "maxMentees" INTEGER NOT NULL DEFAULT 1,
    "wantsMentor" BOOLEAN NOT NULL DEFAULT false,
    "goals" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorshipProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MentorRequest" (
    "id" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "MentorRequestStatus" NOT NULL DEFAULT 'WAITING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "pairingId" TEXT,

    CONSTRAINT "MentorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorPairing" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "status" "PairingStatus" NOT NULL DEFAULT 'ACTIVE',
    "goals" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "expectedEndOn" DATE,
    "cadenceDays" INTEGER NOT NULL,
    "lastCheckInOn" DATE,
    "createdById" TEXT,
    "pausedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "endRequestedAt" TIMESTAMP(3),
    "endRequestedById" TEXT,
    "endRequestReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingGoal" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingCheckIn" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "authorId" TEXT,
    "heldOn" DATE NOT NULL,
    "notes" TEXT NOT NULL,
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairingCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingLink" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "postId" TEXT,
    "sessionId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairingLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingReflection" (
    "pairingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "learned" TEXT NOT NULL,
    "nextSteps" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingReflection_pkey" PRIMARY KEY ("pairingId","userId")
);

-- CreateIndex
CREATE INDEX "MentorshipProfile_openToMentor_idx" ON "MentorshipProfile"("openToMentor");

-- CreateIndex
CREATE UNIQUE INDEX "MentorRequest_pairingId_key" ON "MentorRequest"("pairingId");

-- CreateIndex
CREATE INDEX "MentorRequest_status_createdAt_id_idx" ON "MentorRequest"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "MentorRequest_menteeId_status_idx" ON "MentorRequest"("menteeId", "status");

-- CreateIndex
CREATE INDEX "MentorPairing_status_createdAt_id_idx" ON "MentorPairing"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "MentorPairing_mentorId_status_idx" ON "MentorPairing"("mentorId", "status");

-- CreateIndex
CREATE INDEX "MentorPairing_menteeId_status_idx" ON "MentorPairing"("menteeId", "status");

-- CreateIndex
CREATE INDEX "PairingGoal_pairingId_position_idx" ON "PairingGoal"("pairingId", "position");

-- CreateIndex
CREATE INDEX "PairingCheckIn_pairingId_heldOn_id_idx" ON "PairingCheckIn"("pairingId", "heldOn", "id");

-- CreateIndex
CREATE INDEX "PairingLink_pairingId_createdAt_idx" ON "PairingLink"("pairingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PairingLink_pairingId_postId_key" ON "PairingLink"("pairingId", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "PairingLink_pairingId_sessionId_key" ON "PairingLink"("pairingId", "sessionId");

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "MentorPairing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipProfile" ADD CONSTRAINT "MentorshipProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorRequest" ADD CONSTRAINT "MentorRequest_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorRequest" ADD CONSTRAINT "MentorRequest_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "MentorPairing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPairing" ADD CONSTRAINT "MentorPairing_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPairing" ADD CONSTRAINT "MentorPairing_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPairing" ADD CONSTRAINT "MentorPairing_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingGoal" ADD CONSTRAINT "PairingGoal_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "MentorPairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingCheckIn" ADD CONSTRAINT "PairingCheckIn_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "MentorPairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingCheckIn" ADD CONSTRAINT "PairingCheckIn_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingLink" ADD CONSTRAINT "PairingLink_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "MentorPairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingLink" ADD CONSTRAINT "PairingLink_postId_fkey" FOREIGN KEY ("postId") REFERENCES "KnowledgePost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingLink" ADD CONSTRAINT "PairingLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingLink" ADD CONSTRAINT "PairingLink_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingReflection" ADD CONSTRAINT "PairingReflection_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "MentorPairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingReflection" ADD CONSTRAINT "PairingReflection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


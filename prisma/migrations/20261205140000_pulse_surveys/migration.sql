-- CreateEnum
CREATE TYPE "PulseQuestionKind" AS ENUM ('SCALE', 'TEXT');

-- CreateTable
CREATE TABLE "PulseSurvey" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "previousRoundId" TEXT,
    "createdById" TEXT,
    "responseCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PulseSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseQuestion" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "kind" "PulseQuestionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "theme" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "PulseQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "teamId" TEXT,
    "submittedOn" DATE NOT NULL,

    CONSTRAINT "PulseResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseAnswer" (
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER,
    "text" TEXT,

    CONSTRAINT "PulseAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateTable
CREATE TABLE "PulseReceipt" (
    "surveyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "PulseReceipt_pkey" PRIMARY KEY ("surveyId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PulseSurvey_previousRoundId_key" ON "PulseSurvey"("previousRoundId");

-- CreateIndex
CREATE INDEX "PulseSurvey_opensAt_closesAt_idx" ON "PulseSurvey"("opensAt", "closesAt");

-- CreateIndex
CREATE INDEX "PulseSurvey_createdAt_id_idx" ON "PulseSurvey"("createdAt", "id");

-- CreateIndex
CREATE INDEX "PulseQuestion_surveyId_position_idx" ON "PulseQuestion"("surveyId", "position");

-- CreateIndex
CREATE INDEX "PulseResponse_surveyId_teamId_idx" ON "PulseResponse"("surveyId", "teamId");

-- CreateIndex
CREATE INDEX "PulseAnswer_questionId_score_idx" ON "PulseAnswer"("questionId", "score");

-- CreateIndex
CREATE INDEX "PulseReceipt_userId_idx" ON "PulseReceipt"("userId");

-- AddForeignKey
ALTER TABLE "PulseSurvey" ADD CONSTRAINT "PulseSurvey_previousRoundId_fkey" FOREIGN KEY ("previousRoundId") REFERENCES "PulseSurvey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseSurvey" ADD CONSTRAINT "PulseSurvey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseQuestion" ADD CONSTRAINT "PulseQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "PulseSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseResponse" ADD CONSTRAINT "PulseResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "PulseSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseResponse" ADD CONSTRAINT "PulseResponse_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "PulseResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "PulseQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseReceipt" ADD CONSTRAINT "PulseReceipt_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "PulseSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseReceipt" ADD CONSTRAINT "PulseReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


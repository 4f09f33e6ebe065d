-- Communities of practice (issue 20). A community is archived, never deleted while it has
-- content: its content must not fall into the company-wide stream (ON DELETE RESTRICT).

-- CreateEnum
CREATE TYPE "CommunityAccess" AS ENUM ('OPEN', 'BY_REQUEST', 'PRIVATE');

-- CreateEnum
CREATE TYPE "CommunityRole" AS ENUM ('LEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "CommunityMembershipStatus" AS ENUM ('ACTIVE', 'REQUESTED', 'INVITED');

-- AlterTable
ALTER TABLE "Discussion" ADD COLUMN     "communityId" TEXT;

-- AlterTable
ALTER TABLE "KnowledgePost" ADD COLUMN     "communityId" TEXT;

-- AlterTable
ALTER TABLE "LearningSession" ADD COLUMN     "communityId" TEXT;

-- CreateTable
CREATE TABLE "Community" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "access" "CommunityAccess" NOT NULL DEFAULT 'OPEN',
    "allowsAnonymousQuestions" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "searchVector" tsvector,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityMembership" (
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" "CommunityRole" NOT NULL DEFAULT 'MEMBER',
    "status" "CommunityMembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "following" BOOLEAN NOT NULL DEFAULT true,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommunityMembership_pkey" PRIMARY KEY ("communityId","memberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Community_slug_key" ON "Community"("slug");

-- CreateIndex
CREATE INDEX "Community_name_id_idx" ON "Community"("name", "id");

-- CreateIndex
CREATE INDEX "Community_memberCount_id_idx" ON "Community"("memberCount", "id");

-- CreateIndex
CREATE INDEX "Community_searchVector_idx" ON "Community" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "CommunityMembership_memberId_status_idx" ON "CommunityMembership"("memberId", "status");

-- CreateIndex
CREATE INDEX "CommunityMembership_communityId_status_role_idx" ON "CommunityMembership"("communityId", "status", "role");

-- CreateIndex
CREATE INDEX "Discussion_communityId_lastActivityAt_id_idx" ON "Discussion"("communityId", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "KnowledgePost_communityId_status_publishedAt_id_idx" ON "KnowledgePost"("communityId", "status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "LearningSession_communityId_startsAt_id_idx" ON "LearningSession"("communityId", "startsAt", "id");

-- AddForeignKey
ALTER TABLE "Discussion" ADD CONSTRAINT "Discussion_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgePost" ADD CONSTRAINT "KnowledgePost_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningSession" ADD CONSTRAINT "LearningSession_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMembership" ADD CONSTRAINT "CommunityMembership_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMembership" ADD CONSTRAINT "CommunityMembership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMembership" ADD CONSTRAINT "CommunityMembership_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The directory's full-text search (name above purpose), maintained by the database.
CREATE FUNCTION community_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A')
                     || setweight(to_tsvector('english', coalesce(NEW."purpose", '')), 'B');
  RETURN NEW;
END $$;

CREATE TRIGGER "Community_searchVector" BEFORE INSERT OR UPDATE OF "name", "purpose" ON "Community"
  FOR EACH ROW EXECUTE FUNCTION community_search_trigger();

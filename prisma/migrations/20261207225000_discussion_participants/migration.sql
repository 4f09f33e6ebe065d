-- The discussion list's faces (issue 19), kept on the discussion instead of being worked out
-- per row on every list request: the list read up to 100 replies per row to find them, which
-- was most of its database time (decision 018, "After issue 19").
-- AlterTable
ALTER TABLE "Discussion" ADD COLUMN     "participantIds" TEXT[] DEFAULT ARRAY[]::TEXT[];


-- Up to four distinct members other than the author who wrote one of the discussion's 100
-- newest visible replies, the latest first (the same rule the list used to compute per row).
CREATE FUNCTION discussion_participant_ids(discussion_id text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(p."authorId" ORDER BY p.last DESC), ARRAY[]::text[])
  FROM (
    SELECT x."authorId", max(x."createdAt") AS last
    FROM (
      SELECT r."authorId", r."createdAt" FROM "Reply" r
      WHERE r."discussionId" = discussion_id AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL
      ORDER BY r."createdAt" DESC
      LIMIT 100
    ) x
    WHERE x."authorId" <> (SELECT d."authorId" FROM "Discussion" d WHERE d.id = discussion_id)
    GROUP BY x."authorId"
    ORDER BY last DESC
    LIMIT 4
  ) p
$$;

-- New and removed replies: statement-level, so that a bulk insert recomputes each discussion
-- once.
CREATE FUNCTION reply_participants_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Discussion" d SET "participantIds" = discussion_participant_ids(d.id)
    WHERE d.id IN (SELECT "discussionId" FROM old_replies);
  ELSE
    UPDATE "Discussion" d SET "participantIds" = discussion_participant_ids(d.id)
    WHERE d.id IN (SELECT "discussionId" FROM new_replies);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Reply_participants_insert" AFTER INSERT ON "Reply"
  REFERENCING NEW TABLE AS new_replies
  FOR EACH STATEMENT EXECUTE FUNCTION reply_participants_trigger();
CREATE TRIGGER "Reply_participants_delete" AFTER DELETE ON "Reply"
  REFERENCING OLD TABLE AS old_replies
  FOR EACH STATEMENT EXECUTE FUNCTION reply_participants_trigger();

-- Only a change of what is visible counts (not votes or edits): a vote on a reply must not
-- lock its discussion.
CREATE FUNCTION reply_visibility_participants_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Discussion" d SET "participantIds" = discussion_participant_ids(d.id)
  WHERE d.id = NEW."discussionId";
  RETURN NULL;
END $$;

CREATE TRIGGER "Reply_participants_visibility" AFTER UPDATE OF "deletedAt", "hiddenAt" ON "Reply"
  FOR EACH ROW
  WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD."hiddenAt" IS DISTINCT FROM NEW."hiddenAt")
  EXECUTE FUNCTION reply_visibility_participants_trigger();

UPDATE "Discussion" d SET "participantIds" = discussion_participant_ids(d.id) WHERE d."replyCount" > 0
  OR EXISTS (SELECT 1 FROM "Reply" r WHERE r."discussionId" = d.id);

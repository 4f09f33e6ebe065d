-- Anonymous session ratings given before they were sealed and released in groups of three
-- (docs/decisions/012-anonymity.md, "Stored data" of session 6). Migration 20261207110000 broke
-- their transaction and order links, but kept two others:
--  * a session with only one or two anonymous ratings: its receipts minus its named ratings
--    name the one or two members who gave them (elimination);
--  * each old rating's own day (createdOn), which a day of known activity can match.
-- The app no longer writes either: new ratings wait sealed until three can go out together,
-- stamped with the day they go out. Old ratings cannot be sealed again here (the key is not
-- in the database), so:
--  1. a session's anonymous ratings are dropped when it has fewer than three (ANONYMOUS_FEEDBACK_BATCH);
--     their receipts stay (they only say who rated, and stop a second rating);
--  2. every session's remaining anonymous ratings take one day, the latest of them (as if
--     released together then), and are written again in random order with new random ids.
-- Named ratings are untouched: they carry their author anyway.

CREATE TEMP TABLE "_anonymous" ON COMMIT DROP AS
SELECT f."sessionId", f."rating", f."comment",
       max(f."createdOn") OVER (PARTITION BY f."sessionId") AS "createdOn",
       count(*) OVER (PARTITION BY f."sessionId") AS "inSession"
FROM "SessionFeedback" f WHERE f."authorId" IS NULL;

DELETE FROM "SessionFeedback" WHERE "authorId" IS NULL;

INSERT INTO "SessionFeedback" ("id", "sessionId", "authorId", "rating", "comment", "createdOn")
SELECT gen_random_uuid()::text, "sessionId", NULL, "rating", "comment", "createdOn"
FROM "_anonymous" WHERE "inSession" >= 3 ORDER BY random();

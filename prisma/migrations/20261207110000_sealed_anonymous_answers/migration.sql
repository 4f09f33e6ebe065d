-- Anonymous answers that hold against a reader of the database (docs/decisions/012-anonymity.md).
-- New answers wait sealed beside their receipt and are released together; this migration also
-- breaks the links already stored: each anonymous row was written in the transaction of its
-- receipt (same xmin, matching physical order). Every such row is written again here, in random
-- order and with a new random id, so all of them share this migration's transaction.

-- AlterTable
ALTER TABLE "SessionFeedbackReceipt" ADD COLUMN     "sealed" BYTEA;

-- AlterTable
ALTER TABLE "PulseReceipt" ADD COLUMN     "sealed" BYTEA;

-- Pulse responses: the threshold of the results (the "surveys.minResponses" setting, 5 unless
-- set to 3..50), used to keep a team only where at least that many of a survey's responses
-- came from it, and to drop the answers of surveys that closed below it (never shown).
CREATE TEMP TABLE "_threshold" ON COMMIT DROP AS
SELECT COALESCE((
  SELECT (s."value" #>> '{}')::int FROM "Setting" s
  WHERE s."key" = 'surveys.minResponses' AND jsonb_typeof(s."value"::jsonb) = 'number'
    AND (s."value" #>> '{}') ~ '^[0-9]+$' AND (s."value" #>> '{}')::int BETWEEN 3 AND 50
), 5) AS "n";

DELETE FROM "PulseResponse" r
USING "PulseSurvey" s
WHERE r."surveyId" = s."id"
  AND LEAST(s."closedAt", s."closesAt") <= now()
  AND (SELECT COUNT(*) FROM "PulseResponse" c WHERE c."surveyId" = s."id") < (SELECT "n" FROM "_threshold");

CREATE TEMP TABLE "_response" ON COMMIT DROP AS
SELECT r."id" AS "oldId", gen_random_uuid()::text AS "newId", r."surveyId",
       CASE WHEN COUNT(*) OVER (PARTITION BY r."surveyId", r."teamId") >= (SELECT "n" FROM "_threshold")
            THEN r."teamId" END AS "teamId"
FROM "PulseResponse" r;

CREATE TEMP TABLE "_answer" ON COMMIT DROP AS
SELECT m."newId" AS "responseId", a."questionId", a."score", a."text"
FROM "PulseAnswer" a JOIN "_response" m ON m."oldId" = a."responseId";

DELETE FROM "PulseResponse";

-- AlterTable
ALTER TABLE "PulseResponse" DROP COLUMN "submittedOn";

INSERT INTO "PulseResponse" ("id", "surveyId", "teamId")
SELECT "newId", "surveyId", "teamId" FROM "_response" ORDER BY random();

INSERT INTO "PulseAnswer" ("responseId", "questionId", "score", "text")
SELECT "responseId", "questionId", "score", "text" FROM "_answer" ORDER BY random();

-- Anonymous session feedback: the same, row by row (named feedback carries its author anyway).
CREATE TEMP TABLE "_feedback" ON COMMIT DROP AS
SELECT gen_random_uuid()::text AS "id", f."sessionId", f."rating", f."comment", f."createdOn"
FROM "SessionFeedback" f WHERE f."authorId" IS NULL;

DELETE FROM "SessionFeedback" WHERE "authorId" IS NULL;

INSERT INTO "SessionFeedback" ("id", "sessionId", "authorId", "rating", "comment", "createdOn")
SELECT "id", "sessionId", NULL, "rating", "comment", "createdOn" FROM "_feedback" ORDER BY random();

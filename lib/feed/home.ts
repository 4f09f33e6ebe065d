// Everything the member home page shows, loaded in one place: the feed's three blocks, open
// surveys, open action items, the next sessions, the recognition wall and suggested
// teachers. The reads are independent, so they run at once; each is a single statement or a
// fixed few, so the page's database work does not grow with the data.
import "server-only";
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { Page } from "@/lib/core/pagination/cursor";
import { findTeachersFor, type SuggestedTeacher } from "@/lib/members/queries";
import { featuredForHome, type RecognitionCard } from "@/lib/recognition/queries";
import { openActionItemsFor, type OpenActionItem } from "@/lib/sessions/after/queries";
import { nextSessionsFor, type NextSessions } from "@/lib/sessions/queries";
import { openSurveysFor, type OpenSurvey } from "@/lib/surveys/queries";
import { homeFeed, type HomeFeed } from "./queries";

/** Sessions and featured recognitions the home page shows. */
export const HOME_SESSIONS = 3;
export const HOME_WALL_SIZE = 3;

export type HomeViewer = Actor & { timeZone: string };

export interface HomeParams {
  /** The recent activity page (absent: the first page, with every other block). */
  cursor?: string;
  /** The open action items page (malformed or absent: the first). */
  actions?: string;
  /** Recent activity items per page. */
  take?: number;
}

/** The blocks only the first page shows. */
export interface HomeTop {
  surveys: OpenSurvey[];
  actionItems: Page<OpenActionItem>;
  sessions: NextSessions;
  /** Null when the viewer may not read recognition. */
  wall: RecognitionCard[] | null;
  teachers: SuggestedTeacher[];
}

export interface HomeData {
  feed: HomeFeed;
  /** Null after the first page of recent activity. */
  top: HomeTop | null;
}

/** The home page's data; a malformed feed cursor throws InvalidCursor. */
export async function loadHome(viewer: HomeViewer, params: HomeParams = {}): Promise<HomeData> {
  const feed = homeFeed(viewer, { cursor: params.cursor, take: params.take });
  if (params.cursor) return { feed: await feed, top: null };
  const [loadedFeed, top] = await Promise.all([feed, loadTop(viewer, params.actions)]);
  return { feed: loadedFeed, top };
}

async function loadTop(viewer: HomeViewer, actionsCursor: string | undefined): Promise<HomeTop> {
  const seesWall = hasPermission(viewer.role, "read:recognition:any");
  const [surveys, actionItems, sessions, wall, teachers] = await Promise.all([
    openSurveysFor(viewer),
    openActionItemsFor(viewer, { cursor: actionsCursor, timeZone: viewer.timeZone }),
    nextSessionsFor(viewer, HOME_SESSIONS),
    seesWall ? featuredForHome(viewer, HOME_WALL_SIZE) : null,
    findTeachersFor(viewer.id),
  ]);
  return { surveys, actionItems, sessions, wall, teachers };
}

import { formatDateTime } from "@/lib/core/date-format";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { signOutOtherSessionsAction } from "@/lib/account/actions/sessions";
import { RevokeSessionForm } from "./revoke-session-form";

export interface SessionRow {
  id: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

function SessionItem({
  session,
  isCurrent,
  timeZone,
}: {
  session: SessionRow;
  isCurrent: boolean;
  timeZone: string;
}) {
  const headingId = `session-${session.id}`;
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between"
    >
      <div className="space-y-1 text-sm">
        <h3 id={headingId} className="font-semibold">
          {session.device}
          {isCurrent ? (
            <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 font-normal text-brand-800">
              This device
            </span>
          ) : null}
        </h3>
        <p className="text-stone-700">
          Signed in {formatDateTime(session.createdAt, timeZone)}
          {session.ip ? ` from ${session.ip}` : null} · last seen{" "}
          {isCurrent ? "now" : formatDateTime(session.lastSeenAt, timeZone)}
        </p>
      </div>
      <RevokeSessionForm
        sessionId={session.id}
        label={isCurrent ? "of this device" : `of ${session.device}`}
      />
    </li>
  );
}

/** The member's signed-in browsers, each revocable, and the sign-out-everywhere-else button. */
export function SessionList({
  sessions,
  currentSessionId,
  timeZone,
}: {
  sessions: SessionRow[];
  currentSessionId: string | null;
  timeZone: string;
}) {
  return (
    <div className="space-y-4">
      <ul aria-label="Signed-in sessions" className="divide-y divide-stone-200">
        {sessions.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            isCurrent={session.id === currentSessionId}
            timeZone={timeZone}
          />
        ))}
      </ul>
      <div className="flex flex-wrap items-start gap-3 border-t border-stone-200 pt-4">
        {/* Always there, so that its outcome stays shown after the list has shrunk. */}
        <ActionButtonForm
          action={signOutOtherSessionsAction}
          fields={{}}
          label="Sign out everywhere else"
          pendingText="Signing out…"
        />
      </div>
    </div>
  );
}

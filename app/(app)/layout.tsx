import Link from "next/link";
import { requireUser, can } from "@/lib/core/auth/session";
import { MainNav } from "@/components/shell/main-nav";
import { AccountMenu } from "@/components/shell/account-menu";
import { MAIN_NAV } from "@/components/shell/nav-links";
import { SearchBox } from "@/components/search/search-box";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { unreadCount } from "@/lib/notifications/queries";
import { TimeZonePrompt } from "@/components/account/time-zone-prompt";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const links = MAIN_NAV.filter((l) => !l.permission || can(user, l.permission));
  const unread = await unreadCount(user.id);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Link
            href="/"
            className="text-base font-semibold text-brand-800 no-underline hover:no-underline"
          >
            Learning Commons
          </Link>
          <div className="order-3 w-full sm:order-2 sm:w-auto sm:flex-1">
            <MainNav links={links} />
          </div>
          <div className="order-4 w-full pb-1 sm:order-3 sm:w-auto sm:pb-0">
            <SearchBox />
          </div>
          <div className="order-2 ml-auto flex items-center gap-1 sm:order-4">
            <NotificationsLink unread={unread} timeZone={user.timeZone} />
            <AccountMenu
              name={user.name}
              email={user.email}
              memberId={user.id}
              avatarId={user.avatarId}
            />
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none"
      >
        <TimeZonePrompt profileZone={user.timeZone} />
        {children}
      </main>
      <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-600">
        Learning Commons: share what you know, learn together.
      </footer>
    </div>
  );
}

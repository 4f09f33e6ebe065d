"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { startTransition } from "react";
import { signOutAction } from "@/lib/account/actions/sign-out";

const ITEM =
  "block w-full cursor-pointer rounded px-3 py-2 text-left text-sm text-stone-800 no-underline outline-none data-[highlighted]:bg-brand-50 hover:no-underline";

export function AccountMenu({
  name,
  email,
  memberId,
}: {
  name: string;
  email: string;
  memberId: string;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex min-h-10 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
        aria-label={`Account menu for ${name}`}
      >
        <span
          aria-hidden
          className="grid size-7 place-items-center rounded-full bg-brand-700 text-xs font-semibold text-white"
        >
          {name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="hidden max-w-40 truncate 2xl:inline">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-md border border-stone-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-3 py-2 text-xs text-stone-600">
            {email}
          </DropdownMenu.Label>
          <DropdownMenu.Item asChild>
            <Link href={`/members/${memberId}`} className={ITEM}>
              Your profile
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/profile" className={ITEM}>
              Edit profile
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/account" className={ITEM}>
              Account and password
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/feedback" className={ITEM}>
              Private feedback
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-stone-200" />
          <DropdownMenu.Item
            className={ITEM}
            onSelect={() => startTransition(() => signOutAction())}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

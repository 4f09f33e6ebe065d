"use client";
import { useActionState, useId } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS, ROLES } from "@/lib/core/auth/roles";
import { changeMemberRoleAction } from "@/lib/admin/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

const SELECT =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 sm:w-40";

/** Role select and "Save role" for one member of the admin list. */
export function MemberRoleForm({
  memberId,
  memberName,
  role,
}: {
  memberId: string;
  memberName: string;
  role: Role;
}) {
  const id = useId();
  const [state, action] = useActionState(changeMemberRoleAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="memberId" value={memberId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:flex-none">
          <label htmlFor={id} className="block text-sm font-medium text-stone-800">
            Role<span className="sr-only"> for {memberName}</span>
          </label>
          {/* Re-mounts when the saved role changes, so the select shows it. */}
          <select key={role} id={id} name="role" defaultValue={role} className={SELECT}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save role<span className="sr-only"> for {memberName}</span>
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

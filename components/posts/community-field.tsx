import { SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/core/forms/action-result";

export interface CommunityOption {
  id: string;
  name: string;
}

/**
 * Where a discussion, post or session is published: the company-wide stream, or one of the
 * author's communities (a private one's content is for its members only). Not shown to a
 * member of no community.
 */
export function CommunityField({
  state,
  communities,
  defaultValue,
}: {
  state: FormState<unknown>;
  communities: CommunityOption[];
  defaultValue?: string | null;
}) {
  if (communities.length === 0) return null;
  return (
    <SelectField
      name="communityId"
      label="Community"
      hint="Post it to everyone, or in one of your communities (a private community's members only see it)."
      state={state}
      defaultValue={defaultValue ?? ""}
      options={[
        { value: "", label: "Everyone (no community)" },
        ...communities.map((community) => ({ value: community.id, label: community.name })),
      ]}
    />
  );
}

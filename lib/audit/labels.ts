// Words and links for what an audit entry is about, so the log reads as sentences rather than
// table names and ids.

const ENTITY_TYPE_LABELS: Record<string, string> = {
  User: "Member",
  Invitation: "Invitation",
  Setting: "Setting",
  Discussion: "Discussion",
  Reply: "Reply",
  KnowledgePost: "Knowledge post",
  Comment: "Comment",
  LearningSession: "Session",
  TopicProposal: "Topic proposal",
  CompanyValue: "Company value",
  Recognition: "Recognition",
  MentorPairing: "Mentorship",
  PulseSurvey: "Survey",
  Job: "Background job",
  Community: "Community",
};

/** "Knowledge post" for "KnowledgePost"; a type not listed shows as it is. */
export function entityTypeLabel(entityType: string): string {
  return ENTITY_TYPE_LABELS[entityType] ?? entityType;
}

const ENTITY_PAGES: Record<string, (id: string) => string> = {
  User: (id) => `/members/${id}`,
  Discussion: (id) => `/discussions/${id}`,
  KnowledgePost: (id) => `/posts/${id}`,
  LearningSession: (id) => `/sessions/${id}`,
  Recognition: (id) => `/recognition/${id}`,
  MentorPairing: (id) => `/mentorship/${id}`,
  PulseSurvey: (id) => `/insights/surveys/${id}`,
  Community: (id) => `/communities/by-id/${id}`,
};

/** The page that shows the entity, when it has one. */
export function entityHref(entityType: string, entityId: string): string | null {
  return ENTITY_PAGES[entityType]?.(entityId) ?? null;
}

/** "Pinned at" for "pinnedAt", "Allowed domains" for "allowedDomains". */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Sizes and windows for recognitions and company values, shared by schemas, services and forms.
export const RECOGNITION_LIMITS = {
  messageMax: 1000,
  /** Members named one by one; a whole team may add more. */
  recipientsMax: 20,
  /** How long the giver may still change what they wrote. */
  editWindowMinutes: 15,
  /** A pasted link, before it is read as a path. */
  linkMax: 300,
} as const;

export const VALUE_LIMITS = {
  nameMin: 2,
  nameMax: 40,
  descriptionMax: 200,
} as const;

/** A record that does not exist or that the actor may not see: shown as "not found". */
export class NotFound extends Error {
  constructor(what = "That item") {
    super(`${what} was not found.`);
  }
}

/** A rule of the domain refused the request; the message is safe to show. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** Tests write freely; refuse to run them against anything but a local database. */
export function assertSafeTestDatabase(url: string) {
  const host = new URL(url).hostname;
  const local = ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host);
  if (!local && process.env.ALLOW_REMOTE_TEST_DATABASE !== "1") {
    throw new Error(
      `Refusing to run tests against ${host}: tests write to the database. Use a local server, or set ALLOW_REMOTE_TEST_DATABASE=1 if it is a throwaway one.`,
    );
  }
}

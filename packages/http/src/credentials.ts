/** The user name and password of a connection URL, so that a log line can never contain them. */
export function urlCredentials(url: string): string[] {
  try {
    const { password, username } = new URL(url);
    return [password, username].filter((s) => s.length > 0).map(decodeURIComponent);
  } catch {
    return [];
  }
}

// The client's address as a proxy in front of the app reports it: the first X-Forwarded-For entry.
// One rule for every face (pages, the ECR API, the registry), used for rate limits and aws:SourceIp.

/** The first address of an X-Forwarded-For value; undefined when absent or empty. */
export function forwardedClientIp(headerValue: string | null | undefined): string | undefined {
  return headerValue?.split(",")[0]?.trim() || undefined;
}

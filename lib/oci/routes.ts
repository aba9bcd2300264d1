// The /v2/ route table: parses a request path into a typed route and builds Location URLs from
// the same shapes. Repository names contain slashes, so routes are matched from the end.
import { isValidRepositoryName } from "../registry/names";
import { RegistryError } from "../registry/errors";

export type OciRoute =
  | { kind: "base" }
  | { kind: "tags"; name: string }
  | { kind: "manifest"; name: string; reference: string }
  | { kind: "blob"; name: string; digest: string }
  | { kind: "uploads"; name: string }
  | { kind: "upload"; name: string; uploadId: string }
  | { kind: "referrers"; name: string; digest: string };

const PATTERNS: [RegExp, (m: RegExpExecArray) => OciRoute][] = [
  [/^(.+)\/tags\/list$/, (m) => ({ kind: "tags", name: m[1]! })],
  [/^(.+)\/manifests\/([^/]+)$/, (m) => ({ kind: "manifest", name: m[1]!, reference: m[2]! })],
  [/^(.+)\/blobs\/uploads\/?$/, (m) => ({ kind: "uploads", name: m[1]! })],
  [/^(.+)\/blobs\/uploads\/([^/]+)$/, (m) => ({ kind: "upload", name: m[1]!, uploadId: m[2]! })],
  [/^(.+)\/blobs\/([^/]+)$/, (m) => ({ kind: "blob", name: m[1]!, digest: m[2]! })],
  [/^(.+)\/referrers\/([^/]+)$/, (m) => ({ kind: "referrers", name: m[1]!, digest: m[2]! })],
];

/** Parses "/v2/..." (already URL-decoded path); null for paths that are not registry routes. */
export function parseOciPath(pathname: string): OciRoute | null {
  if (pathname === "/v2" || pathname === "/v2/") return { kind: "base" };
  if (!pathname.startsWith("/v2/")) return null;
  const rest = pathname.slice("/v2/".length);
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(rest);
    if (!m) continue;
    const route = build(m);
    if ("name" in route && !isValidRepositoryName(route.name)) {
      throw new RegistryError("NameInvalid", `Invalid repository name "${route.name}": use lower-case letters, digits and . _ - separators, / between namespaces, 2–256 characters.`, { name: route.name });
    }
    return route;
  }
  return null;
}

export const locations = {
  blob: (name: string, digest: string) => `/v2/${name}/blobs/${digest}`,
  upload: (name: string, uploadId: string) => `/v2/${name}/blobs/uploads/${uploadId}`,
  manifest: (name: string, digest: string) => `/v2/${name}/manifests/${digest}`,
  tagsPage: (name: string, n: number, last: string) => `/v2/${name}/tags/list?n=${n}&last=${encodeURIComponent(last)}`,
};

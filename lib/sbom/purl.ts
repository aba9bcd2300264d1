// Package URLs (purl) for the packages the scanner inventories, in the canonical form of the
// current purl specification: every character but A-Z a-z 0-9 . - _ ~ and ":" is percent-encoded
// (so a Debian "+deb11u3" is written "%2Bdeb11u3"; parsers accept both), qualifiers are sorted by
// key. Distribution packages carry arch and distro ("alpine-3.15", "debian-11", "ubuntu-22.04").
// @see https://github.com/package-url/purl-spec (PURL-SPECIFICATION and PURL-TYPES: apk, deb, npm, pypi, oci)
import type { Package } from "../scanner";

export function encodePurlPart(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%3A/gi, ":");
}

type PurlParts = { type: string; namespace?: string; name: string; version?: string; qualifiers?: Record<string, string | undefined> };

export function formatPurl(parts: PurlParts): string {
  const namespace = parts.namespace ? `${parts.namespace.split("/").map(encodePurlPart).join("/")}/` : "";
  const version = parts.version ? `@${encodePurlPart(parts.version)}` : "";
  const qualifiers = Object.entries(parts.qualifiers ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${encodePurlPart(v)}`);
  return `pkg:${parts.type}/${namespace}${encodePurlPart(parts.name)}${version}${qualifiers.length ? `?${qualifiers.join("&")}` : ""}`;
}

/** "Alpine:v3.15" → alpine-3.15, "Debian:11" → debian-11, "Ubuntu:22.04" → ubuntu-22.04; a bare family has no release. */
function distroOf(ecosystem: string): string | undefined {
  const [family, release] = ecosystem.split(":");
  if (!family || !release) return undefined;
  return `${family.toLowerCase()}-${release.replace(/^v/, "")}`;
}

/** PyPI names are compared after PEP 503 normalisation; the pypi purl type lower-cases and uses "-" for "_". */
function pypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

export function packagePurl(pkg: Package): string {
  switch (pkg.manager) {
    case "apk":
      return formatPurl({ type: "apk", namespace: "alpine", name: pkg.name.toLowerCase(), version: pkg.version, qualifiers: { arch: pkg.arch, distro: distroOf(pkg.ecosystem) } });
    case "dpkg": {
      const vendor = pkg.ecosystem.startsWith("Ubuntu") ? "ubuntu" : "debian";
      return formatPurl({ type: "deb", namespace: vendor, name: pkg.name, version: pkg.version, qualifiers: { arch: pkg.arch, distro: distroOf(pkg.ecosystem) } });
    }
    case "npm": {
      const scoped = /^(@[^/]+)\/(.+)$/.exec(pkg.name);
      return scoped ? formatPurl({ type: "npm", namespace: scoped[1]!, name: scoped[2]!, version: pkg.version }) : formatPurl({ type: "npm", name: pkg.name, version: pkg.version });
    }
    case "pypi":
      return formatPurl({ type: "pypi", name: pypiName(pkg.name), version: pkg.version });
  }
}

/** The image itself: pkg:oci/<last path segment>@<digest>?repository_url=<registry>/<repository>&tag=<tag>. */
export function imagePurl(repositoryUrl: string, digest: string, tag?: string): string {
  const name = repositoryUrl.slice(repositoryUrl.lastIndexOf("/") + 1);
  return formatPurl({ type: "oci", name, version: digest, qualifiers: { repository_url: repositoryUrl, tag } });
}

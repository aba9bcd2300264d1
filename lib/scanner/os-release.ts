// The image's OS identity from os-release(5): /etc/os-release, falling back to
// /usr/lib/os-release. Symlinks are followed here (and only here): most distributions ship
// /etc/os-release -> ../usr/lib/os-release. Resolution stays inside the image root (".." at the
// root stays at the root, as in a chroot) and gives up after a fixed number of hops, so a loop
// ends as "not found".
import type { FileNode, RootfsView } from "./rootfs-view";

export type OsIdentity = { id: string; versionId: string | null; prettyName: string | null };

export const OS_RELEASE_PATHS = ["etc/os-release", "usr/lib/os-release"] as const;
export const MAX_SYMLINK_HOPS = 8;

/** Parses KEY=value lines with the shell quoting os-release allows; unknown syntax is skipped. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    fields[m[1]!] = unquote(m[2]!);
  }
  return fields;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  const inner = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return inner.replace(/\\(.)/g, "$1");
}

/** The identity in os-release fields, or null without an ID. */
export function osIdentityOf(fields: Record<string, string>): OsIdentity | null {
  const id = fields.ID?.trim().toLowerCase();
  if (!id) return null;
  return { id, versionId: fields.VERSION_ID?.trim() || null, prettyName: fields.PRETTY_NAME?.trim() || null };
}

/** The kept file a path leads to after following symlinks, or null (missing, loop, not a file). */
export function resolveFile(view: RootfsView, path: string, maxHops = MAX_SYMLINK_HOPS): FileNode | null {
  const pending = path.split("/");
  const resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === "" || part === ".") continue;
    if (part === "..") {
      resolved.pop();
      continue;
    }
    const node = view.lookup([...resolved, part].join("/"));
    if (!node) return null;
    if (node.kind === "symlink") {
      hops += 1;
      if (hops > maxHops) return null;
      if (node.target.startsWith("/")) resolved.length = 0;
      pending.unshift(...node.target.split("/"));
      continue;
    }
    if (pending.some((p) => p !== "" && p !== ".") && node.kind !== "dir") return null;
    resolved.push(part);
  }
  const final = view.lookup(resolved.join("/"));
  return final?.kind === "file" ? final : null;
}

/** The OS identity of the view: the first os-release candidate that resolves and has an ID. */
export function findOsIdentity(view: RootfsView): OsIdentity | null {
  for (const candidate of OS_RELEASE_PATHS) {
    const file = resolveFile(view, candidate);
    if (!file) continue;
    const identity = osIdentityOf(parseOsRelease(file.data.toString("utf8")));
    if (identity) return identity;
  }
  return null;
}

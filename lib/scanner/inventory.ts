// Which files the scanner keeps while streaming layers, and the package inventory they give.
// Paths are literal (no symlink following): a package database is where its tool writes it.
import { APK_DB_PATHS, parseApkInstalled } from "./apk-db";
import { DPKG_STATUS_DIR, DPKG_STATUS_PATH, isStatusDStanzaFile, parseDpkgStatus, parseDpkgStatusD } from "./dpkg-status";
import { isPackageLockPath, isRequirementsPath, parsePackageLock, parseRequirements } from "./language-manifests";
import type { RootfsView } from "./rootfs-view";
import type { PackageManager } from "./scan-types";
import { basename, dirname } from "./tar-path";

/** One package as read from the view, before ecosystems and layers are assigned. */
export type InventoryItem = {
  manager: PackageManager;
  name: string;
  version: string;
  source?: { name: string; version: string };
  arch?: string;
  status?: string;
  path: string;
};

/** Whether a regular file at this path is buffered: os-release candidates (any file named
 * os-release, since /etc/os-release is usually a symlink), package databases, language manifests. */
export function isWantedPath(path: string): boolean {
  if (basename(path) === "os-release") return true;
  if ((APK_DB_PATHS as readonly string[]).includes(path) || path === DPKG_STATUS_PATH) return true;
  if (dirname(path) === DPKG_STATUS_DIR) return isStatusDStanzaFile(basename(path));
  return isPackageLockPath(path) || isRequirementsPath(path);
}

function text(data: Buffer): string {
  return data.toString("utf8");
}

function apkItems(view: RootfsView): InventoryItem[] {
  for (const path of APK_DB_PATHS) {
    const node = view.lookup(path);
    if (node?.kind !== "file") continue;
    return parseApkInstalled(text(node.data)).map((p) => ({
      manager: "apk" as const,
      name: p.name,
      version: p.version,
      ...(p.origin ? { source: { name: p.origin, version: p.version } } : {}),
      ...(p.arch ? { arch: p.arch } : {}),
      path,
    }));
  }
  return [];
}

function dpkgItems(view: RootfsView): InventoryItem[] {
  const items: InventoryItem[] = [];
  const add = (path: string, packages: ReturnType<typeof parseDpkgStatus>) => {
    for (const p of packages) {
      items.push({ manager: "dpkg", name: p.name, version: p.version, source: p.source, ...(p.arch ? { arch: p.arch } : {}), ...(p.status ? { status: p.status } : {}), path });
    }
  };
  const status = view.lookup(DPKG_STATUS_PATH);
  if (status?.kind === "file") add(DPKG_STATUS_PATH, parseDpkgStatus(text(status.data)));
  for (const { name, node } of view.filesIn(DPKG_STATUS_DIR)) {
    if (isStatusDStanzaFile(name)) add(`${DPKG_STATUS_DIR}/${name}`, parseDpkgStatusD(text(node.data)));
  }
  return items;
}

function languageItems(view: RootfsView): InventoryItem[] {
  const items: InventoryItem[] = [];
  for (const { path, node } of view.files()) {
    if (isPackageLockPath(path)) for (const p of parsePackageLock(text(node.data))) items.push({ manager: "npm", ...p, path });
    else if (isRequirementsPath(path)) for (const p of parseRequirements(text(node.data))) items.push({ manager: "pypi", ...p, path });
  }
  return items;
}

/** Every package the view's databases and manifests list, in a stable order. */
export function collectInventory(view: RootfsView): InventoryItem[] {
  return [...apkItems(view), ...dpkgItems(view), ...languageItems(view)];
}

/** Identity of an item across layers: the same package at the same version in the same file. */
export function inventoryKey(item: InventoryItem): string {
  return [item.manager, item.path, item.name, item.arch ?? "", item.version].join("\u0000");
}

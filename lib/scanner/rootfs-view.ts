// A sparse view of the image's root filesystem: only the files the scanner keeps (with their
// bytes), symlinks, and placeholders for anything that hides them. Layers are applied in order
// with OCI whiteout semantics (image-spec layer.md):
//   - "<dir>/.wh.<name>" deletes <dir>/<name> (and everything below it) from LOWER layers;
//   - "<dir>/.wh..wh..opq" hides every child of <dir> from lower layers, but keeps <dir>;
//   - entries of the same layer are never hidden by that layer's whiteouts;
//   - a non-directory replaces whatever was at its path, including a whole directory tree.
// Each layer is first collected into its own tree, then whiteouts are applied to the lower view
// and the layer is merged on top, which gives exactly the "same layer is unaffected" rule.
import { ScanError } from "./errors";

export type FileNode = { kind: "file"; data: Buffer; layer: string };
export type SymlinkNode = { kind: "symlink"; target: string; layer: string };
/** Something that exists (device, fifo, file we did not keep) and hides what was below. */
export type OpaqueNode = { kind: "other"; layer: string };
export type DirNode = { kind: "dir"; children: Map<string, ViewNode> };
export type ViewNode = FileNode | SymlinkNode | OpaqueNode | DirNode;

const WHITEOUT_PREFIX = ".wh.";
const OPAQUE_MARKER = ".wh..wh..opq";

function newDir(): DirNode {
  return { kind: "dir", children: new Map() };
}

function split(path: string): string[] {
  return path === "" ? [] : path.split("/");
}

/** Bytes of kept files in a subtree, for the buffered-bytes budget. */
function bytesIn(node: ViewNode): number {
  if (node.kind === "file") return node.data.length;
  if (node.kind !== "dir") return 0;
  let total = 0;
  for (const child of node.children.values()) total += bytesIn(child);
  return total;
}

export class RootfsView {
  readonly root: DirNode = newDir();
  private liveBytes = 0;

  constructor(private readonly maxBufferedBytes: number) {}

  get bufferedBytes(): number {
    return this.liveBytes;
  }

  /** The node at a literal path (no symlink following), or null. */
  lookup(path: string): ViewNode | null {
    let node: ViewNode = this.root;
    for (const part of split(path)) {
      if (node.kind !== "dir") return null;
      const next = node.children.get(part);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  /** Kept files directly inside a directory (literal path), sorted by name. */
  filesIn(dirPath: string): { name: string; node: FileNode }[] {
    const dir = this.lookup(dirPath);
    if (!dir || dir.kind !== "dir") return [];
    return [...dir.children.entries()]
      .filter((e): e is [string, FileNode] => e[1].kind === "file")
      .map(([name, node]) => ({ name, node }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every kept file with its path, for callers that search by name (language manifests). */
  *files(dir: DirNode = this.root, prefix = ""): Generator<{ path: string; node: FileNode }> {
    for (const [name, child] of dir.children) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.kind === "file") yield { path, node: child };
      else if (child.kind === "dir") yield* this.files(child, path);
    }
  }

  /** Starts collecting one layer; call `commit()` on the result when its tar has been read. */
  beginLayer(layer: string): LayerChanges {
    return new LayerChanges(this, layer);
  }

  account(delta: number): void {
    this.liveBytes += delta;
    if (this.liveBytes > this.maxBufferedBytes) {
      throw new ScanError("LimitExceeded", `The files kept from this image exceed the ${this.maxBufferedBytes}-byte buffer limit.`, { limit: "maxBufferedBytes" });
    }
  }

  /** Removes the node at a path (whiteout). */
  remove(path: string): void {
    const parts = split(path);
    const name = parts.pop();
    if (name === undefined) return;
    const parent = this.lookup(parts.join("/"));
    if (!parent || parent.kind !== "dir") return;
    const old = parent.children.get(name);
    if (!old) return;
    parent.children.delete(name);
    this.account(-bytesIn(old));
  }

  /** Empties a directory but keeps it (opaque whiteout). */
  clear(path: string): void {
    const dir = this.lookup(path);
    if (!dir || dir.kind !== "dir") return;
    this.account(-bytesIn(dir));
    dir.children.clear();
  }

  /** Lays `upper` over `lower`: directories merge, anything else replaces. */
  merge(lower: DirNode, upper: DirNode): void {
    for (const [name, up] of upper.children) {
      const low = lower.children.get(name);
      if (up.kind === "dir" && low?.kind === "dir") {
        this.merge(low, up);
        continue;
      }
      if (low) this.account(-bytesIn(low));
      lower.children.set(name, up);
    }
  }
}

/** The changes of one layer, held apart from the view until the layer has been read whole. */
export class LayerChanges {
  private readonly upper: DirNode = newDir();
  private readonly whiteouts: string[] = [];
  private readonly opaqueDirs: string[] = [];
  /** True when this layer changed anything the view holds (or may now hide it). */
  touched = false;

  constructor(
    private readonly view: RootfsView,
    readonly layer: string,
  ) {}

  /** Whether a path is a whiteout marker rather than a real file. */
  static isWhiteout(path: string): boolean {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return name.startsWith(WHITEOUT_PREFIX);
  }

  /** Records a whiteout marker entry. Other ".wh..wh." names (aufs metadata) are ignored. */
  addWhiteout(path: string): void {
    const slash = path.lastIndexOf("/");
    const dir = slash < 0 ? "" : path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (name === OPAQUE_MARKER) this.opaqueDirs.push(dir);
    else if (name.startsWith(`${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}`)) return;
    else {
      const hidden = name.slice(WHITEOUT_PREFIX.length);
      if (!hidden) return;
      this.whiteouts.push(dir ? `${dir}/${hidden}` : hidden);
    }
    this.touched = true;
  }

  /** Whether the path exists in the lower view or already in this layer (as anything). */
  exists(path: string): boolean {
    return this.view.lookup(path) !== null || this.lookupUpper(path) !== null;
  }

  addFile(path: string, data: Buffer): void {
    this.view.account(data.length);
    this.put(path, { kind: "file", data, layer: this.layer });
  }

  addSymlink(path: string, target: string): void {
    this.put(path, { kind: "symlink", target, layer: this.layer });
  }

  addOther(path: string): void {
    this.put(path, { kind: "other", layer: this.layer });
  }

  /** An explicit directory entry: only matters when it replaces a non-directory below. */
  addDirectory(path: string): void {
    const below = this.view.lookup(path);
    if (below && below.kind !== "dir") this.ensureDir(path);
  }

  /** A hard link: shares the target's node when the target is a kept file or symlink. */
  addHardlink(path: string, target: string): void {
    const node = this.lookupUpper(target) ?? this.view.lookup(target);
    if (node?.kind === "file") this.addFile(path, node.data);
    else if (node?.kind === "symlink") this.addSymlink(path, node.target);
    else if (this.exists(path)) this.addOther(path);
  }

  commit(): void {
    for (const dir of this.opaqueDirs) this.view.clear(dir);
    for (const path of this.whiteouts) this.view.remove(path);
    this.view.merge(this.view.root, this.upper);
  }

  private lookupUpper(path: string): ViewNode | null {
    let node: ViewNode = this.upper;
    for (const part of split(path)) {
      if (node.kind !== "dir") return null;
      const next = node.children.get(part);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  private ensureDir(path: string): DirNode {
    let dir = this.upper;
    for (const part of split(path)) {
      const next = dir.children.get(part);
      if (next?.kind === "dir") {
        dir = next;
        continue;
      }
      if (next) this.view.account(-bytesIn(next));
      const created = newDir();
      dir.children.set(part, created);
      dir = created;
    }
    this.touched = true;
    return dir;
  }

  private put(path: string, node: ViewNode): void {
    const parts = split(path);
    const name = parts.pop();
    if (name === undefined) return;
    const parent = this.ensureDir(parts.join("/"));
    const old = parent.children.get(name);
    if (old) this.view.account(-bytesIn(old));
    parent.children.set(name, node);
    this.touched = true;
  }
}

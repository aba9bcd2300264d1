// Lifecycle policy evaluation (ecr-spec §1.4): which images each rule expires or transitions.
// Built for 100k-image repositories: one sort per storage class, then two linear passes per rule,
// with per-image state in typed arrays indexed by input position. Hot paths use indexed loops:
// typed-array builtins that take callbacks (from, map, filter) are several times slower in V8.
import { compileTagSelector } from "./match";
import type { LifecyclePolicy, LifecycleRule, StorageClass, TagStatus } from "./policy-schema";

export type LifecycleImage = {
  digest: string; // "sha256:..."
  tags: string[];
  pushedAt: Date;
  lastPulledAt: Date | null;
  storageClass: StorageClass;
  lastArchivedAt: Date | null;
  lastActivatedAt: Date | null;
  /** true when a manifest list / index still present in the repository references this image */
  referencedByIndex: boolean;
};
export type LifecycleAction = { digest: string; rulePriority: number; action: "expire" | "transition" };

const DAY_MS = 24 * 60 * 60 * 1000;
/** claimedBy value of an image acted on: below every rule number, so no later rule touches it. */
const ACTED = -1;
const NOT_MATCHED = 0;
const MATCHED = 1;
const CANDIDATE = 2;

/** A storage class's images (input positions) for each tagStatus: in input order, and oldest first. */
type Pool = { readonly [S in TagStatus]: { readonly inputOrder: Int32Array; readonly oldestFirst: Int32Array } };

type Run = {
  readonly images: readonly LifecycleImage[];
  readonly pools: { readonly [C in StorageClass]: Pool };
  /** Ordering time per input position. */
  readonly times: Float64Array;
  /** Image identity per input position: the first position holding its digest. */
  readonly ids: Int32Array;
  readonly nowMs: number;
  /** Per id: number (1-based, by priority) of the first rule whose tags selected it, 0 if none yet, or ACTED. */
  readonly claimedBy: Int32Array;
  /** Per input position, rewritten by each rule for the images it looks at: NOT_MATCHED, MATCHED or CANDIDATE. */
  readonly marks: Uint8Array;
  readonly actions: LifecycleAction[];
};

/**
 * Actions in rulePriority order, then oldest first (ordering time, then digest). Follows the §1.4
 * pseudocode: a rule counts over all images its tags select, including ones a higher rule kept or
 * acted on, but acts only on images no higher rule selected. Images are expected once each; a
 * digest listed twice with the same times is treated as one image.
 */
export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: readonly LifecycleImage[], now: Date): LifecycleAction[] {
  const index = indexImages(images);
  const pools = { standard: buildPool(index.members.standard, index, images), archive: buildPool(index.members.archive, index, images) };
  const { times, ids } = index;
  const run: Run = { images, pools, times, ids, nowMs: now.getTime(), claimedBy: new Int32Array(images.length), marks: new Uint8Array(images.length), actions: [] };
  const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
  rules.forEach((rule, i) => applyRule(rule, i + 1, run));
  return run.actions;
}

type ImageIndex = {
  readonly times: Float64Array;
  readonly ids: Int32Array;
  /** 1 for an image with tags, per input position. */
  readonly tagged: Uint8Array;
  /** Input positions of each storage class, ascending. */
  readonly members: { readonly [C in StorageClass]: Int32Array };
};

/** One sequential pass over the images for everything evaluation reads more than once. */
function indexImages(images: readonly LifecycleImage[]): ImageIndex {
  const times = new Float64Array(images.length);
  const ids = new Int32Array(images.length);
  const tagged = new Uint8Array(images.length);
  const members: Record<StorageClass, number[]> = { standard: [], archive: [] };
  for (let i = 0; i < images.length; i++) {
    const image = images[i]!;
    // A restored image is ordered (and aged) by its restore time rather than its push time.
    times[i] = (image.lastActivatedAt ?? image.pushedAt).getTime();
    ids[i] = i;
    tagged[i] = image.tags.length > 0 ? 1 : 0;
    members[image.storageClass === "archive" ? "archive" : "standard"].push(i);
  }
  return { times, ids, tagged, members: { standard: Int32Array.from(members.standard), archive: Int32Array.from(members.archive) } };
}

/**
 * Two passes over the images the rule's tagStatus can select. The first, in input order (sequential
 * memory access for the costly part: tag matching and age tests), marks matches and candidates;
 * the second, oldest first, fills imageCountMoreThan's keep slots and acts.
 */
function applyRule(rule: LifecycleRule, ruleNumber: number, run: Run): void {
  const { images, ids, claimedBy, marks } = run;
  const { inputOrder, oldestFirst } = run.pools[rule.selection.storageClass][rule.selection.tagStatus];
  // Within its tagStatus's own list, only a tagged rule still needs to look at tags.
  const selects = rule.selection.tagStatus === "tagged" ? compileTagSelector(rule.selection) : undefined;
  const aged = ageTest(rule, run);
  let matched = 0;
  for (let k = 0; k < inputOrder.length; k++) {
    const i = inputOrder[k]!;
    const image = images[i]!;
    if (selects !== undefined && !selects(image.tags)) {
      marks[i] = NOT_MATCHED;
      continue;
    }
    matched++;
    marks[i] = aged === undefined || aged(image, i) ? CANDIDATE : MATCHED;
    if (claimedBy[ids[i]!] === 0) claimedBy[ids[i]!] = ruleNumber;
  }
  // imageCountMoreThan: the oldest (matched − N) matched images are candidates; the rest fill keep slots.
  let overCount = aged === undefined ? matched - rule.selection.countNumber : Infinity;
  for (let k = 0; k < oldestFirst.length; k++) {
    const i = oldestFirst[k]!;
    if (marks[i] === NOT_MATCHED) continue;
    if (overCount-- <= 0) break;
    const id = ids[i]!;
    if (marks[i] !== CANDIDATE || claimedBy[id]! < ruleNumber) continue;
    const image = images[i]!;
    if (image.referencedByIndex) continue;
    claimedBy[id] = ACTED;
    run.actions.push({ digest: image.digest, rulePriority: rule.rulePriority, action: rule.action.type });
  }
}

type AgeTest = (image: LifecycleImage, i: number) => boolean;

/**
 * The since* rules' test, undefined for imageCountMoreThan. [A] "Older than N days" means
 * now − t > N × 24 h, so an image exactly N days old is kept.
 */
function ageTest(rule: LifecycleRule, { nowMs, times }: Run): AgeTest | undefined {
  const maxAge = rule.selection.countNumber * DAY_MS;
  switch (rule.selection.countType) {
    case "imageCountMoreThan":
      return undefined;
    case "sinceImagePushed":
      return (_image, i) => nowMs - times[i]! > maxAge;
    case "sinceImagePulled":
      return (image) => nowMs - pullReference(image) > maxAge;
    case "sinceImageTransitioned":
      // [A] An archived image without lastArchivedAt has no transition age, so it is never a candidate.
      return (image) => image.lastArchivedAt !== null && nowMs - image.lastArchivedAt.getTime() > maxAge;
  }
}

/** Last pull; never pulled → push time; restored and not pulled since → restore time. */
function pullReference(image: LifecycleImage): number {
  const pulled = image.lastPulledAt?.getTime();
  const activated = image.lastActivatedAt?.getTime();
  if (activated !== undefined && (pulled === undefined || pulled < activated)) return activated;
  return pulled ?? image.pushedAt.getTime();
}

/** Storage classes are separate pools; `any` rules see all of a pool, the others one half of it. */
function buildPool(members: Int32Array, index: ImageIndex, images: readonly LifecycleImage[]): Pool {
  const oldestFirst = sortOldestFirst(members, index.times, images, index.ids);
  const half = (order: Int32Array, flag: number) => {
    const out = new Int32Array(order.length);
    let count = 0;
    for (let k = 0; k < order.length; k++) if (index.tagged[order[k]!] === flag) out[count++] = order[k]!;
    return out.slice(0, count);
  };
  return {
    any: { inputOrder: members, oldestFirst },
    tagged: { inputOrder: half(members, 1), oldestFirst: half(oldestFirst, 1) },
    untagged: { inputOrder: half(members, 0), oldestFirst: half(oldestFirst, 0) },
  };
}

/**
 * The positions ordered by time, then digest ([A] AWS does not say how equal push times order; the
 * smaller digest counts as older). Within a run of equal times, a repeated digest is made one image.
 */
function sortOldestFirst(positions: Int32Array, times: Float64Array, images: readonly LifecycleImage[], ids: Int32Array): Int32Array {
  const digest = (i: number) => images[i]!.digest;
  const byDigest = (a: number, b: number) => (digest(a) < digest(b) ? -1 : digest(a) > digest(b) ? 1 : a - b);
  const order = packedSort(positions, times) ?? positions.slice().sort((a, b) => times[a]! - times[b]! || byDigest(a, b));
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && times[order[k]!] === times[order[start]!]) continue;
    if (k - start > 1) {
      const run = order.subarray(start, k).sort(byDigest);
      for (let r = 1; r < run.length; r++) if (digest(run[r]!) === digest(run[r - 1]!)) ids[run[r]!] = ids[run[r - 1]!]!;
    }
    start = k;
  }
  return order;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The positions ordered by time (ties in any order), by a native numeric sort of 64-bit keys that
 * pack (time − earliest, index): several times faster than a comparator sort at 100k images.
 * undefined when a time is not an integer or the times span too far to pack (then the caller
 * falls back to a comparator sort).
 */
function packedSort(positions: Int32Array, times: Float64Array): Int32Array | undefined {
  const n = positions.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const time = times[positions[k]!]!;
    if (!Number.isInteger(time)) return undefined;
    min = Math.min(min, time);
    max = Math.max(max, time);
  }
  // The offset must be exact (a safe integer) and leave indexBits free in 64 bits.
  if (n > 0 && max - min >= Math.min(2 ** (64 - indexBits), 2 ** 53)) return undefined;
  const keys = new BigUint64Array(n);
  const words = new Uint32Array(keys.buffer);
  const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  const lowSpan = 2 ** (32 - indexBits);
  const indexSpan = 2 ** indexBits;
  for (let k = 0; k < n; k++) {
    const offset = times[positions[k]!]! - min;
    words[2 * k + high] = Math.floor(offset / lowSpan);
    words[2 * k + low] = (offset % lowSpan) * indexSpan + k;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = positions[words[2 * k + low]! & (indexSpan - 1)]!;
  return order;
}

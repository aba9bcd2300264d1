// Property tests for the lifecycle engine: the validator only ever returns a policy or throws
// InvalidParameterException, and evaluation keeps the §1.4 invariants on arbitrary valid policies
// and image sets, agreeing with a naive transcription of the spec's pseudocode.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEcrError } from "@/lib/ecr/errors";
import {
  compileTagPattern,
  evaluateLifecyclePolicy,
  parseLifecyclePolicy,
  tagSelects,
  type LifecycleAction,
  type LifecycleImage,
  type LifecyclePolicy,
} from "@/lib/ecr/lifecycle";

const PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";
const NOW = new Date("2024-06-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

type Json = Record<string, unknown>;

/** The validator's contract: a policy, or InvalidParameterException in the service's format. */
function parseOrReject(text: string): LifecyclePolicy | undefined {
  try {
    return parseLifecyclePolicy(text);
  } catch (error) {
    if (!isEcrError(error, "InvalidParameterException")) throw new Error(`unexpected error: ${String(error)}`);
    expect(error.message.startsWith(PREFIX)).toBe(true);
    return undefined;
  }
}

// ---- Valid policy documents -----------------------------------------------------------------

const PREFIXES = ["prod", "dev", "v1", "a.", "(", "Prod", "beta", "p"];
const PATTERNS = ["prod*", "*prod*", "prod", "*-1", "v1.0+build", "a.b", "*", "(x)", "*.*", "d*v*", "**", "*a*b*c*"];
const TAGS = ["prod", "prod-1", "prod-2", "production", "dev", "dev-1", "v1.0+build", "v1x0+build", "a.b", "axb", "(x)", "Prod-3", "beta-1", "d-v", "abc"];

const listOf = (items: readonly string[]) => fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 3 });
const taggedSelection = fc.oneof(
  listOf(PREFIXES).map((tagPrefixList): Json => ({ tagStatus: "tagged", tagPrefixList })),
  listOf(PATTERNS).map((tagPatternList): Json => ({ tagStatus: "tagged", tagPatternList })),
);
/** Rule 12 (with its [A] reading): no two tag lists of a storage class may be the same set. */
const listKey = (selection: Json) => JSON.stringify([...((selection.tagPrefixList ?? selection.tagPatternList) as string[])].sort().concat(selection.tagPrefixList ? "p" : "t"));
const uniqueTagged = (maxLength: number) => fc.uniqueArray(taggedSelection, { selector: listKey, maxLength });

/** Count type and action for a standard-class rule (rule 14: sinceImagePulled only transitions). */
const standardCount = fc.oneof(
  fc.record({ countType: fc.constant("imageCountMoreThan"), countNumber: fc.integer({ min: 1, max: 6 }), transition: fc.boolean() }),
  fc.record({ countType: fc.constant("sinceImagePushed"), countUnit: fc.constant("days"), countNumber: fc.integer({ min: 1, max: 40 }), transition: fc.boolean() }),
  fc.record({ countType: fc.constant("sinceImagePulled"), countUnit: fc.constant("days"), countNumber: fc.integer({ min: 1, max: 40 }), transition: fc.constant(true) }),
);
const archiveCount = fc.record({ countType: fc.constant("sinceImageTransitioned"), countUnit: fc.constant("days"), countNumber: fc.integer({ min: 90, max: 400 }), transition: fc.constant(false) });

type Draft = { tags: Json; count: Json & { transition: boolean }; storageClass?: string };

/** A storage class's rules: tagged ones, at most one untagged, and an `any` rule last (rules 10, 11). */
function classRules(storageClass: "standard" | "archive", count: fc.Arbitrary<Draft["count"]>, maxTagged: number): fc.Arbitrary<Draft[]> {
  const explicit = storageClass === "archive" ? fc.constant("archive") : fc.constantFrom(undefined, "standard");
  const draft = (tags: Json) => fc.record({ tags: fc.constant(tags), count, storageClass: explicit });
  return fc
    .record({
      tagged: uniqueTagged(maxTagged).chain((list) => (list.length ? fc.tuple(...list.map(draft)) : fc.constant<Draft[]>([]))),
      untagged: fc.option(draft({ tagStatus: "untagged" }), { nil: undefined }),
      untaggedAt: fc.nat(),
      any: fc.option(draft({ tagStatus: "any" }), { nil: undefined }),
    })
    .map(({ tagged, untagged, untaggedAt, any }) => {
      const rules: Draft[] = [...tagged];
      if (untagged) rules.splice(untaggedAt % (rules.length + 1), 0, untagged);
      if (any) rules.push(any);
      return rules;
    });
}

/** A valid policy document: both classes' rules interleaved, increasing priorities with gaps, any array order. */
const validDocument: fc.Arbitrary<Json> = fc
  .record({
    standard: classRules("standard", standardCount, 5),
    archive: classRules("archive", archiveCount, 2),
    interleave: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 12, maxLength: 12 }),
    order: fc.constantFrom("priority", "reversed", "rotated"),
  })
  .filter(({ standard, archive }) => standard.length + archive.length > 0)
  .map(({ standard, archive, interleave, gaps, order }) => {
    const merged: Draft[] = [];
    const queues = [[...standard], [...archive]];
    for (let i = 0; queues[0]!.length + queues[1]!.length > 0; i++) {
      const from = interleave[i] && queues[1]!.length > 0 ? 1 : queues[0]!.length > 0 ? 0 : 1;
      merged.push(queues[from]!.shift()!);
    }
    let priority = 0;
    const rules = merged.map(({ tags, count: { transition, ...count }, storageClass }, i) => ({
      rulePriority: (priority += gaps[i] ?? 1),
      selection: { ...tags, ...count, ...(storageClass ? { storageClass } : {}) },
      action: transition ? { type: "transition", targetStorageClass: "archive" } : { type: "expire" },
    }));
    if (order === "reversed") rules.reverse();
    if (order === "rotated") rules.push(rules.shift()!);
    return { rules };
  });

const textOf = (document: unknown) => JSON.stringify(document).padEnd(100);

// ---- Image sets -------------------------------------------------------------------------------

const daysAgo = (max: number) => fc.integer({ min: 0, max }).map((days) => new Date(NOW.getTime() - days * DAY));
const hoursAgo = (max: number) => fc.integer({ min: 0, max: max * 24 }).map((hours) => new Date(NOW.getTime() - hours * 3_600_000));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const imageArb: fc.Arbitrary<Omit<LifecycleImage, "digest">> = fc.record({
  tags: fc.oneof(fc.constant<string[]>([]), fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 })),
  // Whole days make push-time ties common; hours make age boundaries vary.
  pushedAt: fc.oneof(daysAgo(60), hoursAgo(60)),
  lastPulledAt: maybe(daysAgo(60)),
  storageClass: fc.constantFrom("standard", "standard", "archive"),
  lastArchivedAt: maybe(daysAgo(500)),
  lastActivatedAt: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: daysAgo(30) }),
  referencedByIndex: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 6, maxLength: 6 });
const imagesArb = fc
  .uniqueArray(fc.tuple(hex, imageArb), { selector: ([digest]) => digest, maxLength: 40 })
  .map((entries) => entries.map(([digest, image]): LifecycleImage => ({ digest: `sha256:${digest}`, ...image })));

// ---- A naive transcription of the §1.4 pseudocode, with a RegExp matcher --------------------

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patternRegExp = (pattern: string) => new RegExp(`^${pattern.split("*").map(escape).join("[\\s\\S]*")}$`);

function referenceEvaluate(policy: LifecyclePolicy, images: readonly LifecycleImage[], now: Date): LifecycleAction[] {
  const time = (i: LifecycleImage) => (i.lastActivatedAt ?? i.pushedAt).getTime();
  const olderThan = (t: number, days: number) => now.getTime() - t > days * DAY;
  const selects = (selection: LifecyclePolicy["rules"][number]["selection"], tags: string[]) => {
    if (selection.tagStatus === "any") return true;
    if (selection.tagStatus === "untagged") return tags.length === 0;
    if (tags.length === 0) return false;
    const tests = selection.tagPrefixList
      ? selection.tagPrefixList.map((p) => (t: string) => t.startsWith(p))
      : (selection.tagPatternList ?? []).map((p) => (t: string) => patternRegExp(p).test(t));
    return tests.every((test) => tags.some(test));
  };
  const claimed = new Set<string>();
  const acted = new Set<string>();
  const out: LifecycleAction[] = [];
  for (const rule of [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
    const { selection } = rule;
    const matched = images
      .filter((i) => i.storageClass === selection.storageClass && selects(selection, i.tags))
      .sort((a, b) => time(a) - time(b) || (a.digest < b.digest ? -1 : 1));
    // The later of the last pull and the restore; the push when neither happened.
    const pullTime = (i: LifecycleImage) =>
      i.lastPulledAt || i.lastActivatedAt ? Math.max(i.lastPulledAt?.getTime() ?? -Infinity, i.lastActivatedAt?.getTime() ?? -Infinity) : i.pushedAt.getTime();
    const candidates =
      selection.countType === "imageCountMoreThan"
        ? matched.slice(0, Math.max(0, matched.length - selection.countNumber))
        : selection.countType === "sinceImagePushed"
          ? matched.filter((i) => olderThan(time(i), selection.countNumber))
          : selection.countType === "sinceImagePulled"
            ? matched.filter((i) => olderThan(pullTime(i), selection.countNumber))
            : matched.filter((i) => i.lastArchivedAt !== null && olderThan(i.lastArchivedAt.getTime(), selection.countNumber));
    for (const i of candidates) {
      if (claimed.has(i.digest) || acted.has(i.digest) || i.referencedByIndex) continue;
      acted.add(i.digest);
      out.push({ digest: i.digest, rulePriority: rule.rulePriority, action: rule.action.type });
    }
    for (const i of matched) claimed.add(i.digest);
  }
  return out;
}

// ---- Properties -------------------------------------------------------------------------------

describe("parseLifecyclePolicy never throws anything but InvalidParameterException", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void parseOrReject(text)));
    fc.assert(fc.property(fc.string({ unit: "binary", minLength: 100, maxLength: 400 }), (text) => {
        expect(parseOrReject(text)).toBeUndefined();
      }));
  });

  it("on arbitrary JSON values, padded past the length minimum", () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), (json) => void parseOrReject(json.padEnd(100))));
    fc.assert(
      fc.property(fc.anything({ maxDepth: 6, withNullPrototype: true, withObjectString: true }), (value) => {
        let text: string | undefined;
        try {
          text = JSON.stringify(value);
        } catch {
          return; // not representable as JSON: nothing to parse
        }
        void parseOrReject((text ?? "undefined").padEnd(100));
      }),
    );
  });

  it("on JSON shaped like a policy with arbitrary member values", () => {
    const member = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom("any", "tagged", "untagged", "days", "archive", "standard", "expire", "transition", "sinceImagePulled", 0, 1, 90, 1.5, -1, 2 ** 31, 1e300, null));
    const shaped = fc.record({
      rules: fc.array(
        fc.record(
          {
            rulePriority: member,
            description: member,
            selection: fc.record(
              { tagStatus: member, tagPrefixList: member, tagPatternList: member, storageClass: member, countType: member, countUnit: member, countNumber: member },
              { requiredKeys: [] },
            ),
            action: fc.record({ type: member, targetStorageClass: member }, { requiredKeys: [] }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(fc.property(shaped, (document) => void parseOrReject(textOf(document))));
  });

  it("accepts every generated valid document, and its result parses back to itself", () => {
    fc.assert(
      fc.property(validDocument, (document) => {
        const policy = parseLifecyclePolicy(textOf(document));
        expect(policy.rules).toHaveLength((document.rules as unknown[]).length);
        for (const rule of policy.rules) expect(["standard", "archive"]).toContain(rule.selection.storageClass);
        expect(parseLifecyclePolicy(textOf(policy))).toEqual(policy);
      }),
    );
  });

  it("on mutated valid documents", () => {
    const KEYS = ["rules", "rulePriority", "description", "selection", "action", "tagStatus", "tagPrefixList", "tagPatternList", "storageClass", "countType", "countUnit", "countNumber", "type", "targetStorageClass", "x"];
    const mutation = fc.record({ at: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.jsonValue({ maxDepth: 3 }), remove: fc.boolean() });
    fc.assert(
      fc.property(validDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }), (document, mutations) => {
        const copy = structuredClone(document);
        for (const { at, key, value, remove } of mutations) {
          const objects = containers(copy);
          const target = objects[at % objects.length]!;
          if (remove) delete target[key];
          else target[key] = value;
        }
        void parseOrReject(textOf(copy));
      }),
    );
  });
});

/** Every plain object inside a JSON value, the value itself first. */
function containers(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(containers);
  if (typeof value !== "object" || value === null) return [];
  const object = value as Record<string, unknown>;
  return [object, ...Object.values(object).flatMap(containers)];
}

describe("evaluateLifecyclePolicy on arbitrary valid policies and image sets", () => {
  const cases = fc.tuple(validDocument.map((document) => parseLifecyclePolicy(textOf(document))), imagesArb);

  it("acts at most once per image, never on an index child, with a rule of the policy", () => {
    fc.assert(
      fc.property(cases, ([policy, images]) => {
        const actions = evaluateLifecyclePolicy(policy, images, NOW);
        const byDigest = new Map(images.map((i) => [i.digest, i]));
        const priorities = new Set(policy.rules.map((r) => r.rulePriority));
        expect(new Set(actions.map((a) => a.digest)).size).toBe(actions.length);
        for (const action of actions) {
          expect(byDigest.get(action.digest)?.referencedByIndex).toBe(false);
          expect(priorities.has(action.rulePriority)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("acts only on images the rule selects and no higher rule of that storage class selects", () => {
    fc.assert(
      fc.property(cases, ([policy, images]) => {
        const byDigest = new Map(images.map((i) => [i.digest, i]));
        for (const action of evaluateLifecyclePolicy(policy, images, NOW)) {
          const image = byDigest.get(action.digest)!;
          const rule = policy.rules.find((r) => r.rulePriority === action.rulePriority)!;
          expect(rule.action.type).toBe(action.action);
          expect(rule.selection.storageClass).toBe(image.storageClass);
          expect(tagSelects(rule.selection, image.tags)).toBe(true);
          const higher = policy.rules.filter((r) => r.rulePriority < rule.rulePriority && r.selection.storageClass === image.storageClass);
          expect(higher.some((r) => tagSelects(r.selection, image.tags))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with a naive transcription of the spec's pseudocode, whatever the input order", () => {
    fc.assert(
      fc.property(cases, fc.nat(), ([policy, images], shift) => {
        const expected = referenceEvaluate(policy, images, NOW);
        expect(evaluateLifecyclePolicy(policy, images, NOW)).toEqual(expected);
        const rotated = images.map((_, i) => images[(i + shift) % images.length]!);
        expect(evaluateLifecyclePolicy(policy, rotated.reverse(), NOW)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("lists actions by rulePriority", () => {
    fc.assert(
      fc.property(cases, ([policy, images]) => {
        const priorities = evaluateLifecyclePolicy(policy, images, NOW).map((a) => a.rulePriority);
        expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
      }),
    );
  });

  it("keeps at least min(N, pool size) standard images under a lone any/imageCountMoreThan N rule", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), imagesArb, (n, images) => {
        const policy = parseLifecyclePolicy(textOf({ rules: [{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: n }, action: { type: "expire" } }] }));
        const standard = images.filter((i) => i.storageClass === "standard");
        const expired = new Set(evaluateLifecyclePolicy(policy, images, NOW).map((a) => a.digest));
        const survivors = standard.filter((i) => !expired.has(i.digest));
        expect(survivors.length).toBeGreaterThanOrEqual(Math.min(n, standard.length));
        expect(images.filter((i) => i.storageClass === "archive" && expired.has(i.digest))).toEqual([]);
        // Without index children, exactly the pool beyond N goes.
        if (!standard.some((i) => i.referencedByIndex)) expect(expired.size).toBe(Math.max(0, standard.length - n));
      }),
      { numRuns: 300 },
    );
  });
});

describe("tag patterns", () => {
  it("match exactly as the escaped RegExp they stand for", () => {
    const text = (maxLength: number) => fc.string({ unit: fc.constantFrom("a", "b", "*", ".", "+", "(", "\\", "$"), maxLength });
    fc.assert(
      fc.property(text(8), fc.string({ unit: fc.constantFrom("a", "b", ".", "+", "(", "\\", "$", "*"), maxLength: 10 }), (pattern, tag) => {
        expect(compileTagPattern(pattern)(tag)).toBe(patternRegExp(pattern).test(tag));
      }),
      { numRuns: 2000 },
    );
  });
});

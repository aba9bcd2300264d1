// Lifecycle policy evaluation (ecr-spec §1.4): the AWS worked examples of §1.6 with their
// documented results, constructed examples, and the tricky cases of the evaluation rules.
import { describe, expect, it } from "vitest";
import { evaluateLifecyclePolicy, parseLifecyclePolicy, tagSelects, type LifecycleAction, type LifecycleImage } from "@/lib/ecr/lifecycle";

const NOW = new Date("2024-06-01T12:00:00Z");
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

type Json = Record<string, unknown>;
type ImageOptions = Partial<Omit<LifecycleImage, "digest" | "tags" | "pushedAt">>;

/** An image named by its digest suffix, pushed `pushedAgo` ms before NOW. */
function image(name: string, tags: string[], pushedAgo: number, options: ImageOptions = {}): LifecycleImage {
  return {
    digest: `sha256:${name}`,
    tags,
    pushedAt: ago(pushedAgo),
    lastPulledAt: null,
    storageClass: "standard",
    lastArchivedAt: null,
    lastActivatedAt: null,
    referencedByIndex: false,
    ...options,
  };
}

const EXPIRE = { type: "expire" };
const TRANSITION = { type: "transition", targetStorageClass: "archive" };
const rule = (rulePriority: number, selection: Json, action: Json = EXPIRE) => ({ rulePriority, selection, action });
const prefixes = (...tagPrefixList: string[]) => ({ tagStatus: "tagged", tagPrefixList });
const patterns = (...tagPatternList: string[]) => ({ tagStatus: "tagged", tagPatternList });
const countMoreThan = (countNumber: number) => ({ countType: "imageCountMoreThan", countNumber });
const since = (countType: string, countNumber: number) => ({ countType, countUnit: "days", countNumber });
const ANY = { tagStatus: "any" };
const UNTAGGED = { tagStatus: "untagged" };

/** Policies go through the validator, so every example is also a valid document. */
function evaluate(rules: Json[], images: LifecycleImage[], now = NOW): LifecycleAction[] {
  const policy = parseLifecyclePolicy(JSON.stringify({ rules }).padEnd(100));
  return evaluateLifecyclePolicy(policy, images, now);
}
const names = (actions: LifecycleAction[]) => actions.map((a) => a.digest.replace("sha256:", ""));
const affected = (actions: LifecycleAction[]) => names(actions).sort();
const summary = (actions: LifecycleAction[]) => actions.map((a) => `${a.digest.replace("sha256:", "")}:${a.rulePriority}:${a.action}`);

describe("the AWS worked examples (ecr-spec §1.6)", () => {
  it("Filtering on image age: prod* older than 14 days (constructed)", () => {
    const images = [
      image("a", ["prod-1"], 15 * DAY),
      image("b", ["prod-2"], 13 * DAY),
      image("c", ["production-team1"], 20 * DAY),
      image("d", ["dev-1"], 30 * DAY),
      image("e", [], 30 * DAY),
      image("f", ["dev-2", "prod-3"], 20 * DAY),
      image("g", ["preprod"], 20 * DAY),
    ];
    expect(affected(evaluate([rule(1, { ...patterns("prod*"), ...since("sinceImagePushed", 14) })], images))).toEqual(["a", "c", "f"]);
  });

  it("Filtering on last pulled time: not pulled in 90 days, transitioned (constructed)", () => {
    const images = [
      image("a", ["v1"], 200 * DAY, { lastPulledAt: ago(100 * DAY) }),
      image("b", ["v2"], 200 * DAY, { lastPulledAt: ago(10 * DAY) }),
      image("c", [], 100 * DAY), // never pulled: push time counts
      image("d", [], 50 * DAY),
      // restored 30 days ago, last pulled before the restore: the restore time counts
      image("e", ["v3"], 300 * DAY, { lastPulledAt: ago(200 * DAY), lastArchivedAt: ago(250 * DAY), lastActivatedAt: ago(30 * DAY) }),
      image("f", ["v4"], 300 * DAY, { storageClass: "archive", lastArchivedAt: ago(200 * DAY) }), // other pool
    ];
    const actions = evaluate([rule(1, { ...ANY, ...since("sinceImagePulled", 90) }, TRANSITION)], images);
    expect(summary(actions)).toEqual(["a:1:transition", "c:1:transition"]);
  });

  it("Filtering on archive transition time: archived more than 365 days ago (constructed)", () => {
    const images = [
      image("a", ["old"], 900 * DAY, { storageClass: "archive", lastArchivedAt: ago(400 * DAY) }),
      image("b", [], 800 * DAY, { storageClass: "archive", lastArchivedAt: ago(100 * DAY) }),
      image("c", [], 1000 * DAY), // standard: not in the archive pool
      image("d", ["x"], 2000 * DAY, { storageClass: "archive", lastArchivedAt: ago(366 * DAY) }),
    ];
    const actions = evaluate([rule(1, { ...ANY, storageClass: "archive", ...since("sinceImageTransitioned", 365) })], images);
    expect(summary(actions)).toEqual(["d:1:expire", "a:1:expire"]);
  });

  it("Filtering on image count: all but the newest untagged image (constructed)", () => {
    const images = [image("a", [], 5 * DAY), image("b", [], 4 * DAY), image("c", ["v1"], 1 * DAY), image("d", [], 3 * DAY), image("e", ["v0"], 9 * DAY)];
    expect(names(evaluate([rule(1, { ...UNTAGGED, ...countMoreThan(1) })], images))).toEqual(["a", "b"]);
  });

  describe("Multiple rules", () => {
    const images = [image("A", ["beta-1", "prod-1"], 10 * DAY), image("B", ["beta-2", "prod-2"], 9 * DAY), image("C", ["beta-3"], 8 * DAY)];

    it("Example A: prod* then beta* → A", () => {
      const actions = evaluate([rule(1, { ...prefixes("prod"), ...countMoreThan(1) }), rule(2, { ...prefixes("beta"), ...countMoreThan(1) })], images);
      expect(summary(actions)).toEqual(["A:1:expire"]);
    });

    it("Example B: beta* then prod* → A, B", () => {
      const actions = evaluate([rule(1, { ...prefixes("beta"), ...countMoreThan(1) }), rule(2, { ...prefixes("prod"), ...countMoreThan(1) })], images);
      expect(summary(actions)).toEqual(["A:1:expire", "B:1:expire"]);
    });

    it("gives the same answers with tagPatternList, as the current doc writes them", () => {
      const a = evaluate([rule(1, { ...patterns("prod*"), ...countMoreThan(1) }), rule(2, { ...patterns("beta*"), ...countMoreThan(1) })], images);
      const b = evaluate([rule(1, { ...patterns("beta*"), ...countMoreThan(1) }), rule(2, { ...patterns("prod*"), ...countMoreThan(1) })], images);
      expect([names(a), names(b)]).toEqual([["A"], ["A", "B"]]);
    });
  });

  describe("Multiple tags in a single rule", () => {
    it("Example A: [alpha*, beta*] older than 5 days → C", () => {
      const images = [
        image("A", ["alpha-1"], 12 * DAY),
        image("B", ["beta-1"], 11 * DAY),
        image("C", ["alpha-2", "beta-2"], 10 * DAY),
        image("D", ["alpha-3"], 4 * DAY),
        image("E", ["beta-3"], 3 * DAY),
        image("F", ["alpha-4", "beta-4"], 2 * DAY),
      ];
      expect(names(evaluate([rule(1, { ...patterns("alpha*", "beta*"), ...since("sinceImagePushed", 5) })], images))).toEqual(["C"]);
      expect(names(evaluate([rule(1, { ...prefixes("alpha", "beta"), ...since("sinceImagePushed", 5) })], images))).toEqual(["C"]);
    });

    it("Example B: [alpha*, beta*] count > 1 → A, B", () => {
      const images = [image("A", ["alpha-1", "beta-1", "gamma-1"], 10 * DAY), image("B", ["alpha-2", "beta-2"], 9 * DAY), image("C", ["alpha-3", "beta-3", "gamma-2"], 8 * DAY)];
      expect(names(evaluate([rule(1, { ...patterns("alpha*", "beta*"), ...countMoreThan(1) })], images))).toEqual(["A", "B"]);
    });
  });

  describe("All images", () => {
    it("Example A: any count > 1 → A, B, C", () => {
      const images = [image("A", ["alpha-1"], 4 * DAY), image("B", ["beta-1"], 3 * DAY), image("C", [], 2 * DAY), image("D", ["alpha-2"], 1 * DAY)];
      expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], images))).toEqual(["A", "B", "C"]);
    });

    it("Example B: alpha*, then untagged older than 1 day, then any count > 1 → A, B, D (D 26 h old, E 22 h)", () => {
      const images = [
        image("A", ["alpha-1", "beta-1"], 4 * DAY),
        image("B", [], 3 * DAY),
        image("C", ["alpha-2"], 2 * DAY),
        image("D", ["3c9c7f8e1d0b"], 26 * HOUR),
        image("E", [], 22 * HOUR),
      ];
      const actions = evaluate(
        [rule(1, { ...patterns("alpha*"), ...countMoreThan(1) }), rule(2, { ...UNTAGGED, ...since("sinceImagePushed", 1) }), rule(3, { ...ANY, ...countMoreThan(1) })],
        images,
      );
      // E is protected by rule 2 yet fills rule 3's only keep slot, so D goes.
      expect(summary(actions)).toEqual(["A:1:expire", "B:2:expire", "D:3:expire"]);
    });
  });

  it("Archive: tagged prod* older than 30 days, transitioned (constructed)", () => {
    const images = [
      image("a", ["prod-1"], 31 * DAY),
      image("b", ["prod-2"], 29 * DAY),
      image("c", ["dev-1"], 60 * DAY),
      image("d", ["prod-0"], 90 * DAY, { storageClass: "archive", lastArchivedAt: ago(50 * DAY) }),
    ];
    const actions = evaluate([rule(1, { ...patterns("prod*"), ...since("sinceImagePushed", 30) }, TRANSITION)], images);
    expect(summary(actions)).toEqual(["a:1:transition"]);
  });

  it("Archive: any not pulled in 90 days, transitioned, index children spared (constructed)", () => {
    const images = [
      image("a", ["v1"], 400 * DAY, { lastPulledAt: ago(91 * DAY) }),
      image("b", [], 400 * DAY, { lastPulledAt: ago(89 * DAY) }),
      image("c", [], 120 * DAY, { referencedByIndex: true }),
      image("d", ["v2"], 95 * DAY),
    ];
    const actions = evaluate([rule(1, { ...ANY, ...since("sinceImagePulled", 90) }, TRANSITION)], images);
    expect(summary(actions)).toEqual(["a:1:transition", "d:1:transition"]);
  });

  it("Archive: combining archive and expire (constructed)", () => {
    const images = [
      image("a", ["v1"], 40 * DAY),
      image("b", ["v2"], 10 * DAY),
      image("c", [], 800 * DAY, { storageClass: "archive", lastArchivedAt: ago(400 * DAY) }),
      image("d", ["v0"], 600 * DAY, { storageClass: "archive", lastArchivedAt: ago(200 * DAY) }),
    ];
    const actions = evaluate(
      [rule(1, { ...ANY, ...since("sinceImagePushed", 30) }, TRANSITION), rule(2, { ...ANY, storageClass: "archive", ...since("sinceImageTransitioned", 365) })],
      images,
    );
    expect(summary(actions)).toEqual(["a:1:transition", "c:2:expire"]);
  });
});

describe("evaluation rules", () => {
  it("protects images a higher-priority rule selects but leaves alone", () => {
    const images = [image("p1", ["prod-1"], 9 * DAY), image("p2", ["prod-2"], 8 * DAY), image("d1", ["dev-1"], 7 * DAY), image("d2", ["dev-2"], 1 * DAY)];
    const actions = evaluate([rule(1, { ...prefixes("prod"), ...countMoreThan(5) }), rule(2, { ...ANY, ...countMoreThan(1) })], images);
    expect(names(actions)).toEqual(["d1"]);
  });

  it("lets a protected image fill a lower rule's keep slot", () => {
    const images = [image("old", ["dev-1"], 9 * DAY), image("mid", ["dev-2"], 5 * DAY), image("new", ["prod-1"], 1 * DAY)];
    const actions = evaluate([rule(1, { ...prefixes("prod"), ...since("sinceImagePushed", 100) }), rule(2, { ...ANY, ...countMoreThan(1) })], images);
    // The newest image is kept by rule 1 and also takes rule 2's single slot: both dev images go.
    expect(names(actions)).toEqual(["old", "mid"]);
  });

  it("counts images a higher rule expired in a lower rule's keep slots", () => {
    const images = [image("a", ["dev-1"], 10 * DAY), image("b", ["dev-2"], 9 * DAY), image("t", ["tmp-1"], 2 * DAY)];
    const actions = evaluate([rule(1, { ...prefixes("tmp"), ...since("sinceImagePushed", 1) }), rule(2, { ...ANY, ...countMoreThan(2) })], images);
    // t, expired by rule 1, is still one of rule 2's two newest: b keeps the other slot and a goes.
    expect(summary(actions)).toEqual(["t:1:expire", "a:2:expire"]);
  });

  it("acts on a multi-tag image as a whole: any selected tag reaches it", () => {
    const images = [image("multi", ["prod-1", "dev-1"], 9 * DAY), image("dev", ["dev-2"], 1 * DAY)];
    expect(names(evaluate([rule(1, { ...prefixes("dev"), ...countMoreThan(1) })], images))).toEqual(["multi"]);
    // A higher rule matching its other tag protects it.
    expect(names(evaluate([rule(1, { ...prefixes("prod"), ...countMoreThan(9) }), rule(2, { ...prefixes("dev"), ...countMoreThan(1) })], images))).toEqual([]);
  });

  it("never acts on an image an index still references, and the child keeps counting", () => {
    const images = [image("child", [], 9 * DAY, { referencedByIndex: true }), image("a", [], 5 * DAY), image("b", [], 1 * DAY)];
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], images))).toEqual(["a"]);
    // [A] A protected child among the newest still takes a keep slot.
    const newestChild = [image("a", [], 9 * DAY), image("b", [], 5 * DAY), image("child", [], 1 * DAY, { referencedByIndex: true })];
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], newestChild))).toEqual(["a", "b"]);
    const child = image("child", ["v1"], 100 * DAY, { referencedByIndex: true });
    expect(evaluate([rule(1, { ...ANY, ...since("sinceImagePulled", 1) }, TRANSITION)], [child])).toEqual([]);
  });

  it("keeps storage classes in separate pools", () => {
    const images = [
      image("s-old", ["v1"], 10 * DAY),
      image("s-new", ["v2"], 5 * DAY),
      image("arch-newest", ["v3"], 1 * DAY, { storageClass: "archive", lastArchivedAt: ago(500 * DAY) }),
      image("arch-old", [], 30 * DAY, { storageClass: "archive", lastArchivedAt: ago(500 * DAY) }),
    ];
    // Archived images neither fill the standard keep slot nor get expired by a standard rule.
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], images))).toEqual(["s-old"]);
    // A standard rule's selection does not protect archived images from an archive rule.
    const actions = evaluate(
      [rule(1, { ...ANY, ...countMoreThan(100) }), rule(2, { ...ANY, storageClass: "archive", ...since("sinceImageTransitioned", 365) })],
      images,
    );
    expect(summary(actions)).toEqual(["arch-old:2:expire", "arch-newest:2:expire"]);
  });

  it("ages sinceImagePulled from the last pull, else the push, else a later restore", () => {
    const pulled = (name: string, options: ImageOptions) => image(name, ["v"], 500 * DAY, options);
    const images = [
      pulled("pulled-recently", { lastPulledAt: ago(10 * DAY) }),
      pulled("pulled-long-ago", { lastPulledAt: ago(40 * DAY) }),
      image("never-pulled-new", ["v"], 10 * DAY),
      image("never-pulled-old", ["v"], 40 * DAY),
      pulled("restored-recently", { lastPulledAt: ago(400 * DAY), lastActivatedAt: ago(10 * DAY) }),
      pulled("restored-never-pulled", { lastActivatedAt: ago(10 * DAY) }),
      pulled("restored-long-ago", { lastActivatedAt: ago(40 * DAY) }),
      pulled("pulled-after-restore", { lastActivatedAt: ago(60 * DAY), lastPulledAt: ago(10 * DAY) }),
    ];
    const acted = affected(evaluate([rule(1, { ...ANY, ...since("sinceImagePulled", 30) }, TRANSITION)], images));
    expect(acted).toEqual(["never-pulled-old", "pulled-long-ago", "restored-long-ago"]);
  });

  it("orders and ages a restored image by its restore time", () => {
    const images = [
      image("restored", ["v1"], 300 * DAY, { lastArchivedAt: ago(200 * DAY), lastActivatedAt: ago(1 * DAY) }),
      image("recent", ["v2"], 5 * DAY),
      image("older", ["v3"], 10 * DAY),
    ];
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], images))).toEqual(["older", "recent"]);
    expect(names(evaluate([rule(1, { ...ANY, ...since("sinceImagePushed", 7) })], images))).toEqual(["older"]);
  });

  it("[A] breaks push-time ties by digest: the smaller digest counts as older", () => {
    const images = [image("b", ["x"], 2 * DAY), image("c", ["x"], 2 * DAY), image("a", ["x"], 2 * DAY)];
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], images))).toEqual(["a", "b"]);
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(2) })], images))).toEqual(["a"]);
  });

  it("[A] treats older than N days as strictly more than N × 24 h", () => {
    const images = [image("exact", [], 14 * DAY), image("over", [], 14 * DAY + 1), image("under", [], 14 * DAY - 1)];
    expect(names(evaluate([rule(1, { ...UNTAGGED, ...since("sinceImagePushed", 14) })], images))).toEqual(["over"]);
  });

  it("[A] never expires an archived image without lastArchivedAt by transition age", () => {
    const images = [image("no-date", [], 999 * DAY, { storageClass: "archive" }), image("dated", [], 999 * DAY, { storageClass: "archive", lastArchivedAt: ago(100 * DAY) })];
    expect(names(evaluate([rule(1, { ...ANY, storageClass: "archive", ...since("sinceImageTransitioned", 90) })], images))).toEqual(["dated"]);
  });

  it("applies rules by rulePriority whatever their order in the document, and lists actions by priority then age", () => {
    const images = [image("p-old", ["prod-1"], 9 * DAY), image("p-new", ["prod-2"], 2 * DAY), image("u-old", [], 8 * DAY), image("u-new", [], 3 * DAY), image("t", ["x"], 1 * DAY)];
    const rules = [rule(7, { ...ANY, ...countMoreThan(1) }), rule(5, { ...UNTAGGED, ...since("sinceImagePushed", 2) }), rule(2, { ...prefixes("prod"), ...countMoreThan(1) })];
    const expected = ["p-old:2:expire", "u-old:5:expire", "u-new:5:expire"];
    expect(summary(evaluate(rules, images))).toEqual(expected);
    expect(summary(evaluate([...rules].reverse(), [...images].reverse()))).toEqual(expected);
  });

  it("orders images across the whole Date range, and survives invalid dates", () => {
    const at = (ms: number) => new Date(ms);
    const images = [
      { ...image("future", [], 0), pushedAt: at(8.64e15) },
      { ...image("ancient", [], 0), pushedAt: at(-8.64e15) },
      { ...image("epoch", [], 0), pushedAt: at(0) },
      { ...image("ancient-too", [], 0), pushedAt: at(-8.64e15) },
    ];
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], images))).toEqual(["ancient", "ancient-too", "epoch"]);
    const invalid = [image("ok", [], DAY), { ...image("bad", [], 0), pushedAt: new Date(Number.NaN) }];
    expect(() => evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], invalid)).not.toThrow();
  });

  it("ignores a repeated digest rather than acting twice", () => {
    const twin = image("twin", [], 9 * DAY);
    expect(names(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], [twin, { ...twin }, image("new", [], 0)]))).toEqual(["twin"]);
  });

  it("returns nothing for an empty repository", () => {
    expect(evaluate([rule(1, { ...ANY, ...countMoreThan(1) })], [])).toEqual([]);
  });
});

describe("tag selection (ecr-spec §1.3)", () => {
  it("ANDs tagPrefixList entries, each met by any tag, instead of ORing them", () => {
    const selection = { tagStatus: "tagged" as const, tagPrefixList: ["prod", "v1"] };
    expect(tagSelects(selection, ["prod-x"])).toBe(false);
    expect(tagSelects(selection, ["v1.2"])).toBe(false);
    expect(tagSelects(selection, ["prod-v1"])).toBe(false);
    expect(tagSelects(selection, ["prod-x", "v1.2"])).toBe(true);
    // One tag may meet several entries, and a prefix may be the whole tag.
    expect(tagSelects({ tagStatus: "tagged", tagPrefixList: ["pro", "prod"] }, ["prod"])).toBe(true);
  });

  it("ANDs tagPatternList entries the same way", () => {
    const selection = { tagStatus: "tagged" as const, tagPatternList: ["*prod*", "v*"] };
    expect(tagSelects(selection, ["repo-production"])).toBe(false);
    expect(tagSelects(selection, ["repo-production", "v2"])).toBe(true);
    expect(tagSelects(selection, ["vprod"])).toBe(true);
  });

  it("matches the doc's wildcard examples", () => {
    const prod = { tagStatus: "tagged" as const, tagPatternList: ["prod*"] };
    for (const tag of ["prod", "prod1", "production-team1"]) expect(tagSelects(prod, [tag])).toBe(true);
    expect(tagSelects(prod, ["preprod"])).toBe(false);
    const anywhere = { tagStatus: "tagged" as const, tagPatternList: ["*prod*"] };
    for (const tag of ["repo-production", "prod-team"]) expect(tagSelects(anywhere, [tag])).toBe(true);
    expect(tagSelects(anywhere, ["pro-d"])).toBe(false);
  });

  it("[A] matches a pattern without * only against an identical tag, case-sensitively", () => {
    const exact = { tagStatus: "tagged" as const, tagPatternList: ["prod"] };
    expect(tagSelects(exact, ["prod"])).toBe(true);
    for (const tag of ["prod-1", "xprod", "Prod", "PROD"]) expect(tagSelects(exact, [tag])).toBe(false);
    expect(tagSelects({ tagStatus: "tagged", tagPatternList: ["Prod*"] }, ["prod-1"])).toBe(false);
    expect(tagSelects({ tagStatus: "tagged", tagPrefixList: ["Prod"] }, ["prod-1"])).toBe(false);
  });

  it("[A] treats regular-expression characters literally", () => {
    const one = (pattern: string, tag: string) => tagSelects({ tagStatus: "tagged", tagPatternList: [pattern] }, [tag]);
    expect(one("v1.0+build", "v1.0+build")).toBe(true);
    expect(one("v1.0+build", "v1x0+build")).toBe(false);
    expect(one("v1.0+build", "v1.00build")).toBe(false);
    expect(one("a.b", "a.b")).toBe(true);
    expect(one("a.b", "axb")).toBe(false);
    expect(one("(x)", "(x)")).toBe(true);
    expect(one("(x)", "x")).toBe(false);
    expect(one("[a-z]*", "[a-z]-1")).toBe(true);
    expect(one("[a-z]*", "q")).toBe(false);
    expect(one("*.*", "a.b")).toBe(true);
    expect(one("*.*", "ab")).toBe(false);
    expect(one("^a$|b", "^a$|b")).toBe(true);
    expect(one("^a$|b", "b")).toBe(false);
    expect(one("a\\d", "a\\d")).toBe(true);
    expect(one("a\\d", "a1")).toBe(false);
    expect(tagSelects({ tagStatus: "tagged", tagPrefixList: ["a.b"] }, ["axb-1"])).toBe(false);
    expect(tagSelects({ tagStatus: "tagged", tagPrefixList: ["v1.0+"] }, ["v1.0+build"])).toBe(true);
  });

  it("places each * against the whole tag without overlapping ends", () => {
    const one = (pattern: string, tag: string) => tagSelects({ tagStatus: "tagged", tagPatternList: [pattern] }, [tag]);
    expect(one("a*a", "a")).toBe(false);
    expect(one("a*a", "aa")).toBe(true);
    expect(one("*ab*ab*", "abab")).toBe(true);
    expect(one("*ab*ab*", "aba")).toBe(false);
    expect(one("x*y*z", "xzyz")).toBe(true);
    expect(one("x*y*z", "xzzy")).toBe(false);
    expect(one("**", "")).toBe(true);
  });

  it("keeps tagged, untagged and any apart", () => {
    expect(tagSelects({ tagStatus: "tagged", tagPatternList: ["*"] }, [])).toBe(false);
    expect(tagSelects({ tagStatus: "tagged", tagPatternList: ["*"] }, ["x"])).toBe(true);
    expect(tagSelects({ tagStatus: "untagged" }, ["x"])).toBe(false);
    expect(tagSelects({ tagStatus: "untagged" }, [])).toBe(true);
    expect(tagSelects({ tagStatus: "any" }, [])).toBe(true);
    expect(tagSelects({ tagStatus: "any" }, ["x"])).toBe(true);
  });
});

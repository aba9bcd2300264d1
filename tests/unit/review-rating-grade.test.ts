// From answers to FSRS ratings: all-or-nothing grading of each question type, the rating table,
// the checks that refuse answers not fitting the question, the browser's picking rules, and
// the shown option order.
import { describe, expect, it } from "vitest";
import { isDomainError } from "@/lib/core/errors";
import { checkChoice, parseAnswerInput, MAX_DURATION_MS } from "@/lib/learn/answer-input";
import { gradeAnswer, choiceCount } from "@/lib/learn/grade";
import { rateAnswer } from "@/lib/learn/rating";
import { optionOrderOf } from "@/lib/learn/showings";
import { CONFIDENCES } from "@/lib/learn/review-types";
import type { PresentedQuestion } from "@/lib/learn/present";
import { pickOption, selectionStatus } from "@/components/review/selection";

const opts = (...keys: string[]) => keys.map((key) => ({ key, ja: { text: key, why: "理由です。" }, en: { text: key, why: "Because." } }));
const single = { type: "single" as const, answer: ["b"], options: opts("a", "b", "c", "d") };
const multiple = { type: "multiple" as const, answer: ["a", "c"], options: opts("a", "b", "c", "d", "e") };
const ordering = { type: "ordering" as const, answer: ["c", "a", "d", "b"], options: opts("a", "b", "c", "d") };
const scenario = { type: "scenario" as const, answer: ["d"], options: opts("a", "b", "c", "d") };

function reasonOf(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return isDomainError(error) ? `${error.code}:${String(error.details.reason)}` : error;
  }
  return "no error";
}

describe("rateAnswer", () => {
  it.each([
    [false, "sure", "again"],
    [false, "unsure", "again"],
    [false, "guessed", "again"],
    [false, "easy", "again"],
    [true, "guessed", "again"],
    [true, "unsure", "hard"],
    [true, "sure", "good"],
    [true, "easy", "easy"],
  ] as const)("correct=%s, %s → %s", (correct, confidence, rating) => {
    expect(rateAnswer(correct, confidence)).toBe(rating);
  });

  it("gives Easy only when the learner chose it", () => {
    for (const c of CONFIDENCES) if (c !== "easy") expect(rateAnswer(true, c)).not.toBe("easy");
  });
});

describe("gradeAnswer", () => {
  it("single and scenario: the one answer is right, anything else wrong", () => {
    expect(gradeAnswer(single, ["b"])).toEqual({ correct: true, partial: false });
    expect(gradeAnswer(single, ["a"])).toEqual({ correct: false, partial: false });
    expect(gradeAnswer(scenario, ["d"]).correct).toBe(true);
    expect(gradeAnswer(scenario, ["c"]).correct).toBe(false);
  });

  it("multiple response is all-or-nothing; partly right is wrong but flagged partial (→ Again)", () => {
    expect(gradeAnswer(multiple, ["c", "a"])).toEqual({ correct: true, partial: false });
    const partial = gradeAnswer(multiple, ["a", "b"]);
    expect(partial).toEqual({ correct: false, partial: true });
    expect(rateAnswer(partial.correct, "sure")).toBe("again");
    expect(gradeAnswer(multiple, ["b", "d"])).toEqual({ correct: false, partial: false });
    expect(gradeAnswer(multiple, ["a", "c", "e"]).correct).toBe(false);
  });

  it("ordering: only the exact sequence is right", () => {
    expect(gradeAnswer(ordering, ["c", "a", "d", "b"]).correct).toBe(true);
    expect(gradeAnswer(ordering, ["a", "c", "d", "b"]).correct).toBe(false);
    expect(gradeAnswer(ordering, ["c", "a", "d"]).correct).toBe(false);
  });

  it("asks for one, the number of answers, or every step", () => {
    expect([choiceCount(single), choiceCount(multiple), choiceCount(ordering)]).toEqual([1, 2, 4]);
  });
});

describe("checkChoice (tampering and stale tabs)", () => {
  it("accepts a well-formed choice", () => {
    expect(reasonOf(() => checkChoice(multiple, ["a", "b"]))).toBe("no error");
    expect(reasonOf(() => checkChoice(ordering, ["d", "c", "b", "a"]))).toBe("no error");
  });

  it("refuses keys that are not options, duplicates, nothing, and the wrong number", () => {
    expect(reasonOf(() => checkChoice(single, ["z"]))).toBe("InvalidInput:review.unknownOption");
    expect(reasonOf(() => checkChoice(multiple, ["a", "a"]))).toBe("InvalidInput:review.duplicateOption");
    expect(reasonOf(() => checkChoice(single, []))).toBe("InvalidInput:review.noChoice");
    expect(reasonOf(() => checkChoice(single, ["a", "b"]))).toBe("InvalidInput:review.wrongCount");
    expect(reasonOf(() => checkChoice(multiple, ["a", "b", "c"]))).toBe("InvalidInput:review.wrongCount");
    expect(reasonOf(() => checkChoice(ordering, ["a", "b"]))).toBe("InvalidInput:review.incompleteOrder");
  });

  it("parses the wire shape strictly and caps an idle tab's duration", () => {
    const base = { showingId: "s1", questionId: "q1", chosen: ["a"], confidence: "sure", durationMs: 1500.4 };
    expect(parseAnswerInput(base).durationMs).toBe(1500);
    expect(parseAnswerInput({ ...base, durationMs: 10 * MAX_DURATION_MS }).durationMs).toBe(MAX_DURATION_MS);
    for (const bad of [{ ...base, chosen: "a" }, { ...base, confidence: "certain" }, { ...base, durationMs: -1 }, { ...base, extra: 1 }, null]) {
      expect(reasonOf(() => parseAnswerInput(bad))).toBe("InvalidInput:review.answerMalformed");
    }
  });
});

describe("picking options in the browser", () => {
  const present = (type: PresentedQuestion["type"], choose: number, keys: string[]): PresentedQuestion => ({
    showingId: "s",
    questionId: "q",
    type,
    topic: "pricing",
    difficulty: 1,
    choose,
    caseText: null,
    stem: "stem",
    options: keys.map((key) => ({ key, text: key })),
  });

  it("single replaces, multiple toggles, ordering appends each step once", () => {
    const s = present("single", 1, ["c", "a", "b"]);
    expect(pickOption(s, pickOption(s, [], 0), 2)).toEqual(["b"]);
    const m = present("multiple", 2, ["c", "a", "b"]);
    expect(pickOption(m, pickOption(m, ["c"], 1), 0)).toEqual(["a"]);
    const o = present("ordering", 3, ["c", "a", "b"]);
    expect([1, 1, 2, 0].reduce<string[]>((acc, i) => pickOption(o, acc, i), [])).toEqual(["a", "b", "c"]);
    expect(pickOption(o, ["a"], 8)).toEqual(["a"]);
  });

  it("is ready only with exactly the asked number of options", () => {
    const m = present("multiple", 2, ["a", "b", "c"]);
    expect(selectionStatus(m, ["a"])).toEqual({ ready: false, missing: 1 });
    expect(selectionStatus(m, ["a", "b"])).toEqual({ ready: true });
    expect(selectionStatus(m, ["a", "b", "c"])).toEqual({ ready: false, excess: 1 });
  });
});

describe("optionOrderOf", () => {
  it("keeps the shown order and survives an option added or dropped while a showing was pending", () => {
    expect(optionOrderOf({ optionOrder: "c,a,d,b" }, single)).toEqual(["c", "a", "d", "b"]);
    expect(optionOrderOf({ optionOrder: "c,z,a" }, single)).toEqual(["c", "a", "b", "d"]);
  });
});

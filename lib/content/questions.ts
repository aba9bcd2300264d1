// The question bank of this process: loaded once, validated, indexed by id and topic. Review code
// depends on the QuestionCatalog shape only, so a database-backed source can be merged in later.
import type { ExamTopic } from "./lesson-schema";
import { formatProblem } from "./load-lessons";
import { loadQuestionBank, type LoadedQuestion } from "./load-questions";
import { ContentError, contentDir } from "./lessons";

export type QuestionCatalog = {
  /** Every question in bank order (file, then position in the file). */
  all: readonly LoadedQuestion[];
  byId: ReadonlyMap<string, LoadedQuestion>;
  byTopic: ReadonlyMap<ExamTopic, readonly LoadedQuestion[]>;
};

export function buildQuestionCatalog(questions: readonly LoadedQuestion[]): QuestionCatalog {
  const byTopic = new Map<ExamTopic, LoadedQuestion[]>();
  for (const q of questions) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  return { all: questions, byId: new Map(questions.map((q) => [q.id, q])), byTopic };
}

let catalog: QuestionCatalog | undefined;

/** The validated bank; throws ContentError listing every problem when a question file is malformed. */
export function getQuestionCatalog(options: { reload?: boolean } = {}): QuestionCatalog {
  if (!catalog || options.reload) {
    const bank = loadQuestionBank(contentDir());
    if (bank.problems.length) throw new ContentError(`Question bank is invalid:\n${bank.problems.map(formatProblem).join("\n")}`);
    catalog = buildQuestionCatalog(bank.questions);
  }
  return catalog;
}

export function findQuestion(id: string): LoadedQuestion | null {
  return getQuestionCatalog().byId.get(id) ?? null;
}

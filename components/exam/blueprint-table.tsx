// The blueprint as a table: each topic's share and its questions in a full-length exam.
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { EXAM_FORMATS, TOPIC_WEIGHTS, topicAllocation } from "@/lib/learn/blueprint";
import type { Translate } from "@/lib/i18n/messages";

export function BlueprintTable({ t }: { t: Translate }) {
  const count = EXAM_FORMATS.full.questionCount;
  const allocation = topicAllocation(count);
  return (
    <section className="exam-section" aria-labelledby="exam-blueprint">
      <h2 id="exam-blueprint">{t("exam.blueprintTitle")}</h2>
      <p className="hint">{t("exam.blueprintLead", { count })}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="exam-blueprint">
          <thead>
            <tr>
              <th scope="col">{t("exam.blueprintTopic")}</th>
              <th scope="col" className="num">{t("exam.blueprintWeight")}</th>
              <th scope="col" className="num">{t("exam.blueprintCount")}</th>
            </tr>
          </thead>
          <tbody>
            {EXAM_TOPICS.map((topic) => (
              <tr key={topic}>
                <th scope="row">{t(`topic.${topic}`)}</th>
                <td className="num">{TOPIC_WEIGHTS[topic]}%</td>
                <td className="num">{allocation[topic]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// Lifecycle policy evaluation (lesson lifecycle-policies): five images ordered by push time, three
// rules applied in priority order, and the result. Based on the AWS "All images, Example B" case.
import { Arrow, Box, DiagramFrame, Label, type DiagramProps } from "./parts";

type Tone = "default" | "accent" | "muted" | "warning";
type Cell = { ja: string; en: string; subJa?: string; subEn?: string; tone: Tone };

/** Left edge of image column i (0-based). */
const colX = (i: number): number => 222 + i * 110;
const COL_W = 104;

const images = [
  { name: "A", tagsJa: "alpha-1\nbeta-1", tagsEn: "alpha-1\nbeta-1", ageJa: "4 日前", ageEn: "4 days ago" },
  { name: "B", tagsJa: "（タグなし）", tagsEn: "(untagged)", ageJa: "3 日前", ageEn: "3 days ago" },
  { name: "C", tagsJa: "alpha-2", tagsEn: "alpha-2", ageJa: "2 日前", ageEn: "2 days ago" },
  { name: "D", tagsJa: "a1b2c3d", tagsEn: "a1b2c3d", ageJa: "26 時間前", ageEn: "26 hours ago" },
  { name: "E", tagsJa: "（タグなし）", tagsEn: "(untagged)", ageJa: "22 時間前", ageEn: "22 hours ago" },
] as const;

const expire: Cell = { ja: "期限切れ", en: "expire", tone: "warning" };
const notSelected: Cell = { ja: "対象外", en: "no match", tone: "muted" };

const rows: { y: number; labelJa: string; labelEn: string; subJa: string; subEn: string; cells: Cell[] }[] = [
  {
    y: 122,
    labelJa: "ルール 1（優先度 1）",
    labelEn: "Rule 1 (priority 1)",
    subJa: "alpha* を新しい順に 1 個保持",
    subEn: "alpha*: keep newest 1",
    cells: [expire, notSelected, { ja: "保持", en: "keep", subJa: "1 枠目", subEn: "slot 1", tone: "accent" }, notSelected, notSelected],
  },
  {
    y: 196,
    labelJa: "ルール 2（優先度 2）",
    labelEn: "Rule 2 (priority 2)",
    subJa: "タグなしで 1 日より古い",
    subEn: "untagged, older than 1 day",
    cells: [
      notSelected,
      expire,
      notSelected,
      notSelected,
      { ja: "保持", en: "keep", subJa: "1 日未満", subEn: "under 1 day", tone: "accent" },
    ],
  },
  {
    y: 270,
    labelJa: "ルール 3（優先度 3）",
    labelEn: "Rule 3 (priority 3)",
    subJa: "すべてを新しい順に 1 個保持",
    subEn: "any: keep newest 1",
    cells: [
      { ja: "処理済み", en: "done", subJa: "R1 で期限切れ", subEn: "expired by R1", tone: "default" },
      { ja: "処理済み", en: "done", subJa: "R2 で期限切れ", subEn: "expired by R2", tone: "default" },
      { ja: "保護", en: "protected", subJa: "R1 が選択", subEn: "matched R1", tone: "default" },
      expire,
      { ja: "保持", en: "keep", subJa: "1 枠目", subEn: "slot 1", tone: "accent" },
    ],
  },
];

const result: Cell[] = [
  { ja: "削除", en: "deleted", tone: "warning" },
  { ja: "削除", en: "deleted", tone: "warning" },
  { ja: "残る", en: "remains", tone: "accent" },
  { ja: "削除", en: "deleted", tone: "warning" },
  { ja: "残る", en: "remains", tone: "accent" },
];

export default function LifecycleEvaluation({ locale }: DiagramProps) {
  const ja = locale === "ja";
  const t = (jaText: string, enText: string) => (ja ? jaText : enText);
  return (
    <DiagramFrame
      locale={locale}
      width={790}
      height={432}
      title={{
        ja: "ライフサイクルルールの評価: プッシュ順に並べたイメージに優先度順でルールを適用",
        en: "Lifecycle rule evaluation: rules applied in priority order to images sorted by push time",
      }}
      description={{
        ja: "5 つのイメージを古い順に左から並べる。A はタグ alpha-1 と beta-1 で 4 日前、B はタグなしで 3 日前、C は alpha-2 で 2 日前、D は a1b2c3d で 26 時間前、E はタグなしで 22 時間前にプッシュされた。ルール 1（優先度 1、alpha* を新しい順に 1 個保持）は A と C を選択し、最新の C を保持して A を期限切れにする。ルール 2（優先度 2、タグなしで 1 日より古いもの）は B と E を選択し、3 日前の B を期限切れにし、1 日未満の E は残す。ルール 3（優先度 3、すべてのイメージを新しい順に 1 個保持）は 5 つすべてを選択し、最新の E が保持枠を使う。残りのうち A と B はすでに期限切れ、C はルール 1 のタグ条件に一致したので保護され、D だけが新たに期限切れになる。結果として A、B、D が削除され、C と E が残る。",
        en: "Five images are sorted from oldest on the left to newest on the right. A has tags alpha-1 and beta-1 and was pushed 4 days ago, B is untagged and 3 days old, C is alpha-2 and 2 days old, D is a1b2c3d and 26 hours old, and E is untagged and 22 hours old. Rule 1 (priority 1, keep the newest 1 image matching alpha*) selects A and C, keeps C and expires A. Rule 2 (priority 2, untagged images older than 1 day) selects B and E, expires B and leaves E because it is less than a day old. Rule 3 (priority 3, any image, keep the newest 1) selects all five; E fills its single keep slot. Of the rest, A and B are already expired, C is protected because it matched rule 1's tag selection, so only D is newly expired. Result: A, B and D are deleted; C and E remain.",
      }}
    >
      <Arrow points={[[222, 24], [766, 24]]} label={t("プッシュ時刻（古い → 新しい）", "push time (older → newer)")} labelOffset={[0, -6]} />
      <Box x={20} y={36} width={190} height={74} label={t("イメージ", "Images")} sublabel={t("タグ / プッシュ時刻", "tags / pushed")} tone="muted" />
      {images.map((image, i) => (
        <Box
          key={image.name}
          x={colX(i)}
          y={36}
          width={COL_W}
          height={74}
          label={image.name}
          sublabel={`${t(image.tagsJa, image.tagsEn)}\n${t(image.ageJa, image.ageEn)}`}
        />
      ))}
      {rows.map((row) => (
        <g key={row.y}>
          <Box x={20} y={row.y} width={190} height={62} label={t(row.labelJa, row.labelEn)} sublabel={t(row.subJa, row.subEn)} />
          {row.cells.map((cell, i) => (
            <Box
              key={i}
              x={colX(i)}
              y={row.y}
              width={COL_W}
              height={62}
              label={t(cell.ja, cell.en)}
              sublabel={cell.subJa && cell.subEn ? t(cell.subJa, cell.subEn) : undefined}
              tone={cell.tone}
            />
          ))}
        </g>
      ))}
      <Arrow points={[[115, 336], [115, 352]]} />
      <Box x={20} y={354} width={190} height={50} label={t("結果", "Result")} tone="muted" />
      {result.map((cell, i) => (
        <Box key={i} x={colX(i)} y={354} width={COL_W} height={50} label={t(cell.ja, cell.en)} tone={cell.tone} />
      ))}
      <Label x={20} y={424} anchor="start" small>
        {t("優先度の小さいルールから順に適用。各イメージを処理するのは最大 1 ルール。", "Rules run from the lowest rulePriority number. Each image is acted on by at most one rule.")}
      </Label>
    </DiagramFrame>
  );
}

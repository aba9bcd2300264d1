// Access-control lesson: how an identity policy (account B) and a repository policy (account A)
// are evaluated together when a principal in B pulls from a repository in A.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function CrossAccountPullEvaluation({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={800}
      height={420}
      title={{
        ja: "クロスアカウントのプルでポリシーが評価される順序",
        en: "How policies are evaluated for a cross-account pull",
      }}
      description={{
        ja: "アカウント B（222222222222）の IAM ロールが、アカウント A（123456789012）のリポジトリ my-app から docker pull（BatchGetImage や GetDownloadUrlForLayer の呼び出し）を行います。① まず、SCP・アイデンティティベースのポリシー・リポジトリポリシーのどれかに該当する明示的な Deny があれば、その時点で拒否されます（明示的な拒否は常に最優先）。② 次に、アカウント B 側でロールのアイデンティティベースのポリシーがそのアクションを Allow しているかを確認します。③ さらに、アカウント A 側のリポジトリポリシーが B のプリンシパルを Allow しているかを確認します。② と ③ の両方が Allow のときだけプルが成功し、どちらかが欠けると暗黙的に拒否されます。同じアカウント内のアクセスなら、② か ③ のどちらか一方の Allow で十分です。",
        en: "An IAM role in account B (222222222222) runs docker pull, which calls BatchGetImage and GetDownloadUrlForLayer, against the repository my-app in account A (123456789012). ① First, an explicit Deny in any applicable policy (SCP, identity-based policy or repository policy) rejects the request at once; an explicit deny always wins. ② Next, the role's identity-based policy in account B must allow the action. ③ Then the repository policy in account A must allow B's principal. Only when both ② and ③ allow does the pull succeed; if either is missing, the request is implicitly denied. For access within a single account, an Allow in either ② or ③ is enough.",
      }}
    >
      <Group x={10} y={15} width={250} height={110} title={t("アカウント B（222222222222）", "Account B (222222222222)")} />
      <Box
        x={30}
        y={48}
        width={210}
        height={62}
        label={t("IAM ロール", "IAM role")}
        sublabel={t("ID ベースのポリシー付き", "with an identity policy")}
      />
      <Group x={540} y={15} width={250} height={110} title={t("アカウント A（123456789012）", "Account A (123456789012)")} />
      <Box
        x={560}
        y={48}
        width={210}
        height={62}
        label={t("リポジトリ my-app", "Repository my-app")}
        sublabel={t("リポジトリポリシー付き", "with a repository policy")}
      />
      <Arrow
        points={[[240, 79], [560, 79]]}
        label={t("docker pull（BatchGetImage など）", "docker pull (BatchGetImage, …)")}
      />
      <Arrow points={[[400, 79], [400, 140]]} />

      <Box
        x={275}
        y={140}
        width={250}
        height={48}
        label={t("① 明示的な Deny？", "① Explicit Deny anywhere?")}
        sublabel={t("SCP・ID ベース・リポジトリ", "SCP, identity or repository")}
      />
      <Box
        x={275}
        y={210}
        width={250}
        height={48}
        label={t("② B の IAM ポリシー", "② Identity policy in B")}
        sublabel={t("アカウント B 側で Allow？", "allows the action?")}
      />
      <Box
        x={275}
        y={280}
        width={250}
        height={48}
        label={t("③ A のリポジトリポリシー", "③ Repository policy in A")}
        sublabel={t("B のプリンシパルを Allow？", "allows B's principal?")}
      />
      <Box x={275} y={355} width={250} height={48} label={t("プル成功（許可）", "Pull succeeds (Allow)")} tone="accent" />

      <Box
        x={575}
        y={140}
        width={200}
        height={48}
        label={t("明示的な拒否", "Explicit deny")}
        sublabel={t("常に最優先", "always wins")}
        tone="warning"
      />
      <Box
        x={575}
        y={245}
        width={200}
        height={48}
        label={t("暗黙的な拒否", "Implicit deny")}
        sublabel={t("どちらかが欠けると拒否", "either side missing")}
        tone="warning"
      />
      <Box
        x={20}
        y={215}
        width={225}
        height={95}
        label={t("同一アカウントの場合", "Same account")}
        sublabel={t("② か ③ のどちらかで\nAllow されれば許可", "an Allow in ② or ③\nis enough")}
        tone="muted"
      />

      <Arrow points={[[525, 164], [575, 164]]} label={t("あり", "yes")} />
      <Arrow points={[[400, 188], [400, 210]]} label={t("なし", "no")} labelOffset={[22, 4]} />
      <Arrow points={[[400, 258], [400, 280]]} label={t("はい", "yes")} labelOffset={[22, 4]} />
      <Arrow points={[[400, 328], [400, 355]]} label={t("はい", "yes")} labelOffset={[22, 4]} />
      <Arrow points={[[525, 234], [575, 262]]} label={t("いいえ", "no")} labelOffset={[0, -10]} />
      <Arrow points={[[525, 304], [575, 276]]} label={t("いいえ", "no")} labelOffset={[0, 18]} />
    </DiagramFrame>
  );
}

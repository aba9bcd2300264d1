// Multi-account pattern (lesson design-patterns): a central registry account receives pushes from CI,
// replicates to a second Region, and serves pulls to workload accounts in the same organization.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function CentralRegistry({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={800}
      height={380}
      title={{
        ja: "中央レジストリアカウントとリージョン間レプリケーション",
        en: "A central registry account with cross-Region replication",
      }}
      description={{
        ja: "CI/CD（CodeBuild など）が中央レジストリアカウント 123456789012 の ap-northeast-1 の ECR にイメージをプッシュする。このリポジトリにはリポジトリポリシーがあり、同じ AWS Organizations の組織に属するアカウントにプルを許可する。スキャンとライフサイクルポリシーもここで管理する。レジストリのレプリケーション設定により、新しくプッシュされたイメージが同じアカウントの us-east-1 の ECR に複製される。レプリカ側のリポジトリポリシーやライフサイクルポリシーは複製されないので別途設定する。組織内のワークロードアカウントのうち、開発アカウント 111122223333 の ECS と本番アカウント 444455556666 の EKS は ap-northeast-1 の ECR からプルし、本番アカウントの us-east-1 にある災害対策用 ECS はレプリカからプルする。",
        en: "CI/CD (for example CodeBuild) pushes images to ECR in ap-northeast-1 in the central registry account 123456789012. The repository policy there allows pulls from accounts in the same AWS Organizations organization, and scanning and lifecycle policies are managed there too. The registry's replication configuration copies newly pushed images to ECR in us-east-1 in the same account. Repository and lifecycle policies are not replicated, so the replica side is configured separately. Among the workload accounts in the organization, ECS in the development account 111122223333 and EKS in the production account 444455556666 pull from ap-northeast-1, while a disaster-recovery ECS service in the production account in us-east-1 pulls from the replica.",
      }}
    >
      <Box x={20} y={70} width={140} height={74} label="CI/CD" sublabel={t("CodeBuild など", "e.g. CodeBuild")} />
      <Group x={185} y={20} width={330} height={345} title={t("中央レジストリアカウント（123456789012）", "Central registry account (123456789012)")} />
      <Box
        x={210}
        y={60}
        width={280}
        height={100}
        label={t("ECR（ap-northeast-1）", "ECR (ap-northeast-1)")}
        sublabel={t("リポジトリポリシーで組織に pull を許可\nスキャン・ライフサイクル", "repository policy: org may pull\nscanning + lifecycle")}
        tone="accent"
      />
      <Box
        x={210}
        y={245}
        width={280}
        height={90}
        label={t("ECR（us-east-1）", "ECR (us-east-1)")}
        sublabel={t("レプリカ（ポリシーは別途設定）", "replica (set its policies separately)")}
        tone="accent"
      />
      <Group x={535} y={20} width={255} height={345} title={t("ワークロード（同じ組織）", "Workload accounts (same org)")} />
      <Box x={560} y={55} width={210} height={70} label={t("開発（111122223333）", "Dev (111122223333)")} sublabel="ECS · ap-northeast-1" />
      <Box x={560} y={145} width={210} height={70} label={t("本番（444455556666）", "Prod (444455556666)")} sublabel="EKS · ap-northeast-1" />
      <Box x={560} y={255} width={210} height={70} label={t("本番 DR（444455556666）", "Prod DR (444455556666)")} sublabel="ECS · us-east-1" />
      <Arrow points={[[160, 107], [210, 107]]} label="push" />
      <Arrow points={[[350, 160], [350, 245]]} label={t("レプリケーション", "replication")} labelOffset={[72, 4]} />
      <Arrow points={[[490, 90], [560, 90]]} label="pull" labelOffset={[-14, -8]} />
      <Arrow points={[[490, 135], [522, 135], [522, 180], [560, 180]]} label="pull" />
      <Arrow points={[[490, 290], [560, 290]]} label="pull" labelOffset={[-14, -8]} />
    </DiagramFrame>
  );
}

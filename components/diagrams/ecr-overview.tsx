// Where ECR sits in a container workflow: images are built, pushed to ECR, then pulled by the runtimes.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function EcrOverview({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={760}
      height={300}
      title={{ ja: "ECR の位置づけ: ビルド → 保存 → 実行", en: "Where ECR fits: build → store → run" }}
      description={{
        ja: "左側はビルドする側で、開発者の docker build や CodeBuild・CodePipeline などの CI/CD がコンテナイメージを作り、Amazon ECR のプライベートリポジトリにプッシュする。中央の Amazon ECR はイメージを保存し、脆弱性スキャン、IAM によるアクセス制御、ライフサイクルポリシーによる古いイメージの削除を行う。右側は実行する側で、Amazon ECS、Amazon EKS、AWS Lambda が ECR からイメージをプルしてアプリケーションを起動する。",
        en: "On the left, the build side: a developer running docker build, or a CI/CD pipeline such as CodeBuild and CodePipeline, creates a container image and pushes it to a private repository in Amazon ECR. In the middle, Amazon ECR stores the image and adds vulnerability scanning, access control with IAM, and lifecycle policies that remove old images. On the right, the run side: Amazon ECS, Amazon EKS and AWS Lambda pull the image from ECR and start the application.",
      }}
    >
      <Group x={20} y={20} width={180} height={260} title={t("ビルド", "Build")} />
      <Box x={35} y={60} width={150} height={70} label={t("開発者", "Developer")} sublabel="docker build" />
      <Box x={35} y={180} width={150} height={70} label="CI/CD" sublabel={"CodeBuild\nCodePipeline"} />

      <Group x={270} y={20} width={220} height={260} title="Amazon ECR" />
      <Box x={290} y={55} width={180} height={80} label={t("プライベート\nリポジトリ", "Private\nrepository")} sublabel="my-app:1.0" tone="accent" />
      <Box x={290} y={155} width={85} height={45} label={t("スキャン", "Scanning")} tone="muted" />
      <Box x={385} y={155} width={85} height={45} label="IAM" tone="muted" />
      <Box x={290} y={215} width={180} height={45} label={t("ライフサイクル", "Lifecycle")} tone="muted" />

      <Group x={560} y={20} width={180} height={260} title={t("実行", "Run")} />
      <Box x={575} y={55} width={150} height={55} label="Amazon ECS" sublabel="Fargate / EC2" />
      <Box x={575} y={125} width={150} height={55} label="Amazon EKS" />
      <Box x={575} y={195} width={150} height={55} label="AWS Lambda" />

      <Arrow points={[[185, 95], [290, 95]]} label={t("① push", "① push")} />
      <Arrow points={[[185, 215], [237, 215], [237, 120], [290, 120]]} />
      <Arrow points={[[470, 95], [575, 82]]} label={t("② pull", "② pull")} />
      <Arrow points={[[470, 105], [575, 152]]} />
      <Arrow points={[[470, 115], [575, 222]]} />
    </DiagramFrame>
  );
}

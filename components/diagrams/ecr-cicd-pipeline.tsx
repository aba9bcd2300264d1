// A typical container CI/CD pipeline: commit → CodePipeline (CodeBuild builds and pushes to ECR) → ECS deploy pulls from ECR.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function EcrCicdPipeline({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={720}
      height={300}
      title={{ ja: "ECR を中心にしたコンテナの CI/CD パイプライン", en: "A container CI/CD pipeline built around ECR" }}
      description={{
        ja: "① 開発者がソースリポジトリ (GitHub や CodeCommit) にコミットすると、AWS CodePipeline のソースステージが起動する。② ビルドステージの AWS CodeBuild が docker build、docker tag を行い、Amazon ECR にイメージをプッシュし、imagedefinitions.json を出力する。③ デプロイステージが imagedefinitions.json をもとに Amazon ECS サービスのタスク定義を新しいイメージ URI で更新する。④ ECS (Fargate) のタスクは起動時にタスク実行ロールの権限で ECR からイメージをプルする。",
        en: "1. A commit to the source repository (GitHub or CodeCommit) starts the Source stage of AWS CodePipeline. 2. In the Build stage, AWS CodeBuild runs docker build and docker tag, pushes the image to Amazon ECR and writes imagedefinitions.json. 3. The Deploy stage reads imagedefinitions.json and updates the Amazon ECS service with a task definition that uses the new image URI. 4. When the ECS (Fargate) tasks start, they pull the image from ECR using the task execution role.",
      }}
    >
      <Group x={20} y={12} width={680} height={125} title="AWS CodePipeline" />
      <Box x={45} y={45} width={170} height={72} label={t("ソース", "Source")} sublabel="GitHub / CodeCommit" />
      <Box x={275} y={45} width={170} height={72} label={t("ビルド (CodeBuild)", "Build (CodeBuild)")} sublabel={"build → tag → push"} />
      <Box x={505} y={45} width={170} height={72} label={t("デプロイ (ECS)", "Deploy (ECS)")} sublabel="imagedefinitions.json" />
      <Arrow points={[[215, 81], [275, 81]]} />
      <Arrow points={[[445, 81], [505, 81]]} />
      <Box x={45} y={200} width={170} height={80} label={t("ソースリポジトリ", "Source repository")} sublabel={"Dockerfile\nbuildspec.yml"} />
      <Box x={275} y={200} width={170} height={80} label="Amazon ECR" sublabel={"my-app:<commit-id>"} tone="accent" />
      <Box x={505} y={200} width={170} height={80} label={t("ECS サービス", "ECS service")} sublabel={t("Fargate タスク", "Fargate tasks")} />
      <Arrow points={[[130, 200], [130, 117]]} label={t("① コミット", "① commit")} labelOffset={[40, 4]} />
      <Arrow points={[[360, 117], [360, 200]]} label={t("② push", "② push")} labelOffset={[34, 4]} />
      <Arrow points={[[590, 117], [590, 200]]} label={t("③ 更新", "③ update")} labelOffset={[38, 4]} />
      <Arrow points={[[445, 240], [505, 240]]} label={t("④ pull", "④ pull")} />
    </DiagramFrame>
  );
}

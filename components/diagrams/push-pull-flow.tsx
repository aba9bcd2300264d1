// Used by the push-and-pull lesson: get a token from the ECR API, log in to the registry endpoint, push, then pull from ECS/EKS.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function PushPullFlow({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={720}
      height={300}
      title={{ ja: "イメージのプッシュとプルの流れ", en: "How an image is pushed and pulled" }}
      description={{
        ja: "① 開発者は aws ecr get-login-password を実行し、ECR API (api.ecr.リージョン.amazonaws.com) の GetAuthorizationToken から 12 時間有効な認証トークンを受け取る。② そのトークンを docker login --username AWS --password-stdin に渡し、レジストリのエンドポイント (アカウント ID.dkr.ecr.リージョン.amazonaws.com) にログインする。③ docker tag でリポジトリ URI のタグを付けて docker push する。④ ECS のタスクや EKS の Pod は、それぞれの IAM ロールの権限で同じリポジトリからイメージをプルする。",
        en: "1. The developer runs aws ecr get-login-password, which calls GetAuthorizationToken on the ECR API endpoint (api.ecr.region.amazonaws.com) and returns a token valid for 12 hours. 2. The token is piped to docker login --username AWS --password-stdin against the registry endpoint (account-id.dkr.ecr.region.amazonaws.com). 3. The image is tagged with the repository URI and pushed with docker push. 4. ECS tasks or EKS pods pull the image from the same repository, using the permissions of their IAM roles.",
      }}
    >
      <Box x={20} y={40} width={150} height={220} label={t("開発者", "Developer")} sublabel={"aws CLI\n+ docker"} />
      <Group x={250} y={12} width={290} height={276} title={t("Amazon ECR (1 つのリージョン)", "Amazon ECR (one Region)")} />
      <Box x={280} y={45} width={230} height={70} label="ECR API" sublabel={"api.ecr.<region>\n.amazonaws.com"} />
      <Box
        x={280}
        y={150}
        width={230}
        height={115}
        label={t("レジストリ", "Registry")}
        sublabel={"<account>.dkr.ecr.<region>\n.amazonaws.com\n/my-app:1.0"}
        tone="accent"
      />
      <Box x={580} y={150} width={120} height={115} label="ECS / EKS" sublabel={t("タスク・Pod", "tasks / pods")} />
      <Arrow points={[[170, 80], [280, 80]]} label={t("① トークン取得", "① get token")} />
      <Arrow points={[[170, 185], [280, 185]]} label={t("② docker login", "② docker login")} />
      <Arrow points={[[170, 235], [280, 235]]} label={t("③ tag + push", "③ tag + push")} />
      <Arrow points={[[510, 207], [580, 207]]} label={t("④ pull", "④ pull")} />
    </DiagramFrame>
  );
}

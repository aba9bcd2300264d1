// ECR Public: a publisher pushes with an authentication token; anyone can pull, anonymously or
// authenticated; the repository is listed in the Amazon ECR Public Gallery.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function EcrPublicFlow({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={760}
      height={300}
      title={{ ja: "ECR Public: 公開者 → ECR Public → 誰でもプル", en: "ECR Public: publisher → ECR Public → anyone can pull" }}
      description={{
        ja: "公開者は aws ecr-public get-login-password --region us-east-1 で認証トークンを取得して docker login し、public.ecr.aws/my-alias/my-tool のパブリックリポジトリにイメージをプッシュする。リポジトリはカタログデータとともに Amazon ECR Public Gallery (gallery.ecr.aws) に掲載される。利用者はトークンなしで匿名プルでき、AWS の認証トークンを使った認証済みプルもできる。匿名プルには月 500 GB のデータ量上限がある。",
        en: "The publisher gets an authentication token with aws ecr-public get-login-password --region us-east-1, runs docker login, and pushes the image to the public repository public.ecr.aws/my-alias/my-tool. The repository and its catalog data are listed in the Amazon ECR Public Gallery at gallery.ecr.aws. Consumers can pull anonymously without a token, or pull authenticated with an AWS authentication token. Anonymous pulls are capped at 500 GB of data per month.",
      }}
    >
      <Box x={20} y={95} width={170} height={90} label={t("公開者", "Publisher")} sublabel={"aws ecr-public\nget-login-password\n+ docker login"} />

      <Group x={250} y={20} width={250} height={260} title="Amazon ECR Public" />
      <Box
        x={270}
        y={55}
        width={210}
        height={85}
        label={t("パブリックリポジトリ", "Public repository")}
        sublabel={"public.ecr.aws/\nmy-alias/my-tool"}
        tone="accent"
      />
      <Box x={270} y={190} width={210} height={70} label="Public Gallery" sublabel="gallery.ecr.aws" tone="muted" />

      <Box x={570} y={45} width={170} height={85} label={t("匿名ユーザー", "Anonymous users")} sublabel={t("docker pull\n(トークン不要)", "docker pull\n(no token)")} />
      <Box x={570} y={165} width={170} height={85} label={t("認証済みユーザー", "Authenticated users")} sublabel={t("トークン付き pull", "pull with a token")} />

      <Arrow points={[[190, 125], [270, 100]]} label={t("① push", "① push")} labelOffset={[-4, -10]} />
      <Arrow points={[[375, 140], [375, 190]]} label={t("カタログ掲載", "listed")} labelOffset={[52, 4]} dashed />
      <Arrow points={[[480, 88], [570, 88]]} label={t("② 匿名 pull", "② anonymous")} />
      <Arrow points={[[480, 115], [570, 200]]} label={t("② 認証 pull", "② with token")} labelOffset={[50, -7]} />
    </DiagramFrame>
  );
}

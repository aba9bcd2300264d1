// The seven steps of the hands-on lesson, from creating a repository to cleaning up.
import { Arrow, Box, DiagramFrame, type DiagramProps } from "./parts";

export default function HandsOnSteps({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={720}
      height={270}
      title={{ ja: "ハンズオンの 7 ステップ", en: "The seven hands-on steps" }}
      description={{
        ja: "① aws ecr create-repository でリポジトリを作成する。② aws ecr get-login-password と docker login で認証する。③ docker build と docker tag でイメージを作りリポジトリ URI のタグを付ける。④ docker push でプッシュする。⑤ aws ecr describe-images と list-images で確認する。⑥ ECS のタスク定義や EKS のマニフェストでイメージ URI を指定してデプロイする。⑦ batch-delete-image と delete-repository --force で後片付けをする。",
        en: "1. Create a repository with aws ecr create-repository. 2. Authenticate with aws ecr get-login-password and docker login. 3. Build the image with docker build and tag it with the repository URI using docker tag. 4. Push it with docker push. 5. Verify it with aws ecr describe-images and list-images. 6. Deploy it by referencing the image URI in an ECS task definition or an EKS manifest. 7. Clean up with batch-delete-image and delete-repository --force.",
      }}
    >
      <Box x={20} y={25} width={150} height={85} label={t("① 作成", "① Create")} sublabel="create-repository" />
      <Box x={195} y={25} width={150} height={85} label={t("② 認証", "② Log in")} sublabel={"get-login-password\n| docker login"} />
      <Box x={370} y={25} width={150} height={85} label={t("③ ビルド・タグ", "③ Build & tag")} sublabel={"docker build\ndocker tag"} />
      <Box x={545} y={25} width={150} height={85} label={t("④ プッシュ", "④ Push")} sublabel="docker push" tone="accent" />
      <Box x={545} y={165} width={150} height={85} label={t("⑤ 確認", "⑤ Verify")} sublabel={"describe-images\nlist-images"} />
      <Box x={370} y={165} width={150} height={85} label={t("⑥ デプロイ", "⑥ Deploy")} sublabel={t("ECS タスク定義\nEKS マニフェスト", "ECS task definition\nEKS manifest")} />
      <Box x={195} y={165} width={150} height={85} label={t("⑦ 後片付け", "⑦ Clean up")} sublabel={"batch-delete-image\ndelete-repository"} tone="muted" />
      <Arrow points={[[170, 67], [195, 67]]} />
      <Arrow points={[[345, 67], [370, 67]]} />
      <Arrow points={[[520, 67], [545, 67]]} />
      <Arrow points={[[620, 110], [620, 165]]} />
      <Arrow points={[[545, 207], [520, 207]]} />
      <Arrow points={[[370, 207], [345, 207]]} />
    </DiagramFrame>
  );
}

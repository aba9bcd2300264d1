// Security lesson: a workload in a private subnet reaches ECR without internet access, through the
// ecr.api and ecr.dkr interface endpoints and the S3 gateway endpoint (plus logs for awslogs).
import { Arrow, Box, DiagramFrame, Group, Label, type DiagramProps } from "./parts";

export default function VpcEndpointAccess({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={800}
      height={400}
      title={{
        ja: "プライベートサブネットから VPC エンドポイント経由で ECR を使う",
        en: "Reaching ECR from a private subnet through VPC endpoints",
      }}
      description={{
        ja: "インターネットゲートウェイも NAT ゲートウェイもないプライベートサブネットで、ECS タスクや EC2 インスタンスが ECR からイメージをプルします。認証トークンの取得（GetAuthorizationToken）などの ECR API 呼び出しは、インターフェイスエンドポイント com.amazonaws.<region>.ecr.api を通ります。docker push や docker pull で使う Docker / OCI レジストリ API は、インターフェイスエンドポイント com.amazonaws.<region>.ecr.dkr を通ります。どちらもプライベート DNS を有効にすると、通常の ECR のホスト名がエンドポイントのプライベート IP に解決されます。エンドポイントのセキュリティグループはサブネットからの HTTPS（443）を許可します。イメージのレイヤー本体は Amazon S3 から配信されるため、ルートテーブルに関連付けた S3 ゲートウェイエンドポイント（com.amazonaws.<region>.s3）も必要です。awslogs ログドライバーを使う Fargate タスクなどでは、CloudWatch Logs 用のインターフェイスエンドポイント（logs）も追加します。",
        en: "An ECS task or EC2 instance in a private subnet with no internet gateway and no NAT gateway pulls images from ECR. ECR API calls such as GetAuthorizationToken go through the interface endpoint com.amazonaws.<region>.ecr.api. The Docker / OCI registry API used by docker push and docker pull goes through the interface endpoint com.amazonaws.<region>.ecr.dkr. With private DNS enabled on both, the normal ECR host names resolve to the endpoints' private IP addresses. The endpoints' security group allows HTTPS (port 443) from the subnet. Because image layers are served from Amazon S3, an S3 gateway endpoint (com.amazonaws.<region>.s3) attached to the route table is also needed. Fargate tasks that use the awslogs log driver, for example, also need an interface endpoint for CloudWatch Logs (logs).",
      }}
    >
      <Group x={10} y={15} width={520} height={350} title="VPC" />
      <Group x={30} y={45} width={305} height={305} title={t("プライベートサブネット", "Private subnet")} />
      <Box x={45} y={150} width={130} height={80} label={t("ECS タスク\n/ EC2", "ECS task\n/ EC2")} sublabel="docker pull" />
      <Box
        x={195}
        y={70}
        width={125}
        height={70}
        label="ecr.api"
        sublabel={t("インターフェイス\nエンドポイント", "interface\nendpoint")}
        tone="accent"
      />
      <Box
        x={195}
        y={165}
        width={125}
        height={70}
        label="ecr.dkr"
        sublabel={t("インターフェイス\nエンドポイント", "interface\nendpoint")}
        tone="accent"
      />
      <Box
        x={195}
        y={255}
        width={125}
        height={60}
        label="logs"
        sublabel={t("awslogs 使用時", "if using awslogs")}
        tone="muted"
      />
      <Box
        x={360}
        y={215}
        width={155}
        height={80}
        label={t("S3 ゲートウェイ\nエンドポイント", "S3 gateway\nendpoint")}
        sublabel={t("ルートテーブル経由", "via route table")}
        tone="accent"
      />

      <Group x={560} y={15} width={230} height={350} title={t("AWS のサービス", "AWS services")} />
      <Box x={580} y={70} width={190} height={70} label="ECR API" sublabel="GetAuthorizationToken …" />
      <Box
        x={580}
        y={165}
        width={190}
        height={70}
        label={t("ECR レジストリ", "ECR registry")}
        sublabel={t("Docker / OCI（push・pull）", "Docker / OCI (push, pull)")}
      />
      <Box x={580} y={260} width={190} height={70} label="Amazon S3" sublabel={t("レイヤーの実体", "image layers")} />

      <Arrow points={[[175, 170], [195, 110]]} />
      <Arrow points={[[175, 195], [195, 200]]} />
      <Arrow points={[[175, 220], [195, 285]]} dashed />
      <Arrow points={[[110, 230], [110, 338], [437, 338], [437, 295]]} label={t("レイヤー取得", "layers")} labelSegment={1} />
      <Arrow points={[[320, 105], [580, 105]]} label="PrivateLink" />
      <Arrow points={[[320, 200], [580, 200]]} label="PrivateLink" />
      <Arrow points={[[515, 265], [580, 295]]} />
      <Label x={400} y={390} small>
        {t(
          "プライベート DNS を有効化: 通常の ECR ホスト名がエンドポイントの IP に解決",
          "Private DNS enabled: the usual ECR host names resolve to the endpoints' IPs",
        )}
      </Label>
    </DiagramFrame>
  );
}

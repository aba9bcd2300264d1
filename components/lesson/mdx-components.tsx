// The components a lesson's MDX may use, bound to the reader's language.
import type { MDXComponents } from "mdx/types";
import type { ReactNode } from "react";
import { diagrams } from "@/components/diagrams";
import { KnowledgeCheckPropsSchema } from "@/lib/content/lesson-schema";
import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { Callout } from "./callout";
import { CodeBlock } from "./code-block";
import { anchoredHeading } from "./heading";
import { KnowledgeCheck } from "./knowledge-check";

export class LessonComponentError extends Error {
  override readonly name = "LessonComponentError";
}

export function lessonComponents(locale: Locale): MDXComponents {
  const t = translator(locale);
  return {
    h2: anchoredHeading("h2", t("component.anchor")),
    h3: anchoredHeading("h3", t("component.anchor")),
    pre: (props) => <CodeBlock {...props} labels={{ copy: t("component.copy"), copied: t("component.copied"), failed: t("component.copyFailed") }} />,
    table: (props) => (
      <div className="table-scroll" tabIndex={0}>
        <table {...props} />
      </div>
    ),
    ExamTip: ({ children }: { children?: ReactNode }) => <Callout kind="tip" title={t("component.examTip")}>{children}</Callout>,
    Note: ({ children }: { children?: ReactNode }) => <Callout kind="note" title={t("component.note")}>{children}</Callout>,
    KnowledgeCheck: (props: unknown) => {
      const parsed = KnowledgeCheckPropsSchema.safeParse(props);
      if (!parsed.success) throw new LessonComponentError(`Invalid <KnowledgeCheck> props: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return (
        <KnowledgeCheck
          {...parsed.data}
          labels={{ title: t("component.knowledgeCheck"), check: t("component.check"), correct: t("component.correct"), incorrect: t("component.incorrect"), tryAgain: t("component.tryAgain") }}
        />
      );
    },
    Diagram: ({ name }: { name?: unknown }) => {
      const Component = typeof name === "string" ? diagrams[name] : undefined;
      if (!Component) throw new LessonComponentError(`Unknown diagram "${String(name)}": add it to components/diagrams/index.ts`);
      return <Component locale={locale} />;
    },
  };
}

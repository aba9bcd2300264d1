import type { LessonHeading } from "@/lib/content/parse-lesson";

export function TableOfContents({ headings, title }: { headings: LessonHeading[]; title: string }) {
  return (
    <nav className="toc" aria-label={title}>
      <details open>
        <summary>{title}</summary>
        <ol>
          {headings.map((h) => (
            <li key={h.id} className={`toc-depth-${h.depth}`}>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}

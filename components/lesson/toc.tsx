import type { LessonHeading } from "@/lib/content/parse-lesson";

function Entries({ headings }: { headings: LessonHeading[] }) {
  return (
    <ol>
      {headings.map((h) => (
        <li key={h.id} className={`toc-depth-${h.depth}`}>
          <a href={`#${h.id}`}>{h.text}</a>
        </li>
      ))}
    </ol>
  );
}

/**
 * Contents of the lesson: always open in the desktop sidebar, a collapsed disclosure on phones
 * (where an open list would push the lesson below the fold). Only one is displayed at a time.
 */
export function TableOfContents({ headings, title }: { headings: LessonHeading[]; title: string }) {
  return (
    <>
      <nav className="toc toc-sidebar" aria-label={title}>
        <p className="toc-title">{title}</p>
        <Entries headings={headings} />
      </nav>
      <nav className="toc toc-collapsible" aria-label={title}>
        <details>
          <summary>{title}</summary>
          <Entries headings={headings} />
        </details>
      </nav>
    </>
  );
}

// Building blocks for lesson diagrams: inline SVG that follows the light/dark theme through CSS
// classes (see app/globals.css, ".diagram") and always carries a text alternative.
import type { ReactNode } from "react";

export type Locale = "ja" | "en";
export type Bilingual = { ja: string; en: string };
export type DiagramProps = { locale: Locale };
export type Point = readonly [number, number];

export function pick(text: Bilingual, locale: Locale): string {
  return text[locale];
}

type FrameProps = {
  locale: Locale;
  /** Short caption shown under the diagram and used as the SVG <title>. */
  title: Bilingual;
  /** Full text alternative: the whole flow in words, for screen readers. */
  description: Bilingual;
  width: number;
  height: number;
  children: ReactNode;
};

/** The outer <figure>: scales to the column width, with caption, <title> and <desc>. */
export function DiagramFrame({ locale, title, description, width, height, children }: FrameProps) {
  return (
    <figure className="diagram">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${pick(title, locale)}. ${pick(description, locale)}`}>
        <title>{pick(title, locale)}</title>
        <desc>{pick(description, locale)}</desc>
        {children}
      </svg>
      <figcaption>{pick(title, locale)}</figcaption>
    </figure>
  );
}

type BoxProps = {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Main text; "\n" starts a new line. */
  label: string;
  /** Smaller second line(s) under the label; "\n" starts a new line. */
  sublabel?: string;
  tone?: "default" | "accent" | "muted" | "warning";
};

/** A rounded box with a centred label, for actors, services and resources. */
export function Box({ x, y, width, height, label, sublabel, tone = "default" }: BoxProps) {
  const lines = label.split("\n");
  const subLines = sublabel ? sublabel.split("\n") : [];
  const lineHeight = 17;
  const subLineHeight = 14;
  const total = lines.length * lineHeight + subLines.length * subLineHeight;
  const firstBaseline = y + height / 2 - total / 2 + 13;
  return (
    <g className={`diagram-box diagram-${tone}`}>
      <rect x={x} y={y} width={width} height={height} rx={8} />
      <text x={x + width / 2} textAnchor="middle" className="diagram-label">
        {lines.map((line, i) => (
          <tspan key={i} x={x + width / 2} y={firstBaseline + i * lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
      {subLines.length > 0 && (
        <text x={x + width / 2} textAnchor="middle" className="diagram-sublabel">
          {subLines.map((line, i) => (
            <tspan key={i} x={x + width / 2} y={firstBaseline + lines.length * lineHeight + i * subLineHeight}>
              {line}
            </tspan>
          ))}
        </text>
      )}
    </g>
  );
}

type ArrowProps = {
  /** Two or more points; the head is drawn at the last one. */
  points: readonly Point[];
  /** Text placed near the middle of the first segment (or of `labelSegment`). */
  label?: string;
  labelSegment?: number;
  /** Shift of the label from the segment's midpoint. */
  labelOffset?: Point;
  dashed?: boolean;
  /** Also draw a head at the first point. */
  both?: boolean;
};

function head(tip: Point, from: Point): string {
  const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const size = 9;
  const spread = Math.PI / 7;
  const a: Point = [tip[0] - size * Math.cos(angle - spread), tip[1] - size * Math.sin(angle - spread)];
  const b: Point = [tip[0] - size * Math.cos(angle + spread), tip[1] - size * Math.sin(angle + spread)];
  return `${tip[0]},${tip[1]} ${a[0]},${a[1]} ${b[0]},${b[1]}`;
}

/** A connector along straight segments, with an arrowhead drawn as a polygon (no <marker> ids). */
export function Arrow({ points, label, labelSegment = 0, labelOffset = [0, -8], dashed, both }: ArrowProps) {
  const origin: Point = [0, 0];
  const first = points[0] ?? origin;
  const second = points[1] ?? first;
  const last = points[points.length - 1] ?? origin;
  const beforeLast = points[points.length - 2] ?? first;
  const segStart = points[labelSegment] ?? first;
  const segEnd = points[labelSegment + 1] ?? last;
  const mid: Point = [(segStart[0] + segEnd[0]) / 2 + labelOffset[0], (segStart[1] + segEnd[1]) / 2 + labelOffset[1]];
  return (
    <g className="diagram-arrow">
      <polyline points={points.map((p) => p.join(",")).join(" ")} fill="none" strokeDasharray={dashed ? "6 5" : undefined} />
      <polygon points={head(last, beforeLast)} />
      {both && <polygon points={head(first, second)} />}
      {label && (
        <text x={mid[0]} y={mid[1]} textAnchor="middle" className="diagram-arrow-label">
          {label}
        </text>
      )}
    </g>
  );
}

type LabelProps = { x: number; y: number; children: string; anchor?: "start" | "middle" | "end"; small?: boolean };

/** Free text, e.g. a step number or a group title. */
export function Label({ x, y, children, anchor = "middle", small }: LabelProps) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={small ? "diagram-sublabel" : "diagram-label"}>
      {children}
    </text>
  );
}

type GroupProps = { x: number; y: number; width: number; height: number; title: string };

/** A dashed boundary such as "AWS account" or "VPC", with its title in the top-left corner. */
export function Group({ x, y, width, height, title }: GroupProps) {
  return (
    <g className="diagram-group">
      <rect x={x} y={y} width={width} height={height} rx={12} />
      <text x={x + 12} y={y + 20} className="diagram-group-title">
        {title}
      </text>
    </g>
  );
}

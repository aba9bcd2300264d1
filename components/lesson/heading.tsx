import type { ComponentProps } from "react";

/** Section headings get a visible "#" link so a learner can share a precise place. */
export function anchoredHeading(Tag: "h2" | "h3", anchorLabel: string) {
  return function AnchoredHeading({ id, children, ...rest }: ComponentProps<"h2">) {
    return (
      <Tag id={id} {...rest}>
        {children}
        {id && (
          <a className="heading-anchor" href={`#${id}`} aria-label={anchorLabel}>
            #
          </a>
        )}
      </Tag>
    );
  };
}

import type { ComponentProps, ReactNode } from "react";

import { staticMarkup } from "~/lib/static-markup";

type StaticTag = "div" | "dl" | "ul" | "p" | "span";

/**
 * An element whose content no script changes, its children written as HTML on the server
 * (`staticMarkup`): the browser shows the same elements, and React hydrates this one element
 * instead of every element and text inside it.
 */
export function StaticChildren<T extends StaticTag>({
  as,
  children,
  ...props
}: { as: T; children: ReactNode } & Omit<
  ComponentProps<T>,
  "children" | "dangerouslySetInnerHTML"
>) {
  const Tag: StaticTag = as;
  return (
    <Tag {...(props as object)} dangerouslySetInnerHTML={{ __html: staticMarkup(children) }} />
  );
}

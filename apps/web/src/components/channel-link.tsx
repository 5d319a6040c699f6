import type { channelDisplay } from "@caseward/core/schemas";
import { cn } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";

/**
 * A channel's value as `channelDisplay` wrote it: a `tel:`, `mailto:` or web link, or plain
 * text (a suspicious channel, or inside another control). Server and client components both
 * show it.
 */
export function ChannelLink({
  shown,
  className,
  plain = false,
}: {
  shown: ReturnType<typeof channelDisplay>;
  className?: string;
  plain?: boolean;
}) {
  const t = useTranslations("ChannelValue");
  const style = cn("font-mono wrap-anywhere", className);
  if (!shown.href || plain) return <span className={style}>{shown.text}</span>;
  return (
    <a
      href={shown.href}
      className={cn(style, "text-primary underline underline-offset-2 hover:no-underline")}
      {...(shown.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {shown.text}
      {shown.newTab && <span className="sr-only"> {t("newTab")}</span>}
    </a>
  );
}

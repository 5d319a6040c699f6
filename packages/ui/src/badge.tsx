import { cva } from "class-variance-authority";
import type { VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

// `badge`: its shape, in ./styles.css.
export const badgeVariants = cva("badge", {
  variants: {
    variant: {
      neutral: "bg-muted text-muted-foreground ring-border",
      info: "bg-info/10 text-info ring-info/25",
      success: "bg-success/10 text-success ring-success/25",
      warning: "bg-warning/10 text-warning ring-warning/30",
      danger: "bg-danger/10 text-danger ring-danger/25",
      outline: "bg-transparent text-foreground ring-border",
    },
  },
  defaultVariants: { variant: "neutral" },
});

export interface BadgeProps extends ComponentProps<"span">, VariantProps<typeof badgeVariants> {}

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}

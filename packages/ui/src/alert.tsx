import { CircleCheck, Info, OctagonExclamationPoint, TriangleExclamationPoint } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const variants = {
  info: { icon: Info, tone: "border-info/25 bg-info/5 [&>svg]:text-info" },
  success: { icon: CircleCheck, tone: "border-success/25 bg-success/5 [&>svg]:text-success" },
  warning: {
    icon: TriangleExclamationPoint,
    tone: "border-warning/30 bg-warning/5 [&>svg]:text-warning",
  },
  danger: {
    icon: OctagonExclamationPoint,
    tone: "border-danger/30 bg-danger/5 [&>svg]:text-danger",
  },
} as const;

export interface AlertProps extends Omit<ComponentProps<"div">, "title"> {
  variant?: keyof typeof variants;
  title?: ReactNode;
}

export function Alert({ variant = "info", title, className, children, ...props }: AlertProps) {
  const { icon: Icon, tone } = variants[variant];
  // Only problems interrupt a screen reader; good news waits politely.
  const role = variant === "danger" || variant === "warning" ? "alert" : "status";
  return (
    <div
      role={role}
      className={cn(
        "grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border p-4 text-sm text-foreground",
        tone,
        className,
      )}
      {...props}
    >
      <Icon aria-hidden className="mt-0.5 size-4" />
      <div className="grid gap-1">
        {title && <p className="leading-snug font-medium">{title}</p>}
        {children && <div className="text-muted-foreground [&_a]:underline">{children}</div>}
      </div>
    </div>
  );
}

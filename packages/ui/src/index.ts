export { cn } from "./cn";
export { Button, buttonVariants } from "./button";
export type { ButtonProps } from "./button";
export { Input } from "./input";
export { Textarea } from "./textarea";
export { NativeSelect } from "./native-select";
export type { NativeSelectProps } from "./native-select";
export { Checkbox } from "./checkbox";
export type { CheckboxProps } from "./checkbox";
export { Label } from "./label";
export { Field, FieldError, fieldAria } from "./field";
export type { FieldProps, FieldAriaProps } from "./field";
export { Card, CardHeader, CardTitle, CardDescription, CardContent, CardFooter } from "./card";
export type { CardTitleProps } from "./card";
export { Badge, badgeVariants } from "./badge";
export type { BadgeProps } from "./badge";
export { Alert } from "./alert";
export type { AlertProps } from "./alert";
export { EmptyState } from "./empty-state";
export type { EmptyStateProps } from "./empty-state";
export { Spinner } from "./spinner";
export type { SpinnerProps } from "./spinner";
export { Skeleton } from "./skeleton";
export { Kbd } from "./kbd";
export { Dialog, DialogTrigger, DialogContent, DialogFooter, DialogClose } from "./dialog";
export type { DialogContentProps } from "./dialog";
export {
  DropdownMenu,
  DropdownMenuTrigger,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from "./dropdown-menu";
export type { DropdownMenuItemProps } from "./dropdown-menu";
export { PageHeader } from "./page-header";
export type { PageHeaderProps } from "./page-header";
export { AppShell } from "./app-shell";
export type { AppShellProps, AppShellNavItem, AppShellLinkProps } from "./app-shell";
export { ThemeToggle } from "./theme-toggle";
export type { ThemeToggleProps, Theme } from "./theme-toggle";
export { SortableList } from "./sortable-list";
export type { SortableListProps } from "./sortable-list";
export { UndoProvider, useUndo, undoSeconds } from "./undo-toast";
export type { UndoableDelete } from "./undo-toast";
export { BarChart } from "./bar-chart";
export type { BarChartProps, BarSeries } from "./bar-chart";
export { DetailsOnOpen } from "./details-on-open";
export type { DetailsOnOpenProps } from "./details-on-open";
export { UiTextProvider, useUiText, englishUiText } from "./ui-text";
export type { UiText } from "./ui-text";

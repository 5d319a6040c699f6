"use client";

import { GripVertical } from "lucide-react";
import type { ReactNode } from "react";
import { useEffect, useId, useRef, useState } from "react";

import { cn } from "./cn";
import { useUiText } from "./ui-text";
import { focusRing } from "./focus-ring";

export interface SortableListProps<T> {
  items: readonly T[];
  getId: (item: T) => string;
  /** Read out when the item moves, and names its handle ("Move …"). */
  getLabel: (item: T) => string;
  onReorder: (orderedIds: string[]) => void;
  renderItem: (item: T, index: number, handle: ReactNode) => ReactNode;
  "aria-label": string;
  className?: string;
  itemClassName?: string;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * A list the user reorders by dragging a handle, or from the keyboard: focus a handle and press
 * ↑ or ↓. Each move is announced, and focus stays on the moved item's handle.
 */
export function SortableList<T>({
  items,
  getId,
  getLabel,
  onReorder,
  renderItem,
  className,
  itemClassName,
  ...props
}: SortableListProps<T>) {
  const [order, setOrder] = useState(items);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  const hintId = useId();
  const text = useUiText();

  // The server's answer wins over the optimistic order.
  useEffect(() => setOrder(items), [items]);
  useEffect(() => {
    if (refocus.current) handles.current.get(refocus.current)?.focus();
    refocus.current = null;
  });

  function commit(next: readonly T[], movedId: string) {
    setOrder(next);
    const index = next.findIndex((item) => getId(item) === movedId);
    setAnnouncement(text.moved(getLabel(next[index]!), index + 1, next.length));
    refocus.current = movedId;
    onReorder(next.map(getId));
  }

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const to = event.key === "ArrowUp" ? index - 1 : event.key === "ArrowDown" ? index + 1 : null;
    if (to === null) return;
    event.preventDefault();
    if (to < 0 || to >= order.length) return;
    commit(move(order, index, to), getId(order[index]!));
  }

  return (
    <>
      <p id={hintId} className="sr-only">
        {text.moveHint}
      </p>
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      <ol aria-label={props["aria-label"]} className={className}>
        {order.map((item, index) => {
          const id = getId(item);
          const handle = (
            <button
              type="button"
              ref={(node) => {
                if (node) handles.current.set(id, node);
                else handles.current.delete(id);
              }}
              aria-label={text.move(getLabel(item))}
              aria-describedby={hintId}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={cn(
                "flex size-7 shrink-0 cursor-grab items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground active:cursor-grabbing",
                focusRing,
              )}
            >
              <GripVertical aria-hidden className="size-4" />
            </button>
          );
          return (
            <li
              key={id}
              draggable
              onDragStart={(event) => {
                setDragging(id);
                event.dataTransfer.effectAllowed = "move";
                event.dataTransfer.setData("text/plain", id);
              }}
              onDragOver={(event) => {
                if (!dragging || dragging === id) return;
                event.preventDefault();
                const from = order.findIndex((it) => getId(it) === dragging);
                setOrder(move(order, from, index));
              }}
              onDragEnd={() => {
                if (dragging) commit(order, dragging);
                setDragging(null);
              }}
              className={cn(itemClassName, dragging === id && "opacity-50")}
            >
              {renderItem(item, index, handle)}
            </li>
          );
        })}
      </ol>
    </>
  );
}

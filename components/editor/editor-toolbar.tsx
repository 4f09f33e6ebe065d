"use client";
import { useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import type { FormatCommand } from "./markdown-format";

export type ToolbarCommand = FormatCommand | "attach";

interface Tool {
  command: ToolbarCommand;
  label: string;
  /** The key that, with Ctrl (⌘ on a Mac), does the same in the text. */
  shortcut?: string;
  icon: ReactNode;
}

const STROKE = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.5,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const TOOLS: Tool[] = [
  {
    command: "bold",
    label: "Bold",
    shortcut: "B",
    icon: <span className="font-bold">B</span>,
  },
  {
    command: "italic",
    label: "Italic",
    shortcut: "I",
    icon: <span className="font-serif italic">I</span>,
  },
  {
    command: "link",
    label: "Link",
    shortcut: "K",
    icon: (
      <Icon>
        <path
          {...STROKE}
          d="M6.5 9.5l3-3M7.5 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M8.5 11.5l-1 1A2.5 2.5 0 014 9l1-1"
        />
      </Icon>
    ),
  },
  {
    command: "bulletList",
    label: "Bulleted list",
    icon: (
      <Icon>
        <path {...STROKE} d="M6 4h8M6 8h8M6 12h8" />
        <circle cx="2.5" cy="4" r="1" fill="currentColor" />
        <circle cx="2.5" cy="8" r="1" fill="currentColor" />
        <circle cx="2.5" cy="12" r="1" fill="currentColor" />
      </Icon>
    ),
  },
  {
    command: "numberedList",
    label: "Numbered list",
    icon: (
      <Icon>
        <path {...STROKE} d="M6 4h8M6 8h8M6 12h8M2 2.5l1-.5v3.5M1.5 9.5h1.8c.5 0 .5-1-.3-1.4" />
        <path {...STROKE} d="M1.7 12h1.8L1.7 14h1.8" />
      </Icon>
    ),
  },
  {
    command: "code",
    label: "Code",
    icon: (
      <Icon>
        <path {...STROKE} d="M5 4L1.5 8 5 12M11 4l3.5 4-3.5 4" />
      </Icon>
    ),
  },
  {
    command: "quote",
    label: "Quote",
    icon: (
      <Icon>
        <path {...STROKE} d="M2.5 3v10M6 5h8M6 8h8M6 11h5" />
      </Icon>
    ),
  },
  {
    command: "attach",
    label: "Attach an image or file",
    icon: (
      <Icon>
        <rect {...STROKE} x="1.5" y="2.5" width="13" height="11" rx="1.5" />
        <circle cx="5.5" cy="6" r="1.3" fill="currentColor" />
        <path {...STROKE} d="M2 12l4-3.5 2.5 2 2.5-2 3 2.5" />
      </Icon>
    ),
  },
];

const noSubscription = () => () => {};

/** Whether shortcuts are written with ⌘ (read after hydration, so server and client agree). */
function useIsMac() {
  return useSyncExternalStore(
    noSubscription,
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
}

/**
 * The editor's formatting buttons, as a WAI-ARIA toolbar: one Tab stop, the arrow keys
 * (and Home, End) move between the buttons.
 */
export function EditorToolbar({
  label,
  controls,
  attachments,
  onCommand,
}: {
  label: string;
  /** The textarea's id. */
  controls: string;
  attachments: boolean;
  onCommand: (command: ToolbarCommand) => void;
}) {
  const tools = attachments ? TOOLS : TOOLS.filter((tool) => tool.command !== "attach");
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const isMac = useIsMac();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = tools.length - 1;
    const next = {
      ArrowRight: active === last ? 0 : active + 1,
      ArrowLeft: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={`Formatting for ${label}`}
      aria-controls={controls}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-0.5"
    >
      {tools.map((tool, index) => [
        tool.command === "attach" ? (
          <span key="separator" aria-hidden="true" className="mx-1 h-5 w-px bg-stone-300" />
        ) : null,
        <button
          key={tool.command}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          tabIndex={index === active ? 0 : -1}
          aria-label={tool.label}
          title={
            tool.shortcut ? `${tool.label} (${isMac ? "⌘" : "Ctrl+"}${tool.shortcut})` : tool.label
          }
          onFocus={() => setActive(index)}
          onClick={() => onCommand(tool.command)}
          className="inline-flex size-8 items-center justify-center rounded-md text-stone-700 hover:bg-stone-100 hover:text-stone-900"
        >
          {tool.icon}
        </button>,
      ])}
    </div>
  );
}

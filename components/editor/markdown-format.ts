// The editor toolbar's commands as pure text edits: what to put in place of which range of
// the text, and what to select afterwards, so that the caller can apply it in one step (and
// the browser's undo can take it back in one step).

export type FormatCommand =
  "bold" | "italic" | "link" | "bulletList" | "numberedList" | "code" | "quote";

export interface TextEdit {
  /** The range of the current text to replace. */
  start: number;
  end: number;
  insert: string;
  /** The selection afterwards, as offsets in the new text. */
  selectionStart: number;
  selectionEnd: number;
}

/** The edit that applies `command` to the selection [start, end) of `value`. */
export function formatEdit(
  command: FormatCommand,
  value: string,
  start: number,
  end: number,
): TextEdit {
  switch (command) {
    case "bold":
      return toggleWrap(value, start, end, "**", "bold text");
    case "italic":
      return toggleWrap(value, start, end, "_", "italic text");
    case "code":
      return value.slice(start, end).includes("\n")
        ? codeBlock(value, start, end)
        : toggleWrap(value, start, end, "`", "code");
    case "link":
      return link(value, start, end);
    case "bulletList":
      return prefixLines(value, start, end, LINE_STYLES.bullet);
    case "numberedList":
      return prefixLines(value, start, end, LINE_STYLES.numbered);
    case "quote":
      return prefixLines(value, start, end, LINE_STYLES.quote);
  }
}

/** A selection without the spaces a double-click picks up at its ends. */
function trimmed(value: string, start: number, end: number) {
  while (start < end && /\s/.test(value[start]!)) start++;
  while (end > start && /\s/.test(value[end - 1]!)) end--;
  return { start, end };
}

function replace(start: number, end: number, insert: string, select: [number, number]): TextEdit {
  return { start, end, insert, selectionStart: select[0], selectionEnd: select[1] };
}

/** Wraps the selection in `marker`, or removes the marker when it is already wrapped. */
function toggleWrap(
  value: string,
  selStart: number,
  selEnd: number,
  marker: string,
  placeholder: string,
): TextEdit {
  const { start, end } = trimmed(value, selStart, selEnd);
  const selected = value.slice(start, end);
  const m = marker.length;
  if (!selected) {
    const at = selStart;
    return replace(at, selEnd, `${marker}${placeholder}${marker}`, [
      at + m,
      at + m + placeholder.length,
    ]);
  }
  if (value.slice(start - m, start) === marker && value.slice(end, end + m) === marker) {
    return replace(start - m, end + m, selected, [start - m, start - m + selected.length]);
  }
  if (selected.length > 2 * m && selected.startsWith(marker) && selected.endsWith(marker)) {
    const inner = selected.slice(m, -m);
    return replace(start, end, inner, [start, start + inner.length]);
  }
  return replace(start, end, `${marker}${selected}${marker}`, [start + m, end + m]);
}

/** Several lines of code: a fenced block on lines of its own. */
function codeBlock(value: string, start: number, end: number): TextEdit {
  const selected = value.slice(start, end).replace(/\n$/, "");
  const before = start > 0 && value[start - 1] !== "\n" ? "\n" : "";
  const after = end < value.length && value[end] !== "\n" ? "\n" : "";
  const fence = selected.includes("```") ? "~~~" : "```";
  const insert = `${before}${fence}\n${selected}\n${fence}${after}`;
  const codeStart = start + before.length + fence.length + 1;
  return replace(start, end, insert, [codeStart, codeStart + selected.length]);
}

const LOOKS_LIKE_ADDRESS = /^(https?:\/\/|\/)\S*$/;

/**
 * `[text](address)`. Selected words become the text, with "https://" selected to type or
 * paste over; a selected address becomes the address, with the text selected; nothing
 * selected gives both placeholders, the text selected.
 */
function link(value: string, selStart: number, selEnd: number): TextEdit {
  const { start, end } = trimmed(value, selStart, selEnd);
  const selected = value.slice(start, end);
  if (selected && !selected.includes("\n") && !LOOKS_LIKE_ADDRESS.test(selected)) {
    const insert = `[${selected}](https://)`;
    const addressStart = start + selected.length + 3;
    return replace(start, end, insert, [addressStart, addressStart + "https://".length]);
  }
  const at = selected ? start : selStart;
  const to = selected ? end : selEnd;
  const address = selected && LOOKS_LIKE_ADDRESS.test(selected) ? selected : "https://";
  return replace(at, to, `[link text](${address})`, [at + 1, at + 1 + "link text".length]);
}

interface LineStyle {
  /** The prefix of the line at `index` within the selected lines. */
  prefix: (index: number) => string;
  /** Matches a line that already has this style, with its prefix. */
  has: RegExp;
  /** Prefixes that are replaced rather than doubled (the other kind of list). */
  replaces?: RegExp;
  placeholder: string;
  /** Whether empty lines inside the selection get the prefix too. */
  prefixEmpty: boolean;
}

const LIST_MARKER = /^(\s*)([-*+]|\d+[.)]) /;

const LINE_STYLES = {
  bullet: {
    prefix: () => "- ",
    has: /^(\s*)[-*+] /,
    replaces: LIST_MARKER,
    placeholder: "List item",
    prefixEmpty: false,
  },
  numbered: {
    prefix: (index) => `${index + 1}. `,
    has: /^(\s*)\d+[.)] /,
    replaces: LIST_MARKER,
    placeholder: "List item",
    prefixEmpty: false,
  },
  quote: {
    prefix: () => "> ",
    has: /^(\s*)> ?/,
    placeholder: "Quote",
    prefixEmpty: true,
  },
} satisfies Record<string, LineStyle>;

/** The whole lines the selection touches (a selection ending at a line break stops there). */
function selectedLines(value: string, start: number, end: number) {
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const last = end > start && value[end - 1] === "\n" ? end - 1 : end;
  const nextBreak = value.indexOf("\n", last);
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  return { lineStart, lineEnd, lines: value.slice(lineStart, lineEnd).split("\n") };
}

/** Prefixes each selected line (a list, a quote), or removes the prefix when all have it. */
function prefixLines(value: string, start: number, end: number, style: LineStyle): TextEdit {
  const { lineStart, lineEnd, lines } = selectedLines(value, start, end);
  const filled = lines.filter((line) => line.trim() !== "");
  if (filled.length === 0) {
    const prefix = style.prefix(0);
    const at = lineStart + prefix.length;
    return replace(lineStart, lineEnd, `${prefix}${style.placeholder}`, [
      at,
      at + style.placeholder.length,
    ]);
  }
  const removing = filled.every((line) => style.has.test(line));
  let index = 0;
  const changed = lines.map((line) => {
    if (removing) return line.replace(style.has, "$1");
    if (line.trim() === "") return style.prefixEmpty ? style.prefix(index).trimEnd() : line;
    const bare = style.replaces ? line.replace(style.replaces, "$1") : line;
    const indent = /^\s*/.exec(bare)![0];
    return `${indent}${style.prefix(index++)}${bare.slice(indent.length)}`;
  });
  const block = changed.join("\n");
  if (start === end && lines.length === 1) {
    // A caret stays where it was in the line's text.
    const caret = Math.max(lineStart, start + block.length - (lineEnd - lineStart));
    return replace(lineStart, lineEnd, block, [caret, caret]);
  }
  return replace(lineStart, lineEnd, block, [lineStart, lineStart + block.length]);
}

/**
 * The canonical text of a composite expression, in the reference's own style:
 * `derive(s("disk.ops", {"host": "*"}), {detect_reset: "true"})` — ", " between arguments,
 * members and entries, ": " after a key, tag names quoted, option names bare, strings escaped
 * (`\"`, `\\`), numbers as written. Positions are ignored.
 *
 * The rule: `printCompose(parseCompose(printCompose(e)))` equals `printCompose(e)` for any tree the
 * parser can give. Two trees print alike only where the text cannot tell them apart: a string
 * `"%"` standing as an argument reads back as the dynamic tag, and an empty map reads back as the
 * kind its place gives it (composeParser.ts). Trees come from the parser, at most
 * MAX_COMPOSE_DEPTH deep, so printing recurses.
 */
import { DYNAMIC_TAG, type Argument, type OptionEntry, type TagEntry, type TagValue } from './composeAst.js';

export function printCompose(node: Argument): string {
  switch (node.kind) {
    case 'call':
      return `${node.name}(${node.args.map(printCompose).join(', ')})`;
    case 'set':
      return `[${node.members.map(printCompose).join(', ')}]`;
    case 'string':
      return printString(node.value);
    case 'number':
      return node.text;
    case 'dynamic':
      return printString(DYNAMIC_TAG);
    case 'tags':
      return `{${node.entries.map(printTagEntry).join(', ')}}`;
    case 'options':
      return `{${node.entries.map(printOptionEntry).join(', ')}}`;
  }
}

export function printString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

function printTagEntry(entry: TagEntry): string {
  return `${printString(entry.name)}: ${printTagValue(entry.value)}`;
}

function printTagValue(value: TagValue): string {
  if (value.kind === 'list') return `[${value.values.map((item) => printString(item.value)).join(', ')}]`;
  return printCompose(value);
}

function printOptionEntry(entry: OptionEntry): string {
  return `${entry.name}: ${printCompose(entry.value)}`;
}

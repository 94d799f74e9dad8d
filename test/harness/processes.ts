/** Process-tree helpers for lifecycle tests, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  command: string;
}

function processTable(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command is in parentheses and may contain spaces; fields after it are fixed.
      const afterCommand = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (afterCommand[0] === 'Z') continue; // a zombie is already dead
      entries.push({ pid: Number(name), ppid: Number(afterCommand[1]), command });
    } catch {
      // the process exited while we looked
    }
  }
  return entries;
}

/** Every live descendant of `pid`. */
export function descendantsOf(pid: number): ProcessEntry[] {
  const table = processTable();
  const found: ProcessEntry[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const entry of table) {
      if (entry.ppid === parent) {
        found.push(entry);
        queue.push(entry.pid);
      }
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  return processTable().some((entry) => entry.pid === pid);
}

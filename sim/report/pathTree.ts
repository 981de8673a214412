// Attack paths as a tree: paths share their first steps (the login, the first foothold, a harvest),
// so each shared prefix is printed once and the branches below it.
import type { PathStep } from '../metrics/blastRadius.js';

interface TreeNode {
  step: PathStep;
  children: TreeNode[];
}

/** Lines of the tree of `paths`, in the order the paths are given; `label` words one step. */
export function pathTree(paths: readonly (readonly PathStep[])[], label: (s: PathStep) => string): string[] {
  const roots: TreeNode[] = [];
  for (const path of paths) {
    let level = roots;
    for (const step of path) {
      let node = level.find((n) => sameStep(n.step, step));
      if (node === undefined) level.push((node = { step, children: [] }));
      level = node.children;
    }
  }
  const out: string[] = [];
  const walk = (nodes: TreeNode[], indent: string, top: boolean): void =>
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      out.push(top ? label(node.step) : `${indent}${last ? '└─ ' : '├─ '}${label(node.step)}`);
      walk(node.children, top ? '' : `${indent}${last ? '   ' : '│  '}`, false);
    });
  walk(roots, '', true);
  return out;
}

function sameStep(a: PathStep, b: PathStep): boolean {
  return a.from === b.from && a.to === b.to && a.action === b.action && a.means === b.means;
}

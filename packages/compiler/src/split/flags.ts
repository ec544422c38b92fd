// Facts about each statement and expression of a split method that decide
// how it is lowered. A node suspends when it contains a remote call, a
// creation, a remote read or a call of a split method on self. The other
// flags say whether it contains a `break` or `continue` that leaves it, a
// `return`, or a bare `raise`. They are computed once per method.

import type { Node } from '../ast.ts';
import { forEachChild } from '../analysis/walk.ts';

export const SUSPENDS = 1;
/** A `break` or `continue` that targets a loop enclosing the node. */
export const ESCAPING_JUMP = 2;
export const HAS_RETURN = 4;
export const HAS_BARE_RAISE = 8;

export class NodeFlags {
  private readonly flags = new Map<Node, number>();
  /** Targets of `:=` in the nodes computed so far. */
  readonly walrusTargets = new Set<string>();

  /** Flags gathered from the children of the node being computed; one visitor serves every node. */
  private childFlags = 0;
  private readonly addChildFlags = (child: Node): void => {
    this.childFlags |= this.compute(child);
  };

  /** `isSuspendingNode` is asked about calls and attribute reads only. */
  constructor(private readonly isSuspendingNode: (node: Node) => boolean) {}

  /** Computes the flags of `node` and everything inside it. */
  compute(node: Node): number {
    // Leaves carry no flag; skipping the cache for them keeps it small.
    if (node.kind === 'Name' || node.kind === 'Constant') return 0;
    const cached = this.flags.get(node);
    if (cached !== undefined) return cached;

    let own = 0;
    switch (node.kind) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
      case 'Lambda':
        // Their bodies run later, in their own frame; remote calls inside
        // them were rejected by analysis. Defaults and decorators run here.
        own = this.scopeHeaderFlags(node);
        this.flags.set(node, own);
        return own;
      case 'Break':
      case 'Continue':
        own = ESCAPING_JUMP;
        break;
      case 'Return':
        own = HAS_RETURN;
        break;
      case 'Raise':
        if (node.exc === null) own = HAS_BARE_RAISE;
        break;
      case 'NamedExpr':
        this.walrusTargets.add(node.target.id);
        break;
      case 'Call':
      case 'Attribute':
        if (this.isSuspendingNode(node)) own = SUSPENDS;
        break;
      default:
        break;
    }

    let inner = 0;
    if (node.kind !== 'For' && node.kind !== 'While') {
      const saved = this.childFlags;
      this.childFlags = 0;
      forEachChild(node, this.addChildFlags);
      inner = this.childFlags;
      this.childFlags = saved;
    } else {
      const headerFlags = node.kind === 'For' ? this.compute(node.iter) | this.compute(node.target) : this.compute(node.test);
      let bodyFlags = 0;
      for (const statement of node.body) bodyFlags |= this.compute(statement);
      let elseFlags = 0;
      for (const statement of node.orelse) elseFlags |= this.compute(statement);
      inner = headerFlags | (bodyFlags & ~ESCAPING_JUMP) | elseFlags;
    }

    const result = own | inner;
    this.flags.set(node, result);
    return result;
  }

  has(node: Node, flag: number): boolean {
    return (this.compute(node) & flag) !== 0;
  }

  suspends(node: Node): boolean {
    return this.has(node, SUSPENDS);
  }

  private scopeHeaderFlags(node: Node): number {
    let result = 0;
    if (node.kind === 'FunctionDef' || node.kind === 'AsyncFunctionDef' || node.kind === 'Lambda') {
      for (const value of node.args.defaults) result |= this.compute(value) & SUSPENDS;
      for (const value of node.args.kw_defaults) if (value) result |= this.compute(value) & SUSPENDS;
    }
    if (node.kind === 'FunctionDef' || node.kind === 'AsyncFunctionDef' || node.kind === 'ClassDef') {
      for (const decorator of node.decorator_list) result |= this.compute(decorator) & SUSPENDS;
    }
    return result;
  }
}

/**
 * The validation registry: small checks registered per node kind, run over a
 * file's tree, each reporting against a node or one of its properties so no
 * check computes a source offset by hand (Langium's validation registry).
 *
 * Checks that need names resolved and types known run inside the type pass
 * (types.ts); the registry holds the checks that the shape of the tree alone
 * decides (code formats, dates, counts, duplicate metadata, …).
 */
import type * as A from "../ast.js";
import { diagnostic, type Diagnostic, type DiagnosticCode, type Suggestion } from "../diagnostics.js";
import { forEachNode } from "./walk.js";

export type NodeKind = A.Node["kind"];
export type NodeOf<K extends NodeKind> = Extract<A.Node, { kind: K }>;

/** Properties of `N` that are nodes themselves (have a span), for `report(…, { node, property })`. */
export type SpannedProperty<N> = {
  [K in keyof N]-?: K extends "span" ? never : NonNullable<N[K]> extends { span: A.Span } ? K : never;
}[keyof N];

/** Where a diagnostic points: a node, or one property of a node (`{ node: fact, property: "name" }`). */
export type Target<N extends A.Node = A.Node> = N | { node: N; property: SpannedProperty<N> };

export interface ReportExtra {
  suggestion?: Suggestion;
  related?: { message: string; node: A.Node; file: string }[];
}

/** Reports diagnostics in one file. */
export class Reporter {
  constructor(
    /** Absolute path of the file the nodes are in. */
    readonly file: string,
    /** The file's text, for quoting source in messages and building fixes from node spans. */
    readonly text: string,
    private readonly sink: Diagnostic[],
  ) {}

  report<N extends A.Node>(code: DiagnosticCode, message: string, target: Target<N>, extra: ReportExtra = {}): Diagnostic {
    const d = diagnostic(code, message, spanOfTarget(target), {
      file: this.file,
      ...(extra.suggestion ? { suggestion: extra.suggestion } : {}),
      ...(extra.related ? { related: extra.related.map((r) => ({ message: r.message, span: r.node.span, file: r.file })) } : {}),
    });
    this.sink.push(d);
    return d;
  }

  /** The source text of a node, shortened for messages. */
  quote(node: A.Node, max = 40): string {
    const s = this.source(node).replace(/\s+/g, " ");
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  }

  /** The exact source text a node spans. */
  source(node: A.Node): string {
    return this.text.slice(node.span.start.offset, node.span.end.offset);
  }
}

export function spanOfTarget<N extends A.Node>(target: Target<N>): A.Span {
  if ("property" in target && "node" in target) {
    const value = (target.node as unknown as Record<string, unknown>)[target.property as string] as { span?: A.Span } | undefined;
    return value?.span ?? target.node.span;
  }
  return (target as A.Node).span;
}

/** What a registered check may use besides the node. */
export interface CheckContext {
  reporter: Reporter;
  /** True for the file being checked (not one of its imports). */
  isRoot: boolean;
}

export type Check<K extends NodeKind> = (node: NodeOf<K>, ctx: CheckContext) => void;

export class ValidationRegistry {
  private readonly checks = new Map<NodeKind, Check<NodeKind>[]>();

  register<K extends NodeKind>(kind: K, ...checks: Check<K>[]): this {
    const list = this.checks.get(kind) ?? [];
    list.push(...(checks as unknown as Check<NodeKind>[]));
    this.checks.set(kind, list);
    return this;
  }

  /** Run every check registered for the kind of each node under `root` (iteratively: see walk.ts). */
  run(root: A.Node, ctx: CheckContext): void {
    forEachNode(root, (n) => {
      const list = this.checks.get(n.kind);
      if (list) for (const check of list) check(n as NodeOf<NodeKind>, ctx);
    });
  }
}

/**
 * The Chevrotain grammar of Pol (LANGUAGE.md §2–8). It produces a concrete
 * syntax tree; syntax-tree.ts turns that into the typed tree of ast.ts.
 *
 * A CST parser (rather than embedded actions) because recovery is on: Chevrotain
 * then hands back partial nodes, and one builder that tolerates missing
 * children is easier to get right than actions sprinkled with guards.
 */
import { CstParser, type CstNode, type IToken, type TokenType, EOF } from "chevrotain";
import * as T from "./tokens.js";
import { METADATA_WORDS } from "./tokens.js";
import { syntaxErrorMessages } from "./syntax-messages.js";

const isMetadataWord = (t: IToken): boolean =>
  t.tokenType === T.Identifier && (METADATA_WORDS as readonly string[]).includes(t.image);

/** Tokens after which `{` starts a set literal, not a `when` block. */
const SET_OPENERS = new Set<TokenType>([T.In, T.Has, T.Any, T.All, T.Of, T.Is, T.Not, T.Comma, T.LParen, T.Equals, T.LBrace, T.LBracket, T.When, T.If, T.And, T.Or]);
/** Tokens that begin a new member: a `when` condition never runs into one. */
const MEMBER_STARTS = new Set<TokenType>([T.When, T.Require, T.Ask, T.Fact, T.Define, T.Codeset, T.Enum, T.Test, T.Covered, T.Review, T.Otherwise, T.Applies]);

export class PolParser extends CstParser {
  constructor() {
    super(T.ALL_TOKENS, {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      maxLookahead: 3,
      errorMessageProvider: syntaxErrorMessages,
    });
    this.performSelfAnalysis();
  }

  /**
   * After `require x "…" when`, does the `when` open a block (§6: "`when E {`
   * always opens a block")? Scan the condition at bracket depth 0: a `{` that
   * follows an operand (not an operator) opens the block.
   */
  private whenOpensBlock(): boolean {
    let depth = 0;
    for (let i = 2; ; i++) {
      const t = this.LA(i);
      if (t.tokenType === EOF) return false;
      if (t.tokenType === T.LParen || t.tokenType === T.LBracket) depth++;
      else if (t.tokenType === T.RParen || t.tokenType === T.RBracket) depth--;
      else if (t.tokenType === T.LBrace) {
        if (depth === 0 && !SET_OPENERS.has(this.LA(i - 1).tokenType)) return true;
        depth++;
      } else if (t.tokenType === T.RBrace) {
        if (depth === 0) return false;
        depth--;
      } else if (depth === 0 && MEMBER_STARTS.has(t.tokenType)) return false;
      if (depth < 0) return false;
    }
  }

  public file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.importDecl));
    this.OPTION(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.policyDecl) }, { ALT: () => this.SUBRULE(this.libraryDecl) }]);
    });
  });

  private importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLit);
  });

  private policyDecl = this.RULE("policyDecl", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.SUBRULE(this.body);
  });

  private libraryDecl = this.RULE("libraryDecl", () => {
    this.CONSUME(T.Library);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.SUBRULE(this.body);
  });

  private body = this.RULE("body", () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.member));
    this.CONSUME(T.RBrace);
  });

  private member = this.RULE("member", () => {
    this.OR([
      { GATE: () => isMetadataWord(this.LA(1)), ALT: () => this.SUBRULE(this.metadata) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.factDecl) },
      { ALT: () => this.SUBRULE(this.codesetDecl) },
      { ALT: () => this.SUBRULE(this.appliesTo) },
      { ALT: () => this.SUBRULE(this.defineDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.otherwiseDecl) },
      { ALT: () => this.SUBRULE(this.requireDecl) },
      { ALT: () => this.SUBRULE(this.askDecl) },
      { ALT: () => this.SUBRULE(this.whenBlock) },
      { ALT: () => this.SUBRULE(this.testDecl) },
    ]);
  });

  /** A string or a text block. */
  private text = this.RULE("text", () => {
    this.OR([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.CONSUME(T.TextBlock) }]);
  });

  /**
   * §7. One generic shape (`word [date] [text, text…] [by text]`); the tree
   * builder checks each word's own shape and says what it expected.
   */
  private metadata = this.RULE("metadata", () => {
    this.CONSUME(T.Identifier, { LABEL: "word" });
    this.OPTION(() => this.CONSUME(T.DateLit));
    this.OPTION2(() => {
      this.SUBRULE(this.text);
      this.MANY(() => {
        this.OPTION3(() => this.CONSUME(T.Comma));
        this.SUBRULE2(this.text);
      });
    });
    this.OPTION4({
      GATE: () => this.LA(1).image === "by" && this.LA(1).tokenType === T.Identifier,
      DEF: () => {
        this.CONSUME2(T.Identifier, { LABEL: "by" });
        this.SUBRULE3(this.text, { LABEL: "byText" });
      },
    });
  });

  private enumDecl = this.RULE("enumDecl", () => {
    this.CONSUME(T.Enum);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.enumMember));
    this.CONSUME(T.RBrace);
  });

  private enumMember = this.RULE("enumMember", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.OPTION2(() => this.CONSUME(T.Comma));
  });

  private factDecl = this.RULE("factDecl", () => {
    this.CONSUME(T.Fact);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  private typeExpr = this.RULE("typeExpr", () => {
    this.OPTION(() => {
      this.CONSUME(T.SetKw);
      this.CONSUME(T.Of);
    });
    this.OR([
      { ALT: () => this.CONSUME(T.BoolKw) },
      {
        ALT: () => {
          this.CONSUME(T.NumberKw);
          this.OPTION2(() => this.CONSUME(T.Unit));
        },
      },
      { ALT: () => this.CONSUME(T.DateKw) },
      { ALT: () => this.CONSUME(T.TextKw) },
      { ALT: () => this.CONSUME(T.SystemWord) },
      { ALT: () => this.CONSUME(T.Identifier) },
    ]);
  });

  private codesetDecl = this.RULE("codesetDecl", () => {
    this.CONSUME(T.Codeset);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.codeList) }, { ALT: () => this.SUBRULE(this.includeEntry) }]);
    });
    this.CONSUME(T.RBrace);
  });

  /** `ICD10 C70-C72, D32-D33` — the system word, then codes continuing after commas. */
  private codeList = this.RULE("codeList", () => {
    this.CONSUME(T.SystemWord);
    this.CONSUME(T.Code);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Code);
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
  });

  private includeEntry = this.RULE("includeEntry", () => {
    this.CONSUME(T.Include);
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Identifier);
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
  });

  private appliesTo = this.RULE("appliesTo", () => {
    this.CONSUME(T.Applies);
    this.CONSUME(T.To);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.applicableCodes));
    this.CONSUME(T.RBrace);
  });

  /** `CPT 77385 "description"`, optionally continued: `, 77386 "description"`. */
  private applicableCodes = this.RULE("applicableCodes", () => {
    this.CONSUME(T.SystemWord);
    this.SUBRULE(this.applicableCode);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.applicableCode);
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
  });

  private applicableCode = this.RULE("applicableCode", () => {
    this.CONSUME(T.Code);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  private defineDecl = this.RULE("defineDecl", () => {
    this.CONSUME(T.Define);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  private ruleOutcome = this.RULE("ruleOutcome", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Covered) },
      { ALT: () => this.CONSUME(T.Review) },
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.CONSUME2(T.Covered);
        },
      },
    ]);
  });

  private ruleDecl = this.RULE("ruleDecl", () => {
    this.SUBRULE(this.ruleOutcome);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(T.If);
    this.SUBRULE(this.expression);
  });

  private otherwiseDecl = this.RULE("otherwiseDecl", () => {
    this.CONSUME(T.Otherwise);
    this.SUBRULE(this.ruleOutcome);
  });

  private requireDecl = this.RULE("requireDecl", () => {
    this.CONSUME(T.Require);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.text);
    this.OPTION({
      GATE: () => !this.whenOpensBlock(),
      DEF: () => {
        this.CONSUME(T.When);
        this.SUBRULE(this.expression);
      },
    });
  });

  private askDecl = this.RULE("askDecl", () => {
    this.CONSUME(T.Ask);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.SUBRULE(this.text);
    this.OPTION({
      GATE: () => !this.whenOpensBlock(),
      DEF: () => {
        this.CONSUME(T.When);
        this.SUBRULE(this.expression);
      },
    });
  });

  private whenBlock = this.RULE("whenBlock", () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.requireDecl) },
        { ALT: () => this.SUBRULE(this.askDecl) },
        { ALT: () => this.SUBRULE(this.whenBlock) },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  // ─── tests (§8) ───

  private testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.SUBRULE(this.text);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.givenBlock) }, { ALT: () => this.SUBRULE(this.expectation) }]);
    });
    this.CONSUME(T.RBrace);
  });

  private givenBlock = this.RULE("givenBlock", () => {
    this.CONSUME(T.Given);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.givenEntry));
    this.CONSUME(T.RBrace);
  });

  private givenName = this.RULE("givenName", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Procedures) },
      { ALT: () => this.CONSUME(T.AsOf) },
    ]);
  });

  private givenEntry = this.RULE("givenEntry", () => {
    this.SUBRULE(this.givenName);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.givenValue);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  private givenValue = this.RULE("givenValue", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Code) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.OPTION(() => {
            this.SUBRULE(this.givenValue);
            this.MANY(() => {
              this.CONSUME(T.Comma);
              this.SUBRULE2(this.givenValue);
            });
            this.OPTION2(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
          });
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  /** `covered`, `review`, `not covered`, `not applicable`, `incomplete` (§8). */
  private outcomeWord = this.RULE("outcomeWord", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Covered) },
      { ALT: () => this.CONSUME(T.Review) },
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.OR2([{ ALT: () => this.CONSUME2(T.Covered) }, { ALT: () => this.CONSUME(T.Identifier) }]);
        },
      },
    ]);
  });

  /** An item of `expect requires/missing/possible { … }`: a name or an outcome. */
  private expectItem = this.RULE("expectItem", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.AsOf) },
      { ALT: () => this.CONSUME(T.Procedures) },
      { ALT: () => this.SUBRULE(this.outcomeWord) },
    ]);
  });

  /**
   * `expect covered`, `expect not applicable`, `expect incomplete`,
   * `expect requires { … }`, `expect missing { … }`, `expect possible { … }`,
   * `expect rule "label"`. The words after `expect` other than outcomes are
   * plain identifiers; the tree builder says which ones it knows.
   */
  private expectation = this.RULE("expectation", () => {
    this.CONSUME(T.Expect);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: "word" });
          this.OPTION(() => {
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.LBrace);
                  this.OPTION2(() => {
                    this.SUBRULE(this.expectItem);
                    this.MANY(() => {
                      this.CONSUME(T.Comma);
                      this.SUBRULE2(this.expectItem);
                    });
                    this.OPTION3(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
                  });
                  this.CONSUME(T.RBrace);
                },
              },
              { ALT: () => this.SUBRULE(this.text) },
            ]);
          });
        },
      },
      { ALT: () => this.SUBRULE(this.outcomeWord) },
    ]);
  });

  // ─── expressions (§4), loosest first ───

  public expression = this.RULE("expression", () => {
    this.SUBRULE(this.orExpr);
  });

  private orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  private andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  private notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]);
  });

  /** One optional comparison-level operator after an operand: `is`, `<`, `in`, `has`… */
  private predicate = this.RULE("predicate", () => {
    this.SUBRULE(this.additive);
    // Chevrotain decides an OPTION on its first token only: a `not` enters it
    // only as `not in`, so `… if r` followed by `not covered …` ends here.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.Not || this.LA(2).tokenType === T.In,
      DEF: () => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION2(() => this.CONSUME(T.Not));
            this.OR2([
              { ALT: () => this.CONSUME(T.Known) },
              { ALT: () => this.CONSUME(T.Unknown) },
              { ALT: () => this.CONSUME(T.Empty) },
              { ALT: () => this.SUBRULE2(this.additive, { LABEL: "right" }) },
            ]);
          },
        },
        {
          ALT: () => {
            this.OR3([
              { ALT: () => this.CONSUME(T.LessEq) },
              { ALT: () => this.CONSUME(T.GreaterEq) },
              { ALT: () => this.CONSUME(T.Less) },
              { ALT: () => this.CONSUME(T.Greater) },
            ]);
            this.SUBRULE3(this.additive, { LABEL: "right" });
          },
        },
        {
          ALT: () => {
            this.OPTION3(() => this.CONSUME2(T.Not));
            this.CONSUME(T.In);
            this.SUBRULE4(this.additive, { LABEL: "right" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Has);
            // Greedy: `has any S` is the quantifier, never the combinator `any(…)`.
            this.OPTION4(() => {
              this.OR4([
                { ALT: () => this.CONSUME(T.Any) },
                { ALT: () => this.CONSUME(T.All) },
                {
                  ALT: () => {
                    this.CONSUME(T.At);
                    this.CONSUME(T.Least);
                    this.CONSUME(T.NumberLit);
                    this.CONSUME(T.Of);
                  },
                },
              ]);
            });
            this.SUBRULE5(this.additive, { LABEL: "right" });
          },
        },
      ]);
      },
    });
  });

  private additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  private multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      this.SUBRULE2(this.primary);
    });
  });

  private literal = this.RULE("literal", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLit);
          this.OPTION(() => this.CONSUME(T.Unit));
        },
      },
      { ALT: () => this.CONSUME(T.DateLit) },
      { ALT: () => this.SUBRULE(this.text) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      {
        ALT: () => {
          this.CONSUME(T.SystemWord);
          this.CONSUME(T.Code);
        },
      },
    ]);
  });

  private arguments = this.RULE("arguments", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expression);
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
    this.CONSUME(T.RParen);
  });

  private setLiteral = this.RULE("setLiteral", () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.setItem);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.setItem);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
    });
    this.CONSUME(T.RBrace);
  });

  private setItem = this.RULE("setItem", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      {
        ALT: () => {
          this.CONSUME(T.SystemWord);
          this.CONSUME(T.Code);
        },
      },
      { ALT: () => this.CONSUME2(T.Code) },
    ]);
  });

  private primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.AsOf) },
      { ALT: () => this.CONSUME(T.Procedures) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.setLiteral) },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.All) },
            { ALT: () => this.CONSUME(T.Any) },
            { ALT: () => this.CONSUME(T.None) },
          ]);
          this.SUBRULE(this.arguments);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.At);
          this.CONSUME(T.Least);
          this.CONSUME(T.NumberLit);
          this.CONSUME(T.Of);
          this.SUBRULE2(this.arguments);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Count);
          this.CONSUME2(T.LParen);
          this.SUBRULE2(this.expression);
          this.CONSUME2(T.RParen);
        },
      },
    ]);
  });
}

/** One parser instance: Chevrotain parsers are reusable and costly to build. */
export const polParser = new PolParser();

export type { CstNode };

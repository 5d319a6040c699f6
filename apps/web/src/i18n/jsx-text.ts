import ts from "typescript";

// Issue 20: what a component renders without the message catalogue. The TypeScript compiler
// parses a .tsx source; what a person reads or hears is looked at: JSX text, and string
// literals given to a user-visible attribute (aria-label, title, placeholder, alt, label,
// hint…) or rendered as a child ({cond ? "Yes" : "No"}, {`Sent to ${x}`}). Class names, ids,
// keys, symbols ("·", "—", "→") and code are not words. Strings built elsewhere and passed in
// are not seen (a limit).

/** HTML attributes whose names look visible but whose values are keywords (`enterKeyHint="search"`). */
const keywordAttribute = /^(?:enterKeyHint|inputMode|autoComplete)$/;

/** Attributes whose value is read out or shown: the HTML/ARIA ones and our components' props. */
const visibleAttribute =
  /^(?:aria-(?:label|description|roledescription|valuetext|placeholder)|alt|title|placeholder|label|hint|description|caption|legend|heading|summary|message|notice)$|(?:Label|Title|Description|Placeholder|Hint|Message|Text)$/;

/** Elements whose text is code or a key to press, the same in every language. */
const codeElements = new Set(["code", "kbd", "pre", "samp", "Kbd", "style", "script"]);

/** Names that are not translated. */
const properNames = new Set(["Caseward"]);

const hasWords = (text: string) => {
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  return words.some((word) => !properNames.has(word));
};

export interface Finding {
  line: number;
  text: string;
}

function tagName(node: ts.JsxElement | ts.JsxSelfClosingElement): string {
  const tag = ts.isJsxElement(node) ? node.openingElement.tagName : node.tagName;
  return tag.getText();
}

/** Inside <code>, <kbd>…: text there is not prose. */
function insideCode(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (
      (ts.isJsxElement(parent) || ts.isJsxSelfClosingElement(parent)) &&
      codeElements.has(tagName(parent))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The string pieces an expression renders as it is: literals, template parts, both branches of
 * a condition, the right side of `&&`/`||`/`??`. A call (t("key"), format(x)) renders what it
 * returns, not its arguments, so it is not looked into.
 */
function renderedStrings(expression: ts.Expression | undefined, into: ts.Node[] = []): ts.Node[] {
  if (!expression) return into;
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    into.push(expression);
  } else if (ts.isTemplateExpression(expression)) {
    into.push(expression.head, ...expression.templateSpans.map((span) => span.literal));
    for (const span of expression.templateSpans) renderedStrings(span.expression, into);
  } else if (ts.isParenthesizedExpression(expression)) {
    renderedStrings(expression.expression, into);
  } else if (ts.isConditionalExpression(expression)) {
    renderedStrings(expression.whenTrue, into);
    renderedStrings(expression.whenFalse, into);
  } else if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) renderedStrings(expression.right, into);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      renderedStrings(expression.left, into);
      renderedStrings(expression.right, into);
    }
  } else if (ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) {
    renderedStrings(expression.expression, into);
  }
  return into;
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
    return node.text;
  }
  return node.getText();
}

/** Words a component's source renders without the catalogue, with their line. */
export function findUntranslated(source: string, fileName = "sample.tsx"): Finding[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!hasWords(text) || insideCode(node)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ line: line + 1, text: text.replace(/\s+/g, " ").trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent)) {
      // A child: {"Saved"} or {done ? "Saved" : null}.
      for (const piece of renderedStrings(node.expression)) report(piece, literalText(piece));
    } else if (
      ts.isJsxAttribute(node) &&
      visibleAttribute.test(node.name.getText()) &&
      !keywordAttribute.test(node.name.getText())
    ) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      else if (value && ts.isJsxExpression(value)) {
        for (const piece of renderedStrings(value.expression)) report(piece, literalText(piece));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

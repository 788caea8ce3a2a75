// The syntactic check: every construct outside the vm-spec subset is a diagnostic (all of them, not
// just the first). Typed questions (ranges, floats, bool conditions) are answered in lower.ts.
import { Node, SyntaxKind } from 'ts-morph';
import type { Diagnostics } from './diagnostics.ts';

const REFUSED: Partial<Record<SyntaxKind, [string, string?]>> = {
  [SyntaxKind.ArrowFunction]: ['arrow functions are not in the vm-spec subset', 'write a top-level function'],
  [SyntaxKind.FunctionExpression]: ['function expressions are not in the vm-spec subset', 'write a top-level function'],
  [SyntaxKind.ClassDeclaration]: ['classes are not in the vm-spec subset', 'use module-level typed arrays and functions'],
  [SyntaxKind.ClassExpression]: ['classes are not in the vm-spec subset', 'use module-level typed arrays and functions'],
  [SyntaxKind.ObjectLiteralExpression]: ['object literals are not in the vm-spec subset', 'use module-level typed arrays'],
  [SyntaxKind.TemplateExpression]: ['strings are not in the vm-spec subset', 'use flashStr("...") for constant text'],
  [SyntaxKind.NoSubstitutionTemplateLiteral]: ['strings are not in the vm-spec subset', 'use flashStr("...") for constant text'],
  [SyntaxKind.ThrowStatement]: ['throw is not in the vm-spec subset', 'return an error code'],
  [SyntaxKind.TryStatement]: ['try is not in the vm-spec subset', 'return an error code'],
  [SyntaxKind.AnyKeyword]: ['any is not in the vm-spec subset', 'say which: u8, i16, i32, f32 ...'],
  [SyntaxKind.NumberKeyword]: ['number is not in the vm-spec subset', 'say which: u8, i16, i32, f32 ...'],
  [SyntaxKind.UnionType]: ['union types are not in the vm-spec subset'],
  [SyntaxKind.TypeParameter]: ['generics are not in the vm-spec subset'],
  [SyntaxKind.SpreadElement]: ['spread is not in the vm-spec subset'],
  [SyntaxKind.ObjectBindingPattern]: ['destructuring is not in the vm-spec subset'],
  [SyntaxKind.ArrayBindingPattern]: ['destructuring is not in the vm-spec subset'],
  [SyntaxKind.AwaitExpression]: ['await is not in the vm-spec subset'],
  [SyntaxKind.ForOfStatement]: ['for...of is not in the vm-spec subset', 'write a for loop with a let counter'],
  [SyntaxKind.ForInStatement]: ['for...in is not in the vm-spec subset', 'write a for loop with a let counter'],
  [SyntaxKind.LabeledStatement]: ['labels are not in the vm-spec subset'],
  [SyntaxKind.DeleteExpression]: ['delete is not in the vm-spec subset'],
  [SyntaxKind.TypeOfExpression]: ['typeof is not in the vm-spec subset'],
  [SyntaxKind.PostfixUnaryExpression]: ['++ and -- are not in the vm-spec subset', 'write the assignment out: i = u8(i + 1)'],
  [SyntaxKind.InterfaceDeclaration]: ['interfaces are not in the vm-spec subset'],
  [SyntaxKind.TypeAliasDeclaration]: ['type aliases are not in the vm-spec subset', 'use the scalar types of types.ts'],
  [SyntaxKind.WithStatement]: ['with is not in the vm-spec subset'],
  [SyntaxKind.NewExpression]: ['new is only allowed as `const name = new Uint8Array(SIZE)` at module level'],
  [SyntaxKind.NonNullExpression]: ['the ! non-null assertion is not in the vm-spec subset'],
  [SyntaxKind.AsExpression]: ['type assertions are not in the vm-spec subset', 'use a conversion such as u8(x)'],
  [SyntaxKind.RegularExpressionLiteral]: ['regular expressions are not in the vm-spec subset'],
  [SyntaxKind.NullKeyword]: ['null is not in the vm-spec subset'],
  [SyntaxKind.ThisKeyword]: ['this is not in the vm-spec subset'],
  [SyntaxKind.DebuggerStatement]: ['debugger is not in the vm-spec subset'],
};

const COMPOUND = new Set([
  SyntaxKind.PlusEqualsToken, SyntaxKind.MinusEqualsToken, SyntaxKind.AsteriskEqualsToken, SyntaxKind.SlashEqualsToken,
  SyntaxKind.PercentEqualsToken, SyntaxKind.AmpersandEqualsToken, SyntaxKind.BarEqualsToken, SyntaxKind.CaretEqualsToken,
  SyntaxKind.LessThanLessThanEqualsToken, SyntaxKind.GreaterThanGreaterThanEqualsToken,
  SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken, SyntaxKind.AsteriskAsteriskEqualsToken,
  SyntaxKind.BarBarEqualsToken, SyntaxKind.AmpersandAmpersandEqualsToken, SyntaxKind.QuestionQuestionEqualsToken,
]);

/** Reports every refused construct in `root` (a module-level statement) and below it. */
export function check(root: Node, diags: Diagnostics): void {
  if (visit(root, diags)) root.forEachDescendant((node, walk) => { if (!visit(node, diags)) walk.skip(); });
}

/** Checks one node; false when its children need no check. */
function visit(node: Node, diags: Diagnostics): boolean {
  // A flash table's literal argument is data, not code.
  if (Node.isCallExpression(node) && /^flash(U8|I8|U16|I16|U32|I32|Str|Packed)$/.test(node.getExpression().getText())) return false;
  if (Node.isImportDeclaration(node)) {
    checkImport(node, diags);
    return false;
  }
  const refused = REFUSED[node.getKind()];
  if (refused && !(Node.isNewExpression(node) && isModuleTypedArray(node))) {
    diags.error(node, refused[0], refused[1]);
    return false;
  }
  checkNode(node, diags);
  return true;
}

function isModuleTypedArray(node: Node): boolean {
  const decl = node.getParent();
  return Node.isVariableDeclaration(decl) && Node.isSourceFile(decl.getVariableStatement()?.getParent());
}

function checkImport(node: import('ts-morph').ImportDeclaration, diags: Diagnostics): void {
  const spec = node.getModuleSpecifierValue();
  if (!spec.startsWith('./') && !spec.startsWith('../')) {
    diags.error(node, `import from '${spec}' is not in the vm-spec subset`, 'import only from other vm-spec files');
  } else if (!spec.endsWith('.ts')) {
    diags.error(node, `import '${spec}' needs its .ts extension`, `write '${spec}.ts'`);
  }
  if (node.getDefaultImport() || node.getNamespaceImport()) {
    diags.error(node, 'default and namespace imports are not in the vm-spec subset', 'write import { name } from ...');
  }
  for (const n of node.getNamedImports()) {
    if (n.getAliasNode()) diags.error(n, 'renaming imports is not in the vm-spec subset', 'use the name as it is declared');
  }
}

function checkNode(node: Node, diags: Diagnostics): void {
  if (Node.isFunctionDeclaration(node)) {
    if (!Node.isSourceFile(node.getParent())) {
      diags.error(node, 'closures are not in the vm-spec subset', 'move the function to top level');
    }
    if (node.isAsync()) diags.error(node, 'async is not in the vm-spec subset');
    if (node.isGenerator()) diags.error(node, 'generators are not in the vm-spec subset');
    if (!node.getReturnTypeNode() && node.hasBody()) {
      diags.error(node.getNameNode() ?? node, `function ${node.getName()} needs a declared result type`, 'write ): void or ): u8 ...');
    }
  } else if (Node.isParameterDeclaration(node)) {
    if (node.hasInitializer()) diags.error(node, 'default parameters are not in the vm-spec subset', 'pass the value at every call');
    if (node.isOptional()) diags.error(node, 'optional parameters are not in the vm-spec subset');
    if (node.isRestParameter()) diags.error(node, 'rest parameters are not in the vm-spec subset');
  } else if (Node.isVariableDeclarationList(node)) {
    if (node.getDeclarationKind() === 'var') diags.error(node, 'var is not in the vm-spec subset', 'use let or const');
  } else if (Node.isPrefixUnaryExpression(node)) {
    const op = node.getOperatorToken();
    if (op === SyntaxKind.PlusPlusToken || op === SyntaxKind.MinusMinusToken) {
      diags.error(node, '++ and -- are not in the vm-spec subset', 'write the assignment out: i = u8(i + 1)');
    } else if (op === SyntaxKind.PlusToken) {
      diags.error(node, 'unary + is not in the vm-spec subset');
    }
  } else if (Node.isBinaryExpression(node)) {
    const op = node.getOperatorToken().getKind();
    if (op === SyntaxKind.EqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken) {
      const s = op === SyntaxKind.EqualsEqualsToken ? '===' : '!==';
      diags.error(node.getOperatorToken(), `${node.getOperatorToken().getText()} is not in the vm-spec subset`, `use ${s}`);
    } else if (COMPOUND.has(op)) {
      diags.error(node.getOperatorToken(), `compound assignment ${node.getOperatorToken().getText()} is not in the vm-spec subset`, 'write the assignment out: x = u8(x + 1)');
    } else if (op === SyntaxKind.CommaToken) {
      diags.error(node.getOperatorToken(), 'the comma operator is not in the vm-spec subset');
    } else if (op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.AsteriskAsteriskToken || op === SyntaxKind.InKeyword || op === SyntaxKind.InstanceOfKeyword) {
      diags.error(node.getOperatorToken(), `${node.getOperatorToken().getText()} is not in the vm-spec subset`);
    }
  } else if (Node.isStringLiteral(node)) {
    diags.error(node, 'strings are not in the vm-spec subset', 'use flashStr("...") for constant text');
  } else if (Node.isArrayLiteralExpression(node)) {
    diags.error(node, 'array literals are not in the vm-spec subset', 'use a module-level typed array or flashU8([...])');
  } else if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node) || Node.isCallExpression(node)) {
    if (node.hasQuestionDotToken()) diags.error(node, 'optional chaining is not in the vm-spec subset');
  } else if (Node.isEnumDeclaration(node)) {
    if (!node.isConstEnum()) diags.error(node, 'only const enums are in the vm-spec subset', 'write const enum');
  }
}

import ts from 'typescript';

/**
 * Reads which URL paths show each lazily imported module of the router, from the router's own
 * source (no hand-kept list). For every `import('…')` in the router it follows how the result is
 * used, up to the route object that uses it:
 * - an object literal with `path: '/x'` (or `path: someConstant` exported as a string) → `/x`;
 * - a key of the object mapping menu entries to pages (`pages.dashboard`) → that entry's path;
 * - a page used for menu entries through `navItems.map(…)` as the fallback → the entries that
 *   have no page of their own;
 * - a variable (`const page = …`) → wherever that variable is used, recursively.
 * A module it cannot map gets no path, and the budget check fails on it.
 */

export interface NavEntry {
  id: string;
  path: string;
}

export interface LazyImport {
  specifier: string;
  paths: string[];
}

/** `{ id: 'x', path: '/y' }` object literals, in order. */
export function readNavEntries(navigationSource: string): NavEntry[] {
  const file = ts.createSourceFile('navigation.ts', navigationSource, ts.ScriptTarget.Latest, true);
  const entries: NavEntry[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const id = stringProperty(node, 'id');
      const path = stringProperty(node, 'path');
      if (id !== undefined && path !== undefined) entries.push({ id, path });
    }
    node.forEachChild(visit);
  };
  visit(file);
  return entries;
}

/**
 * @param resolveConstant the string value of an imported constant (`loginPath` → '/login'),
 *   given its name and the module it is imported from; undefined if unknown.
 */
export function readRouterLazyImports(
  routerSource: string,
  navEntries: readonly NavEntry[],
  resolveConstant: (name: string, fromSpecifier: string) => string | undefined = () => undefined,
): LazyImport[] {
  const file = ts.createSourceFile(
    'router.tsx',
    routerSource,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const navById = new Map(navEntries.map((entry) => [entry.id, entry.path]));

  const importedFrom = new Map<string, string>();
  const constants = new Map<string, string>();
  const identifiers: ts.Identifier[] = [];
  const dynamicImports: { specifier: string; node: ts.Node }[] = [];
  let pagesKeys: Set<string> | undefined;

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements)
          importedFrom.set(element.name.text, node.moduleSpecifier.text);
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (ts.isStringLiteralLike(node.initializer)) constants.set(node.name.text, node.initializer.text);
      // The menu entry → page map: an object literal whose keys are menu ids.
      if (ts.isObjectLiteralExpression(node.initializer)) {
        const keys = node.initializer.properties.map((property) => propertyName(property)).filter(isString);
        if (keys.length > 0 && keys.every((key) => navById.has(key))) pagesKeys = new Set(keys);
      }
    }
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      dynamicImports.push({ specifier: node.arguments[0].text, node });
    }
    if (ts.isIdentifier(node)) identifiers.push(node);
    node.forEachChild(visit);
  };
  visit(file);

  const pathValue = (expression: ts.Expression): string | undefined => {
    if (ts.isStringLiteralLike(expression)) return expression.text;
    if (ts.isIdentifier(expression)) {
      const local = constants.get(expression.text);
      if (local !== undefined) return local;
      const from = importedFrom.get(expression.text);
      return from === undefined ? undefined : resolveConstant(expression.text, from);
    }
    return undefined;
  };

  const unbuiltNavPaths = () =>
    navEntries.filter((entry) => !pagesKeys?.has(entry.id)).map((entry) => entry.path);

  const referencesTo = (declaration: ts.VariableDeclaration) =>
    identifiers.filter(
      (identifier) =>
        identifier.text === (declaration.name as ts.Identifier).text &&
        identifier.parent !== declaration &&
        !isPropertyNameOrMember(identifier),
    );

  /** The paths that show whatever `start` evaluates to. */
  const pathsOf = (start: ts.Node, seen: Set<ts.Node>): string[] => {
    for (
      let node: ts.Node | undefined = start.parent, child = start;
      node;
      child = node, node = node.parent
    ) {
      if (ts.isObjectLiteralExpression(node)) {
        const pathProperty = node.properties.find(
          (property): property is ts.PropertyAssignment =>
            ts.isPropertyAssignment(property) && propertyName(property) === 'path',
        );
        const path = pathProperty && pathValue(pathProperty.initializer);
        if (path !== undefined) return [path];
      }
      if (ts.isPropertyAssignment(node) && pagesKeys && node.parent && isPagesObject(node.parent)) {
        const key = propertyName(node);
        const path = key === undefined ? undefined : navById.get(key);
        if (path !== undefined) return [path];
      }
      // `pages[item.id] ?? placeholderPage` inside `navItems.map(…)`: the menu entries with no page.
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken &&
        node.right === child &&
        isInsideNavItemsMap(node)
      ) {
        return unbuiltNavPaths();
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        if (seen.has(node)) return [];
        seen.add(node);
        return unique(referencesTo(node).flatMap((reference) => pathsOf(reference, seen)));
      }
    }
    return [];
  };

  const isPagesObject = (node: ts.Node) =>
    ts.isObjectLiteralExpression(node) &&
    pagesKeys !== undefined &&
    node.properties.every((property) => {
      const key = propertyName(property);
      return key !== undefined && pagesKeys?.has(key);
    });

  const bySpecifier = new Map<string, string[]>();
  for (const { specifier, node } of dynamicImports) {
    const paths = pathsOf(node, new Set());
    bySpecifier.set(specifier, unique([...(bySpecifier.get(specifier) ?? []), ...paths]));
  }
  return [...bySpecifier].map(([specifier, paths]) => ({ specifier, paths }));
}

function isInsideNavItemsMap(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (
      ts.isCallExpression(current) &&
      ts.isPropertyAccessExpression(current.expression) &&
      current.expression.name.text === 'map' &&
      ts.isIdentifier(current.expression.expression) &&
      current.expression.expression.text === 'navItems'
    ) {
      return true;
    }
  }
  return false;
}

/** `{ shell: … }` or `x.shell`: the same text, but not a use of the variable. */
function isPropertyNameOrMember(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) &&
      parent.name === identifier) ||
    (ts.isPropertyAccessExpression(parent) && parent.name === identifier)
  );
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (!property.name) return undefined;
  if (ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name)) return property.name.text;
  return undefined;
}

function stringProperty(node: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property) === name) {
      return ts.isStringLiteralLike(property.initializer) ? property.initializer.text : undefined;
    }
  }
  return undefined;
}

const isString = (value: string | undefined): value is string => value !== undefined;
const unique = (values: string[]) => [...new Set(values)];

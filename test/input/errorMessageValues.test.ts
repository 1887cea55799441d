import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';
import { describeValue, shortText } from '../../nodes/shared/input';
import { buildOwnerPool } from '../../nodes/shared/revisit/owners';
import { parseReportState } from '../../nodes/shared/satisfaction/reportState';
import { validateRules, type SegmentRule } from '../../nodes/shared/segments/rules';
import { stateValueText } from '../../nodes/shared/segments/stateValue';

/**
 * The class rule for error messages (DESIGN, "Bad input"): a refused value is shown with describeValue,
 * which writes NaN, Infinity, undefined, a BigInt and an Invalid Date as themselves and cuts a long value
 * on whole characters. JSON.stringify writes NaN and Infinity as null and drops undefined (the user looks
 * for a null that was never there); String() writes an object as "[object Object]" and a number as if it
 * were text; slice() on a text can cut a character made of two UTF-16 units in half.
 *
 * A static scan of every error message built in nodes/: the arguments of each ConfigError, InputError,
 * NodeOperationError and NodeApiError construction and each parameterError call, the local constants they
 * use (one level: `const where = ...`) and the functions of nodes/ they call. Any JSON.stringify, String()
 * or text slice found there is a finding, unless listed below with its reason.
 */
const ROOT = join(__dirname, '..', '..');
const ERROR_CONSTRUCTORS = new Set(['ConfigError', 'InputError', 'NodeOperationError', 'NodeApiError']);
const ERROR_FUNCTIONS = new Set(['parameterError']);
/** Where describeValue and its helpers live: their String() and JSON.stringify are the rule itself. */
const RULE_FILE = 'nodes/shared/input/errors.ts';

/**
 * Findings that are not the defect, each `file: code` with its reason (a listed finding that is no longer
 * found fails the test, so the list cannot go stale).
 */
const ALLOWED: Record<string, string> = {
	'nodes/common/errors.ts: String(error)': 'a thrown value that is not an Error: its own text is the message, not a value shown in one',
	"nodes/shared/calendar/businessCalendar.ts: String(month)": 'a date written as YYYY-MM-DD with padStart, not a refused value',
	"nodes/shared/calendar/businessCalendar.ts: String(d)": 'a date written as YYYY-MM-DD with padStart, not a refused value',
	'nodes/shared/messaging/templates/placeholders.ts: template.slice(open + 2, close)': 'the text between {{ and }}, taken whole (not cut short)',
	'nodes/shared/customers/records.ts: customerIdColumn.slice(0, dot)': 'the first part of a dotted column name, whole (not cut short)',
};

interface Finding {
	/** `file: code` of the writer. */
	key: string;
	/** Where the error is built, for the report. */
	at: string;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

const parsed = sourceFiles(join(ROOT, 'nodes')).map((path) => ts.createSourceFile(relative(ROOT, path), readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true));

/** A call that writes a value in a way describeValue exists to replace. */
function writerText(node: ts.Node, file: ts.SourceFile): string | undefined {
	if (!ts.isCallExpression(node)) return undefined;
	const callee = node.expression.getText(file);
	if (callee === 'JSON.stringify' || callee === 'String') return node.getText(file);
	// A text cut for a message: slice, substring or substr on anything but a list.
	if (ts.isPropertyAccessExpression(node.expression) && ['slice', 'substring', 'substr'].includes(node.expression.name.text)) {
		const target = node.expression.expression.getText(file);
		if (!/^(\[|Array\.from)/.test(target) && node.arguments.length > 0) return node.getText(file);
	}
	return undefined;
}

function writersIn(node: ts.Node, file: ts.SourceFile): string[] {
	const found: string[] = [];
	const visit = (n: ts.Node) => {
		const text = writerText(n, file);
		if (text !== undefined) found.push(text);
		ts.forEachChild(n, visit);
	};
	visit(node);
	return found;
}

/** Functions (declarations and arrow constants) whose body writes values so, by name. */
function writingFunctions(files: ts.SourceFile[]): Map<string, { file: string; writers: string[] }> {
	const functions = new Map<string, { file: string; writers: string[] }>();
	for (const file of files) {
		if (file.fileName === RULE_FILE) continue;
		const visit = (n: ts.Node) => {
			let name: string | undefined;
			let body: ts.Node | undefined;
			if (ts.isFunctionDeclaration(n) && n.name && n.body) [name, body] = [n.name.text, n.body];
			else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isArrowFunction(n.initializer)) [name, body] = [n.name.text, n.initializer];
			if (name !== undefined && body !== undefined) {
				const writers = writersIn(body, file);
				if (writers.length > 0) functions.set(name, { file: file.fileName, writers });
			}
			ts.forEachChild(n, visit);
		};
		visit(file);
	}
	return functions;
}

/** The initializer of the constant `name` declared in the function (or file) around `from`, nearest first. */
function localInitializer(name: string, from: ts.Node): ts.Expression | undefined {
	for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
		if (!(ts.isFunctionLike(scope) || ts.isSourceFile(scope))) continue;
		let found: ts.Expression | undefined;
		const visit = (n: ts.Node) => {
			if (found) return;
			if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) found = n.initializer;
			// At file level only the file's own statements: a function's locals are not the file's.
			else if (!(ts.isSourceFile(scope!) && ts.isFunctionLike(n))) ts.forEachChild(n, visit);
		};
		ts.forEachChild(scope, visit);
		if (found) return found;
	}
	return undefined;
}

function isErrorBuilt(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
	if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) return ERROR_CONSTRUCTORS.has(node.expression.text);
	return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ERROR_FUNCTIONS.has(node.expression.text);
}

function findings(files: ts.SourceFile[]): Finding[] {
	const helpers = writingFunctions(files);
	const found: Finding[] = [];
	for (const file of files) {
		const visit = (n: ts.Node) => {
			if (isErrorBuilt(n)) {
				const at = `${file.fileName}:${file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1}`;
				const add = (key: string) => found.push({ key, at });
				const look = (arg: ts.Node) => {
					const text = writerText(arg, file);
					if (text !== undefined) add(`${file.fileName}: ${text}`);
					if (ts.isIdentifier(arg) && !(ts.isCallExpression(arg.parent) && arg.parent.expression === arg)) {
						const initializer = localInitializer(arg.text, n);
						if (initializer !== undefined) for (const writer of writersIn(initializer, file)) add(`${file.fileName}: ${writer}`);
					}
					if (ts.isCallExpression(arg) && ts.isIdentifier(arg.expression)) {
						const helper = helpers.get(arg.expression.text);
						if (helper !== undefined) for (const writer of helper.writers) add(`${helper.file}: ${writer}`);
					}
					ts.forEachChild(arg, look);
				};
				for (const arg of n.arguments ?? []) look(arg);
			}
			ts.forEachChild(n, visit);
		};
		visit(file);
	}
	return found;
}

describe('error messages show refused values with describeValue', () => {
	const all = findings(parsed);

	it('no message writes a value with JSON.stringify, String() or a text slice', () => {
		const unexplained = all.filter((f) => !(f.key in ALLOWED)).map((f) => `${f.at}  ${f.key}`);
		expect([...new Set(unexplained)]).toEqual([]);
	});

	it('every listed exception is still found (the list does not go stale)', () => {
		const keys = new Set(all.map((f) => f.key));
		expect(Object.keys(ALLOWED).filter((key) => !keys.has(key))).toEqual([]);
	});

	it('the scan finds each form: in the message, in a local constant, in a helper it calls; describeValue is no finding', () => {
		const probe = ts.createSourceFile(
			'probe.ts',
			[
				'function helper(v: unknown) { return JSON.stringify(v); }',
				'function run(value: unknown, text: string) {',
				'  const where = `group ${JSON.stringify(value).slice(0, 40)}`;',
				'  const fine = describeValue(value);',
				'  throw new ConfigError(`a ${String(value)} b ${where} c ${text.slice(0, 80)} d ${helper(value)} e ${fine}`);',
				'}',
				'const refuse = (raw: unknown) => parameterError("Horizon", raw, `is ${JSON.stringify(raw)}`, "a number");',
			].join('\n'),
			ts.ScriptTarget.Latest,
			true,
		);
		expect(findings([probe]).map((f) => `${f.at}  ${f.key}`)).toEqual([
			'probe.ts:5  probe.ts: String(value)',
			'probe.ts:5  probe.ts: JSON.stringify(value).slice(0, 40)',
			'probe.ts:5  probe.ts: JSON.stringify(value)',
			'probe.ts:5  probe.ts: text.slice(0, 80)',
			'probe.ts:5  probe.ts: JSON.stringify(v)',
			'probe.ts:7  probe.ts: JSON.stringify(raw)',
		]);
	});
});

/**
 * The wording rule (DESIGN, "Bad input"): a message names the value it refuses with describeValue and
 * says what was expected, as parameterError and InputError write it ('Parameter "X" is V, which …
 * (expected …)'). The older wording interpolated the raw value ('"X" must …; got ${value}'): NaN, undefined,
 * an object or a long text read as whatever ${} makes of them, and the message often left out what would
 * have been accepted. Three checks on the text of every ConfigError, InputError, NodeOperationError and
 * NodeApiError construction and parameterError call in nodes/ (the literal parts of its templates and
 * strings, each branch of a ? : on its own, with the local text constants they use):
 * - no "got": the old wording, in any argument;
 * - a value the message says something "is" ('is ${v}', '${v} is not', '"${v}", which') is written by a
 *   describer (describeValue, or stateValueText for a learned state's JSON), never interpolated raw.
 *   InputError and parameterError show their refused value themselves, so their texts are not checked so.
 *   Both checks also read the texts a function of nodes/ returns when the message calls it (summaryProblem);
 * - a ConfigError, NodeOperationError or NodeApiError message says "expected" (InputError and
 *   parameterError write it themselves). A message passed on from another error (its .message, or a
 *   constant holding it) was checked where that error was built.
 * Listed exceptions say why; each must still be found. A key is the rule, the file and the interpolation
 * (raw) or the message's first 60 characters as written.
 */
const DESCRIBERS = new Set(['describeValue', 'stateValueText']);

const ALLOWED_WORDING: Record<string, string> = {
	"expected nodes/common/toolCall.ts: As an AI-agent tool this node gets one customer per call, so": "not a refused value but a setting refused for how the node is called (one customer per AI-tool call); it says why and what to set instead, in the callers' own sentence",
	"raw nodes/shared/messaging/channels/credentialFields.ts: field": "the credential field's name, not its value: a webhook URL carries a token, and secrets never appear in errors (DESIGN), so the refused URL is not shown",
};

type Piece = string | ts.Expression;

/** An expression made of words: a text, a template, or texts joined or chosen between. */
function isWords(e: ts.Expression): boolean {
	if (ts.isParenthesizedExpression(e)) return isWords(e.expression);
	if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return true;
	if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return isWords(e.left) || isWords(e.right);
	return ts.isConditionalExpression(e) && (isWords(e.whenTrue) || isWords(e.whenFalse));
}

/** The text of a message: literal parts as text, interpolations as their expressions; alternatives (a ? b : c) each. */
function pieces(expr: ts.Expression): Piece[][] {
	if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return pieces(expr.expression);
	if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [[expr.text]];
	if (ts.isTemplateExpression(expr)) {
		let runs: Piece[][] = [[expr.head.text]];
		for (const span of expr.templateSpans) {
			const inner = ts.isConditionalExpression(span.expression) ? pieces(span.expression) : [[span.expression]];
			runs = runs.flatMap((run) => inner.map((alt) => [...run, ...alt, span.literal.text]));
		}
		return runs;
	}
	if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		const left = pieces(expr.left);
		const right = pieces(expr.right);
		return left.flatMap((l) => right.map((r) => [...l, ...r]));
	}
	if (ts.isConditionalExpression(expr)) return [...pieces(expr.whenTrue), ...pieces(expr.whenFalse)];
	return [[expr]];
}

/** The arguments that hold a message's words: all of them for InputError and parameterError, the message for the others. */
function messageArguments(n: ts.NewExpression | ts.CallExpression): ts.Expression[] {
	const args = [...(n.arguments ?? [])];
	if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && ['NodeOperationError', 'NodeApiError'].includes(n.expression.text)) return args.slice(1, 2);
	return args;
}

/** InputError and parameterError: the value shown by describeValue and "(expected …)" written by the constructor. */
function writesExpected(n: ts.NewExpression | ts.CallExpression): boolean {
	return ts.isCallExpression(n) || (ts.isIdentifier(n.expression) && n.expression.text === 'InputError');
}

const isDescribed = (e: ts.Expression) => ts.isCallExpression(e) && ts.isIdentifier(e.expression) && DESCRIBERS.has(e.expression.text);
const passesOn = (e: ts.Node): boolean => (ts.isPropertyAccessExpression(e) && e.name.text === 'message') || (ts.forEachChild(e, passesOn) ?? false);

interface WordingFinding {
	key: string;
	at: string;
	rule: 'got' | 'raw' | 'expected';
}

/** Functions of nodes/ (declarations and arrow constants) that return words, by name: the texts they return, with their file. */
function wordFunctions(files: ts.SourceFile[]): Map<string, { file: ts.SourceFile; texts: ts.Expression[] }> {
	const functions = new Map<string, { file: ts.SourceFile; texts: ts.Expression[] }>();
	for (const file of files) {
		const visit = (n: ts.Node) => {
			let name: string | undefined;
			let body: ts.ConciseBody | undefined;
			if (ts.isFunctionDeclaration(n) && n.name && n.body) [name, body] = [n.name.text, n.body];
			else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isArrowFunction(n.initializer)) [name, body] = [n.name.text, n.initializer.body];
			if (name !== undefined && body !== undefined && !DESCRIBERS.has(name)) {
				const texts: ts.Expression[] = [];
				const collect = (m: ts.Node) => {
					if (ts.isReturnStatement(m) && m.expression && isWords(m.expression)) texts.push(m.expression);
					if (!ts.isFunctionLike(m)) ts.forEachChild(m, collect);
				};
				if (ts.isBlock(body)) ts.forEachChild(body, collect);
				else if (isWords(body)) texts.push(body);
				if (texts.length > 0) functions.set(name, { file, texts });
			}
			ts.forEachChild(n, visit);
		};
		visit(file);
	}
	return functions;
}

function wordingFindings(files: ts.SourceFile[]): WordingFinding[] {
	const found: WordingFinding[] = [];
	const helpers = wordFunctions(files);
	for (const file of files) {
		const visit = (n: ts.Node) => {
			if (isErrorBuilt(n)) {
				const at = `${file.fileName}:${file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1}`;
				const add = (rule: WordingFinding['rule'], what: string) => found.push({ rule, at, key: `${rule} ${file.fileName}: ${what}` });
				/** The first 60 characters of a message as written, to name it in a key. */
				const opening = (arg: ts.Node) => arg.getText(file).replace(/\s+/g, ' ').replace(/^[`'"]/, '').slice(0, 60);
				/** A message's words, with the text constants it names (up to three deep). */
				const runsOf = (arg: ts.Expression, depth = 0): Piece[][] =>
					pieces(arg).flatMap((run) => {
						let runs: Piece[][] = [[]];
						for (const piece of run) {
							const initializer = typeof piece !== 'string' && ts.isIdentifier(piece) && depth < 3 ? localInitializer(piece.text, n) : undefined;
							const inner: Piece[][] = initializer !== undefined && isWords(initializer) ? runsOf(initializer, depth + 1) : [[piece]];
							runs = runs.flatMap((r) => inner.map((alt) => [...r, ...alt]));
						}
						return runs;
					});
				const args = messageArguments(n);
				// InputError and parameterError write their refused value themselves, by describeValue.
				const ownValue = writesExpected(n);
				/** The got and raw checks on one text; `source` is the file it is written in (a helper's, for the words a helper returns). */
				const check = (runs: Piece[][], source: ts.SourceFile, opened: string, within = new Set<string>()) => {
					for (const run of runs) {
						run.forEach((piece, i) => {
							if (typeof piece === 'string') {
								if (/\bgot\b/.test(piece)) found.push({ rule: 'got', at, key: `got ${source.fileName}: ${opened}` });
								return;
							}
							// The words of the functions of nodes/ the piece calls (summaryProblem(one) ?? '…'), once each along a chain.
							const calls = (m: ts.Node) => {
								const name = ts.isCallExpression(m) && ts.isIdentifier(m.expression) ? m.expression.text : undefined;
								const helper = name === undefined || within.has(name) ? undefined : helpers.get(name);
								if (helper !== undefined) {
									const next = new Set([...within, name!]);
									for (const text of helper.texts) check(pieces(text), helper.file, text.getText(helper.file).replace(/\s+/g, ' ').replace(/^[`'"]/, '').slice(0, 60), next);
								}
								ts.forEachChild(m, calls);
							};
							calls(piece);
							const before = run.slice(0, i).filter((p): p is string => typeof p === 'string').join('');
							const next = run[i + 1];
							const after = typeof next === 'string' ? next : '';
							// 'is ${v}', 'is "${v}"'; '${v} is not'; '"${v}", which' (a quoted name the message refuses).
							const subject = (/\b(is|are)\s+"?$/.test(before) && !/^\w/.test(after)) || /^"?\s+(is|are)\s+not\b/.test(after) || (/"$/.test(before) && /^",\s*which\b/.test(after));
							if (subject && !ownValue && !isDescribed(piece)) found.push({ rule: 'raw', at, key: `raw ${source.fileName}: ${piece.getText(source)}` });
						});
					}
				};
				for (const arg of args) check(runsOf(arg), file, opening(arg));
				if (!ownValue && args.length > 0) {
					const message = args[0];
					const passedOn = (p: ts.Expression) => passesOn(p) || (ts.isIdentifier(p) && passesOn(localInitializer(p.text, n) ?? p));
					const says = runsOf(message).every((run) => run.some((p) => (typeof p === 'string' ? /\bexpected\b/.test(p) : passedOn(p))));
					if (!says) add('expected', opening(message));
				}
			}
			ts.forEachChild(n, visit);
		};
		visit(file);
	}
	return found;
}

describe('error messages name the refused value with describeValue and say what was expected', () => {
	const all = wordingFindings(parsed);

	it('no message has the old wording, a raw value or no "expected"', () => {
		const unexplained = all.filter((f) => !(f.key in ALLOWED_WORDING)).map((f) => `${f.at}  ${f.key}`);
		expect([...new Set(unexplained)]).toEqual([]);
	});

	it('every listed exception is still found (the list does not go stale)', () => {
		const keys = new Set(all.map((f) => f.key));
		expect(Object.keys(ALLOWED_WORDING).filter((key) => !keys.has(key))).toEqual([]);
	});

	it('the scan finds each form, in the message and in the words of a function it calls; the project wording, a passed-on message and InputError are no finding', () => {
		const probe = ts.createSourceFile(
			'probe.ts',
			[
				'function run(value: number, label: string, error: Error, more: boolean) {',
				'  throw new ConfigError(`"Months" must be a whole number; got ${value}`);',
				'  throw new ConfigError(`Parameter "${label}" is ${value}, which is not valid (expected a whole number)`);',
				'  throw new ConfigError(`Look-ahead ${value} is not valid (expected a whole number)`);',
				'  throw new ConfigError(`${label} tests field "${label}", which it does not have (expected one of a, b)`);',
				'  throw new ConfigError(more ? `No slot fits (expected a longer window)` : `No slot fits`);',
				'  const why = `the batch is empty`;',
				'  throw new NodeOperationError(node, `Nothing to learn: ${why}`);',
				'  throw new ConfigError(`Parameter "${label}" is ${describeValue(value)}, which is not valid (expected a whole number)`);',
				'  throw new ConfigError(`Learned state: ${error.message}`);',
				'  throw new InputError(label, value, `is ${value} bytes, longer than the ledger stores`, "at most 64 bytes");',
				'  throw parameterError("Horizon", value, "is below 0", "a number of at least 0");',
				'  throw new ConfigError(`Row 2: ${problemOf(value) ?? "impossible"} (expected a whole number)`);',
				'}',
				'function problemOf(count: number) { return `the count is ${count}`; }',
			].join('\n'),
			ts.ScriptTarget.Latest,
			true,
		);
		expect(wordingFindings([probe]).map((f) => `${f.at}  ${f.key}`)).toEqual([
			'probe.ts:2  got probe.ts: "Months" must be a whole number; got ${value}`',
			'probe.ts:2  expected probe.ts: "Months" must be a whole number; got ${value}`',
			'probe.ts:3  raw probe.ts: value',
			'probe.ts:4  raw probe.ts: value',
			'probe.ts:5  raw probe.ts: label',
			'probe.ts:6  expected probe.ts: more ? `No slot fits (expected a longer window)` : `No slot ',
			'probe.ts:8  expected probe.ts: Nothing to learn: ${why}`',
			'probe.ts:13  raw probe.ts: count',
		]);
	});
});

describe('values in messages, cut and written as themselves', () => {
	const isWhole = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

	it.each([78, 79, 80, 81])('a long text with a two-unit character at position %i is cut on whole characters', (at) => {
		const text = `${'a'.repeat(at)}😀${'b'.repeat(100)}`;
		expect(isWhole(describeValue(text))).toBe(true);
		expect(isWhole(shortText(text))).toBe(true);
		expect(describeValue(text).endsWith('…"')).toBe(true);
	});

	it('a duplicated page report group with such a character is named whole (it was cut at 40 UTF-16 units)', () => {
		const group = `${'店'.repeat(38)}😀 north`;
		const state = { kind: 'satisfactionReportState', measures: {}, groupBy: 'store', groups: [{ group, tally: {} }, { group, tally: {} }] };
		const fingerprint = { nps: true, csat: null, ces: null, gapDimensions: [], kanoFeatures: [], sentiment: false };
		expect(() => parseReportState({ ...state, measures: fingerprint }, fingerprint, 'store', 3)).toThrow(
			`Report state 3: group "${group}" is listed twice`,
		);
	});

	it('a page state without Group By is named as missing, not undefined', () => {
		const fingerprint = { nps: true, csat: null, ces: null, gapDimensions: [], kanoFeatures: [], sentiment: false };
		const state = { kind: 'satisfactionReportState', measures: fingerprint, groups: [] };
		expect(() => parseReportState(state, fingerprint, 'store', 0)).toThrow(
			'Report state 0 is grouped by missing, but this node groups by "store"',
		);
	});

	it.each([
		[[Number.NaN, 2], '[NaN,2]'],
		[[1, Number.POSITIVE_INFINITY], '[1,Infinity]'],
		[{ bins: BigInt(5) }, '{"bins":5}'],
		['x', '"x"'],
		[600, '600'],
	])('a learned state value %p reads %s', (value, shown) => {
		expect(stateValueText(value)).toBe(shown);
	});

	it.each([
		[{ a: 1 }, '"{"a":1}"'],
		[['alice'], '"["alice"]"'],
		[true, 'true'],
		[Number.NaN, 'NaN'],
	])('an owner ID %p is refused naming it, not read as "[object Object]" (two such owners were "listed twice")', (id, shown) => {
		expect(() => buildOwnerPool([{ id: 'bob', dailyCapacity: 2 }, { id, dailyCapacity: 2 }])).toThrow(
			`Owner 2 in the pool has the ID ${shown}, which is not text or a number (expected an owner ID such as alice)`,
		);
	});

	it('a segment rule without a value to compare with says missing, not "undefined"', () => {
		const rule = { field: 'orderCount', operator: 'greaterThan', label: 'Many' } as unknown as SegmentRule;
		expect(() => validateRules([rule])).toThrow('Rule 1 compares with missing, which is not a number (expected digits such as 30 or 1.5)');
	});
});

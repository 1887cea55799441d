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
			`Report state 3: group "${group}" is listed twice; a page run lists each group once`,
		);
	});

	it('a page state without Group By is named as missing, not undefined', () => {
		const fingerprint = { nps: true, csat: null, ces: null, gapDimensions: [], kanoFeatures: [], sentiment: false };
		const state = { kind: 'satisfactionReportState', measures: fingerprint, groups: [] };
		expect(() => parseReportState(state, fingerprint, 'store', 0)).toThrow(
			'Report state 0 is grouped by missing, but this node groups by "store"; combine pages made with the same Group By',
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

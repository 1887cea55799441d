import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { ICredentialType, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import packageJson from '../../package.json';
import { nodeClasses } from '../helpers/nodeClasses';

/**
 * The README is the user's manual: every parameter a user can see in a node's panel, options of
 * collections and fields of lists included, is named in that node's section of README.md (between
 * `<!-- section:<key> -->` and `<!-- /section:<key> -->`) by the label the panel shows. The README may
 * shorten a row of labels that share words, as its tables do: "NPS / CSAT / CES Column" names "CSAT
 * Column", "Tier A / A+B Revenue Share (%)" names "Tier A+B Revenue Share (%)". A label counts only as a
 * whole term, in the same case: "Value" inside "Value Tier" or "value" in a sentence names nothing.
 */
const README = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README section of each node, by the node's type name. */
const SECTIONS: Record<string, string> = {
	segmentCustomer: 'segment',
	detectChurnRisk: 'churn',
	scoreSatisfaction: 'satisfaction',
	scheduleRevisit: 'revisit',
	sendCareMessage: 'care',
	measureCareImpact: 'impact',
};

/**
 * Where each credential's fields are explained: its channel's part of *Channels* (with the part above the
 * first channel, which explains Base URL for all), or its ledger backend's item under *Ledger and idempotency*.
 */
const CHANNELS = '### Channels';
const CREDENTIAL_PARTS: Record<string, string[]> = {
	careSmtpApi: [CHANNELS, '#### SMTP email'],
	careAliyunSmsApi: [CHANNELS, '#### Aliyun SMS'],
	careTwilioSmsApi: [CHANNELS, '#### Twilio SMS'],
	careWecomRobotApi: [CHANNELS, '#### WeCom group robot'],
	careDingtalkRobotApi: [CHANNELS, '#### DingTalk robot'],
	careFeishuBotApi: [CHANNELS, '#### Feishu / Lark bot'],
	careSlackWebhookApi: [CHANNELS, '#### Slack incoming webhook'],
	careWebhookApi: [CHANNELS, '#### Generic webhook'],
	careRedisLedgerApi: ['- **Redis**'],
	carePostgresLedgerApi: ['- **Postgres**'],
};

/**
 * Labels not found where they belong, as "<node or credential> › <label path>", with the reason. "pending
 * README" entries are gaps whose README text is proposed to the lead; each goes when the README has it
 * (the staleness test below fails until it does).
 */
const ALLOWED: Record<string, string> = {};

interface Labelled {
	/** The label path as the panel shows it: "Rules › Rule › Value". */
	path: string;
	displayName: string;
}

const EXEMPT_TYPES = new Set(['hidden', 'notice']);

function isCollectionGroup(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && Array.isArray((option as INodePropertyCollection).values);
}

/** Every label a user can see, once per distinct label path (a parameter shown in several variants is one label). */
function labels(properties: INodeProperties[], parents: string[] = []): Labelled[] {
	const found: Labelled[] = [];
	for (const property of properties) {
		if (EXEMPT_TYPES.has(property.type)) continue;
		const path = [...parents, property.displayName];
		found.push({ path: path.join(' › '), displayName: property.displayName });
		if (property.type === 'collection') {
			found.push(...labels((property.options ?? []) as INodeProperties[], path));
		} else if (property.type === 'fixedCollection') {
			const groups = (property.options ?? []).filter(isCollectionGroup);
			for (const group of groups) {
				// A list with one kind of entry shows the entry's label only as "Add <label>" under the
				// list's own label (Rules › Add Rule): the list's label names it.
				const groupPath = [...path, group.displayName];
				if (groups.length > 1) found.push({ path: groupPath.join(' › '), displayName: group.displayName });
				found.push(...labels(group.values, groupPath));
			}
		}
	}
	const seen = new Set<string>();
	return found.filter(({ path }) => !seen.has(path) && seen.add(path));
}

// The README is hard-wrapped: a label may run over a line break ("**Customer\nID Column**").
const unwrap = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, ' ');

function section(key: string): string {
	const start = `<!-- section:${key} -->`;
	const end = `<!-- /section:${key} -->`;
	const from = README.indexOf(start);
	const to = README.indexOf(end);
	if (from < 0 || to < from) throw new Error(`README.md has no section ${start} … ${end}`);
	return unwrap(README.slice(from + start.length, to));
}

/**
 * The part of the README that starts with the line beginning `start`: a heading's text up to the next
 * heading, or a list item ("- **Redis**") with its indented lines.
 */
function part(start: string): string {
	const lines = README.split('\n');
	const from = lines.findIndex((line) => line.startsWith(start));
	if (from < 0) throw new Error(`README.md has no line starting "${start}"`);
	const ends = start.startsWith('#') ? (line: string) => line.startsWith('#') : (line: string) => !line.startsWith(' ');
	const length = lines.slice(from + 1).findIndex(ends);
	return unwrap(lines.slice(from, length < 0 ? undefined : from + 1 + length).join('\n'));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A whole term: no letter or digit joined on, and no capitalised word next to it ("Value" in "Value Tier",
// "Zone" in "Time Zone"), except a sentence's first word ("The Consent Field").
const BEFORE = '(?<![\\p{L}\\p{N}])(?<!(?<![.!?] |[\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}]*[ ])';
const AFTER = '(?![\\p{L}\\p{N}])(?![ ]\\p{Lu})';
// One alternative in a shortened row: a few words without the characters that end a label in the README.
const ALTERNATIVE = '[^/|\\n*,;`]{1,40}?';

/** Whether `text` names `label`, in full or in a row of labels sharing their first or last words. */
function mentions(text: string, label: string): boolean {
	const patterns = [escape(label)];
	const words = label.split(' ');
	for (let i = 1; i < words.length; i++) {
		const head = escape(words.slice(0, i).join(' '));
		const tail = escape(words.slice(i).join(' '));
		// Shared last words: "NPS / CSAT / CES Column" names "NPS Column" and "CSAT Column".
		patterns.push(`${head}(?: / ${ALTERNATIVE})+ ${tail}`);
		// Shared first words: "CSAT Scale From / To" names "CSAT Scale To".
		patterns.push(`${head} ${ALTERNATIVE}(?: / ${ALTERNATIVE})* / ${tail}`);
	}
	return patterns.some((pattern) => new RegExp(`${BEFORE}(?:${pattern})${AFTER}`, 'u').test(text));
}

const nodes = nodeClasses.map((NodeClass) => new NodeClass().description);

/** Every credential the package registers in package.json's `n8n.credentials`, from its TypeScript source. */
const credentials: ICredentialType[] = packageJson.n8n.credentials.map((distPath: string) => {
	const source = resolve(__dirname, '..', '..', distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(source) as Record<string, new () => ICredentialType>;
	const CredentialClass = Object.values(exports).find((value) => typeof value === 'function');
	if (!CredentialClass) throw new Error(`${source} exports no credential class`);
	return new CredentialClass();
});

describe('mentions: a label named in README text', () => {
	it.each([
		['| Output Field | `segment` |', 'Output Field'],
		['| NPS / CSAT / CES Column | `nps` |', 'NPS Column'],
		['| NPS / CSAT / CES Column | `nps` |', 'CSAT Column'],
		['| New / Active / At Risk / Lapsed Within (Days) (Lifecycle) |', 'At Risk Within (Days)'],
		['| Tier A / A+B Revenue Share (%) (Value Tier) |', 'Tier A+B Revenue Share (%)'],
		['| CSAT Scale From / To | 1 / 5 |', 'CSAT Scale To'],
		['the column **Customer ID Column**, default', 'Customer ID Column'],
		['Look For, Days Ahead / Date, 29 February', 'Date'],
		['decides. The Consent Field (default `consent`)', 'Consent Field'],
	])('%s names %s', (text, label) => expect(mentions(text, label)).toBe(true));

	it.each([
		['| Method | RFM, Value Tier (ABC) |', 'Value'],
		['a field – operator – value → label', 'Value'],
		['| Time Zone Column | `timeZone` |', 'Time Zone'],
		['| Default Daily Capacity | 8 |', 'Daily Capacity'],
		['the Default Daily Capacity (8)', 'Daily Capacity'],
		['| NPS / CSAT / CES Column |', 'Gap Column'],
		['| Customer IDs Column |', 'Customer ID'],
		['| Output Fields |', 'Output Field'],
	])('%s does not name %s', (text, label) => expect(mentions(text, label)).toBe(false));
});

interface Checked {
	/** "<node or credential> › <label path>", as ALLOWED names it. */
	key: string;
	found: boolean;
}

/** Each label of `properties`, and whether `text` names it. */
function check(owner: string, properties: INodeProperties[], text: string): Checked[] {
	return labels(properties).map(({ path, displayName }) => ({ key: `${owner} › ${path}`, found: mentions(text, displayName) }));
}

const nodeLabels = (node: (typeof nodes)[number]) => check(node.name, node.properties, section(SECTIONS[node.name]));
const credentialLabels = (credential: ICredentialType) =>
	check(credential.name, credential.properties, CREDENTIAL_PARTS[credential.name].map(part).join(' '));

const unexplained = (checked: Checked[]) => checked.filter(({ key, found }) => !found && !(key in ALLOWED)).map(({ key }) => key);

describe('README documents every parameter in its node section', () => {
	it('every node has a section', () => {
		expect(nodes.map((node) => node.name).sort()).toEqual(Object.keys(SECTIONS).sort());
		for (const key of Object.values(SECTIONS)) expect(section(key).length).toBeGreaterThan(1000);
	});

	for (const node of nodes) {
		it(`${node.displayName}: every label is in the README's section`, () => {
			expect(unexplained(nodeLabels(node))).toEqual([]);
		});
	}

	it('every credential has its part', () => {
		expect(credentials.map((credential) => credential.name).sort()).toEqual(Object.keys(CREDENTIAL_PARTS).sort());
	});

	for (const credential of credentials) {
		it(`credential ${credential.displayName}: every field is in the README's part`, () => {
			expect(unexplained(credentialLabels(credential))).toEqual([]);
		});
	}

	it('no ALLOWED entry is stale (names a label that is gone, or one the README now names)', () => {
		const checked = new Map([...nodes.flatMap(nodeLabels), ...credentials.flatMap(credentialLabels)].map(({ key, found }) => [key, found]));
		expect(Object.keys(ALLOWED).filter((key) => checked.get(key) !== false)).toEqual([]);
	});
});

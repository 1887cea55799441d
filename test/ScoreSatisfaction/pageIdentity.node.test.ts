import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * A page state names its page: a digest of the page's input items (pageIdentity). Combine Page Reports
 * refuses a page it has already combined (connected twice, or run again with both rows kept), naming the
 * page and where it first came, and counts it once; a re-run of a page is the same page, two different
 * pages never are, also when their counts are identical. States written before page IDs combine as before
 * (a repeat among them cannot be seen), with a warning saying so.
 */
const parameters = { metrics: ['nps', 'csat'], groupByColumn: 'store' };

/** Responses with IDs; `offset` gives another page of the same answers. */
const page = (offset: number): IDataObject[] =>
	Array.from({ length: 6 }, (_, i) => ({ responseId: `R${offset + i}`, store: i % 2 ? 'A' : 'B', nps: (i * 3) % 11, csat: 1 + (i % 5) }));

let runs = 0;
async function run(items: IDataObject[], reportState: string) {
	const key = `pageIdentity-${runs++}`;
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...parameters, reportState }, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
	return { report: result.json(NODE_UNDER_TEST, 1), errors: result.json(NODE_UNDER_TEST, 2).map((e) => e.error as string), hints: (task.hints ?? []).map((h) => h.message) };
}

/** The overall row of a page run. */
const overallRow = async (items: IDataObject[]) => (await run(items, 'output')).report[0];
const pageOf = (row: IDataObject) => (row.reportState as IDataObject).page as string;
const withoutRejected = (rows: IDataObject[]) => rows.map(({ rejectedItems: _, ...row }) => row);

describe('Score Satisfaction page states name their page', () => {
	it('the same page combined twice is refused naming the page; it counts once', async () => {
		const first = await overallRow(page(0));
		const second = await overallRow(page(100));
		const once = await run([first, second], 'combine');
		const twice = await run([first, second, first], 'combine');
		expect(twice.errors).toEqual([
			`Item 2: Report state 2 is page ${pageOf(first)} again, already combined from report state 0: combined twice, its responses would count twice ` +
				'(expected each page’s overall row once: a page run again replaces its earlier row; pages whose rows are identical field for field need an ID column)',
		]);
		expect(withoutRejected(twice.report)).toEqual(withoutRejected(once.report));
		expect(twice.report[0]).toMatchObject({ responses: 12, rejectedItems: 1 });
		expect(once.hints).toEqual([]);
	});

	it('a page run again is the same page; its state is refused beside the first run’s', async () => {
		const first = await overallRow(page(0));
		const again = await overallRow(page(0));
		expect(pageOf(again)).toEqual(pageOf(first));
		const combined = await run([first, again], 'combine');
		expect(combined.errors).toEqual([expect.stringMatching(/^Item 1: Report state 1 is page [0-9a-f]{32} again, already combined from report state 0/)]);
		expect(combined.report[0]).toMatchObject({ responses: 6, rejectedItems: 1 });
	});

	it('two pages with the same answers but other rows are two pages, counted both', async () => {
		const first = await overallRow(page(0));
		const other = await overallRow(page(6));
		// Their counts are identical: an identity drawn from the counts would take one for the other.
		expect((other.reportState as IDataObject).groups).toEqual((first.reportState as IDataObject).groups);
		expect(pageOf(other)).not.toEqual(pageOf(first));
		const combined = await run([first, other], 'combine');
		expect(combined.errors).toEqual([]);
		expect(combined.report[0]).toMatchObject({ responses: 12, rejectedItems: 0 });
		// A rejected item is part of its page as much as a scored one.
		const withRejected = await overallRow([...page(0), { responseId: 'R99', nps: 11 }]);
		expect(pageOf(withRejected)).not.toEqual(pageOf(first));
	});

	it('states written before page IDs combine as before, with a warning that a repeat among them goes unnoticed', async () => {
		const first = await overallRow(page(0));
		const legacy = JSON.parse(JSON.stringify(first)) as IDataObject;
		delete (legacy.reportState as IDataObject).page;
		const combined = await run([legacy, legacy, await overallRow(page(100))], 'combine');
		expect(combined.errors).toEqual([]);
		expect(combined.report[0]).toMatchObject({ responses: 18, rejectedItems: 0 });
		expect(combined.hints).toEqual([
			'2 page states carry no page ID (written before page IDs were added), so a page given twice among them would count twice unnoticed. Run those pages again to give their states one.',
		]);
	});

	it.each([
		['a number', 5],
		['not a page ID', 'page-1'],
		['null', null],
	])('a page ID that is %s is refused, naming it', async (_name, value) => {
		const first = await overallRow(page(0));
		const edited = JSON.parse(JSON.stringify(first)) as IDataObject;
		(edited.reportState as IDataObject).page = value;
		const combined = await run([edited], 'combine');
		expect(combined.errors).toEqual([`Item 0: Report state 0: page is ${JSON.stringify(value)}; expected the page ID its page run wrote (32 hexadecimal digits)`]);
		expect(combined.report[0]).toMatchObject({ responses: 0, rejectedItems: 1 });
	});
});

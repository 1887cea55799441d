import { fittedModelHints, rfmHints, typicalIntervalHints, valueTierHints } from '../../nodes/common/hints';

describe('execution hints for batch-relative results', () => {
	it('RFM: says the scores are relative to the batch, with its size; warns when fewer customers than bins', () => {
		expect(rfmHints(73, 5)).toEqual([
			{ type: 'info', location: 'outputPane', message: expect.stringContaining('relative to these 73 customers (quantile bins of this batch)') },
		]);
		expect(rfmHints(1, 5)).toEqual([{ type: 'warning', location: 'outputPane', message: expect.stringContaining('these 1 customer against each other in 5 bins') }]);
		expect(rfmHints(12_345, 3)[0].message).toContain('12,345 customers');
		expect(rfmHints(73, 5)[0].message).toContain('Cut Points → Apply Learned State');
		expect(rfmHints(0, 5)).toEqual([]);
	});

	it('value tier: relative to the revenue of the batch', () => {
		expect(valueTierHints(40)[0]).toMatchObject({ type: 'info', message: expect.stringContaining('split the revenue of these 40 customers') });
		expect(valueTierHints(0)).toEqual([]);
	});

	it('fitted model: names the model and the supplied-parameters remedy; warns under the minimum', () => {
		const [info] = fittedModelHints(73, 'BG/NBD');
		expect(info).toMatchObject({ type: 'info', location: 'outputPane' });
		expect(info.message).toContain('Scored relative to these 73 customers: the BG/NBD model was fitted on this batch');
		expect(info.message).toContain('Use Supplied Parameters');
		expect(fittedModelHints(12, 'sBG')[0]).toMatchObject({ type: 'warning', message: expect.stringContaining('fitted on only 12 customers; a stable fit needs at least 30') });
		expect(fittedModelHints(0, 'BG/NBD')).toEqual([]);
	});

	it('Rules Only on the batch: one-time buyers against this batch’s repeat buyers; warns when there are too few to measure against', () => {
		const [info] = typicalIntervalHints(7, true);
		expect(info).toMatchObject({ type: 'info', location: 'outputPane' });
		expect(info.message).toContain("7 customers with a single purchase: their silence is measured against the usual interval of this batch's repeat buyers");
		expect(info.message).toContain('Use Supplied Parameters');
		expect(typicalIntervalHints(1, false)[0]).toMatchObject({ type: 'warning', message: expect.stringContaining('1 customer with a single purchase was not checked for inactivity: this batch has fewer than 3 repeat buyers') });
		expect(typicalIntervalHints(2, false)[0].message).toContain('2 customers with a single purchase were not checked');
		expect(typicalIntervalHints(0, true)).toEqual([]);
		expect(typicalIntervalHints(0, false)).toEqual([]);
	});
});

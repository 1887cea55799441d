import { compactPhone, isDecimalExport } from '../../../nodes/shared/messaging/channels/phoneText';

describe('compactPhone: a phone number without its layout', () => {
	it.each([
		['138 0013 8000', '13800138000'],
		['(+86) 139-0013-9000', '+8613900139000'],
		['＋８６ １３６－００１３－６０００', '+8613600136000'],
		['+44 (0)20 7946 0958', '+442079460958'],
		// A word processor's or spreadsheet's dashes in place of the hyphen: before, each was kept, so the
		// number was no phone number (the phone channels refused it, the robots mentioned nobody).
		['138–0013–8000', '13800138000'],
		['138—0013—8000', '13800138000'],
		['138‐0013‐8000', '13800138000'],
		['138‑0013‑8000', '13800138000'],
		['+1 555−000−1111', '+15550001111'],
		['138　0013　8000', '13800138000'],
	])('%j reads as %j', (written, compact) => {
		expect(compactPhone(written)).toBe(compact);
	});

	it('keeps what is no layout, so a text that is no number stays no number', () => {
		expect(compactPhone('138·0013·8000')).toBe('138·0013·8000');
		expect(compactPhone('客服主管')).toBe('客服主管');
		expect(isDecimalExport('13800138000.0')).toBe(true);
	});
});

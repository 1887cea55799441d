// `npm run demo` checks the editor's port before anything else: with an n8n of the user's own on 5678, the
// demo's readiness and owner set-up calls would reach that n8n while the demo's stopped with EADDRINUSE.
import { createServer, type Server } from 'net';

// A plain Node script.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { editorPortProblem } = require('../../scripts/demo');

const listening = (server: Server, host?: string) =>
	new Promise<number>((done) => server.listen(0, host, () => done((server.address() as { port: number }).port)));

describe('demo editor port', () => {
	it.each([['all interfaces', undefined], ['127.0.0.1 only', '127.0.0.1']])('a port in use on %s is named, with the ways out', async (_label, host) => {
		const other = createServer();
		const port = await listening(other, host);
		try {
			expect(await editorPortProblem(port)).toBe(
				`port ${port} for the n8n editor is already in use (another n8n?): stop what uses it, or choose another with --editor-port <port>, or use --no-editor`,
			);
		} finally {
			await new Promise((done) => other.close(done));
		}
	});

	it('a free port is no problem, and stays free', async () => {
		const probe = createServer();
		const port = await listening(probe);
		await new Promise((done) => probe.close(done));
		expect(await editorPortProblem(port)).toBeNull();
		const again = createServer();
		await new Promise<void>((done) => again.listen(port, done));
		await new Promise((done) => again.close(done));
	});

	it.each([NaN, 0, 70000, 1.5])('%s is not a port', async (port) => {
		expect(await editorPortProblem(port)).toMatch(/^--editor-port is ".*", which is not a port number \(expected 1 to 65535\)$/);
	});
});

// Lints source texts as if each stood at its path, with the package's own ESLint configuration
// (eslint.config.mjs, what `npm run lint` runs). A separate process: the n8n community-nodes plugin is an
// ES module, which jest's CommonJS runtime cannot load.
// stdin: [{ filePath, text }]; stdout: { rules: [rule ids on for the first path], results: [[{ ruleId, line, message }]] }.
import { ESLint } from 'eslint';
import { resolve } from 'path';

const root = resolve(import.meta.dirname, '..', '..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const files = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const eslint = new ESLint({ cwd: root });
const config = files.length ? await eslint.calculateConfigForFile(resolve(root, files[0].filePath)) : { rules: {} };
const rules = Object.entries(config.rules ?? {})
	.filter(([, setting]) => (Array.isArray(setting) ? setting[0] : setting) !== 0 && (Array.isArray(setting) ? setting[0] : setting) !== 'off')
	.map(([id]) => id);
const results = [];
for (const { filePath, text } of files) {
	const [result] = await eslint.lintText(text, { filePath: resolve(root, filePath) });
	results.push(result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })));
}
process.stdout.write(JSON.stringify({ rules, results }));

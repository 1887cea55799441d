const { resolve } = require('path');

/**
 * N8N_PACKAGES_FROM=<a node_modules folder>, e.g. that of the current n8n in the runtime cache, runs the
 * tests with the n8n-core and n8n-workflow found there instead of the dev dependencies, so the engine
 * harness (test/helpers/runWorkflow.ts) is proven against each n8n version (.ci/run).
 */
function n8nPackagesFrom(folder) {
	if (!folder) return {};
	const entry = (name) => require.resolve(name, { paths: [resolve(folder)] });
	return { '^n8n-core$': entry('n8n-core'), '^n8n-workflow$': entry('n8n-workflow') };
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/bench/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: n8nPackagesFrom(process.env.N8N_PACKAGES_FROM),
  testTimeout: 60000,
  // n8n-core keeps module-level handles alive after WorkflowExecute runs; they hold no test state.
  forceExit: true,
};

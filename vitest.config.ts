import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Rule documentation pages are imported as text, as esbuild's text loader does for the bundle.
      name: 'markdown-as-text',
      transform(code, id) {
        if (id.endsWith('.md')) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn the CLI or external clients need more than the default 5 s on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

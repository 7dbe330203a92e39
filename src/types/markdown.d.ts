// Rule documentation pages are bundled as text (esbuild and vitest load *.md as strings).
declare module '*.md' {
  const text: string;
  export default text;
}

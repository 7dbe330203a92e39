// The entry of dist/yaml.cjs (scripts/build.mjs): the YAML parser src/bicep/yaml.ts loads on first use.
export { parseDocument, visit, isScalar } from 'yaml';

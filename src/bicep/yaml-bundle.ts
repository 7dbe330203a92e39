// The entry of dist/yaml.cjs (scripts/build.mjs): the YAML parser src/bicep/yaml.ts loads on first use.
export { parse } from 'yaml';

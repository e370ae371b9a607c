export { HelmCommand, globalFlags, tlsFlags } from './helm-command.js';
export { printTable, formatTable, writeStructured, type OutputFormat } from './output.js';

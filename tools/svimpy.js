#!/usr/bin/env node
// Entry point of the `svimpy` command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
await import('./svimpy.ts');
